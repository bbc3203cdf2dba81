package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;
import uk.schoolattendance.notices.PenaltyNoticeRegister;

/**
 * The compliance team's register page: the print queue issues notices on the day they are marked
 * posted, payments and withdrawals go through the notice's process, notices issued by others are
 * recorded, the register downloads as CSV; bad input is named and changes nothing; nobody else
 * finds the pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RegisterPageTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final String ADMIN_PASSWORD = "Copper-Meadow-Violin-58!";
  private static final LocalDate POSTING_DAY = LocalDate.of(2026, 11, 2);

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired PenaltyNoticeRegister register;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired uk.schoolattendance.persons.Persons persons;

  @BeforeEach
  void postingDay() {
    today(POSTING_DAY);
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  private static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  private CaseFileClient signedIn(String user) {
    return signedIn(user, user);
  }

  private CaseFileClient signedIn(String user, String password) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user, password);
    return person;
  }

  /** A notice the process has prepared: it waits in the print queue. */
  private String prepared() {
    String number = numbers.next();
    String upn = CaseFileCases.newUpn();
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, NoticeInputs.inputs("REG-" + upn, upn, "other"));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    return number;
  }

  /** The path and query a redirect sends the browser to. */
  private static String path(String location) {
    java.net.URI uri = java.net.URI.create(location);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  /** Walk 12 #12: a parent phoning gives a name, or the notice number written short. */
  @Test
  void theSearchBoxFindsAParentsOrChildsNameAndANoticeNumberWrittenShort() {
    String number = prepared();
    PenaltyNoticeEntry entry = register.get(number);
    CaseFileClient compliance = signedIn("compliance");
    String parentPart = entry.parentName().toLowerCase(java.util.Locale.UK).substring(1);
    String shortNumber = number.replaceFirst("-0+(\\d+)$", "-$1");
    assertThat(shortNumber).isNotEqualTo(number);
    for (String q : java.util.List.of(parentPart, entry.pupilName().toUpperCase(java.util.Locale.UK), shortNumber.toLowerCase(java.util.Locale.UK))) {
      CaseFileClient.Page found = compliance.get("/casework/register?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(found.status()).as(q).isEqualTo(200);
      assertThat(found.html().select("tr[data-notice=" + number + "]")).as(q).hasSize(1);
    }
    // the wildcard characters are letters here, not patterns
    assertThat(compliance.get("/casework/register?q=%25").html().select("tr[data-notice=" + number + "]")).isEmpty();
  }

  @Test
  void theComplianceTeamPostsTheDaysLettersAndEachNoticeIsIssuedThatDay() {
    String first = prepared();
    String second = prepared();
    String later = prepared();
    CaseFileClient compliance = signedIn("compliance");

    CaseFileClient.Page register1 = compliance.get("/casework/register?state=prepared");
    assertThat(register1.status()).isEqualTo(200);
    assertThat(register1.html().select("#notices").text()).contains(first, second, "Post or hand over by");
    CaseFileClient.Page queue = queuePageShowing(compliance, "a[data-letter=" + first + "]").orElseThrow();
    assertThat(queue.html().select("a[data-letter=" + first + "]").attr("href"))
        .isEqualTo("/api/penalty-notices/" + first + "/letter?deliveryMethod=post");

    // nothing chosen: named, nothing changes
    CaseFileClient.Page none = compliance.post(queue, "#print-queue-form", fields("method", "post"));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.html().select(".govuk-error-summary").text()).contains("Select the letters you have posted or handed over");
    assertThat(none.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#notices");
    assertThat(register.get(first).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);

    // without the page's CSRF token the same change is refused
    assertThat(compliance.postForm("/casework/register/print-queue", fields("notice", first, "method", "post")).status())
        .isEqualTo(403);
    assertThat(register.get(first).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);

    CaseFileClient.Page posted = compliance.postForm("/casework/register/print-queue",
        Map.of("_csrf", queue.html().select("#print-queue-form input[name=_csrf]").val(),
            "notice", first, "method", "post"));
    assertThat(posted.status()).as(posted.html().select(".govuk-error-summary").text()).isEqualTo(302);
    assertThat(compliance.get(path(posted.location())).html().select("#done").text())
        .contains("1 notice marked as posted on 2 November 2026");
    PenaltyNoticeEntry issued = register.get(first);
    assertThat(issued.status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
    assertThat(issued.issuedOn()).isEqualTo(POSTING_DAY);
    assertThat(issued.deliveryMethod()).isEqualTo("post");
    assertThat(issued.deemedReceivedOn()).isEqualTo(LocalDate.of(2026, 11, 4)); // the 2nd working day after posting
    assertThat(register.get(later).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    assertThat(queuePageShowing(compliance, letter(first))).isEmpty();
    assertThat(queuePageShowing(compliance, letter(later))).isPresent();
  }

  @Test
  void aPaymentOfTheWrongAmountIsNamedAndTheRightOneRecordedWithHowItWasPaid() {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form",
        fields("notice", number, "method", "hand"));
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
    today(LocalDate.of(2026, 11, 5));

    CaseFileClient.Page page = compliance.get("/casework/register/" + number);
    assertThat(page.html().select("#payment-form")).isNotEmpty();
    CaseFileClient.Page wrong = compliance.post(page, "#payment-form",
        fields("amount", "70", "paid-day", "5", "paid-month", "11", "paid-year", "2026", "method", "card"));
    assertThat(wrong.status()).isEqualTo(400);
    // in the words of the form's fields (walk 12 #8)
    assertThat(wrong.html().select(".govuk-error-summary").text())
        .contains("Amount paid must be £80.00 on 5 November 2026 (you entered £70.00): part payments are not accepted");
    assertThat(wrong.html().select("#amount").val()).isEqualTo("70");
    // an overpayment is recorded as paid, with the excess as a refund owed:
    // anOverpaymentIsRecordedAsPaidWithTheExcessAsARefundDueAndTheRefundMadeIsRecorded
    LocalDate issuedOn = register.get(number).issuedOn();
    LocalDate before = issuedOn.minusDays(3);
    CaseFileClient.Page early = compliance.post(page, "#payment-form", fields("amount", "80", "paid-day",
        String.valueOf(before.getDayOfMonth()), "paid-month", String.valueOf(before.getMonthValue()), "paid-year",
        String.valueOf(before.getYear()), "method", "card"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.html().select(".govuk-error-summary").text()).contains("Date of the payment must be on or after "
        + uk.schoolattendance.process.Days.shown(issuedOn) + ", the day the notice was issued");
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);

    CaseFileClient.Page missing = compliance.post(page, "#payment-form", fields("amount", "", "method", ""));
    assertThat(missing.html().select(".govuk-error-summary li").eachText())
        .containsExactly("Enter the amount paid", "Enter the date of the payment", "Select how the payment was made");

    CaseFileClient.Page paid = compliance.post(page, "#payment-form",
        fields("amount", "£80.00", "paid-day", "5", "paid-month", "11", "paid-year", "2026", "method", "bank-transfer",
            "reference", "BACS-123"));
    assertThat(paid.status()).as(paid.html().select(".govuk-error-summary").text()).isEqualTo(302);
    CaseFileClient.Page after = compliance.get(path(paid.location()));
    assertThat(after.html().select("#done").text()).contains("The payment has been recorded");
    assertThat(after.html().select("#details").text()).contains("£80.00 on 5 November 2026, bank transfer, reference BACS-123");
    PenaltyNoticeEntry entry = register.get(number);
    assertThat(entry.status()).isEqualTo(PenaltyNoticeEntry.PAID);
    assertThat(entry.amountPaid()).isEqualByComparingTo(new BigDecimal("80.00"));
    assertThat(after.html().select("#payment-form")).isEmpty();
  }

  @Test
  void anOverpaymentIsRecordedAsPaidWithTheExcessAsARefundDueAndTheRefundMadeIsRecorded() {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form",
        fields("notice", number, "method", "hand"));
    today(LocalDate.of(2026, 11, 5));
    CaseFileClient.Page page = compliance.get("/casework/register/" + number);
    // £800 typed for £80: more than the notice's full amount is refused under the amount, and changes nothing
    CaseFileClient.Page typo = compliance.post(page, "#payment-form",
        fields("amount", "800", "paid-day", "5", "paid-month", "11", "paid-year", "2026", "method", "card"));
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.html().select(".govuk-error-summary").text())
        .contains("Amount paid must be no more than £160.00, the full amount of the notice (you entered £800.00)");
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
    assertThat(register.refund(number)).isEmpty();
    // the council received £160 where £80 was due (the reduced period): recorded as paid, £80 owed back
    CaseFileClient.Page over = compliance.post(page, "#payment-form",
        fields("amount", "160", "paid-day", "5", "paid-month", "11", "paid-year", "2026", "method", "card"));
    assertThat(over.status()).as(over.html().select(".govuk-error-summary").text()).isEqualTo(302);
    PenaltyNoticeEntry paid = register.get(number);
    assertThat(paid.status()).isEqualTo(PenaltyNoticeEntry.PAID);
    assertThat(paid.amountPaid()).isEqualByComparingTo("160.00");
    assertThat(register.refund(number)).get().satisfies(refund -> {
      assertThat(refund.amount()).isEqualByComparingTo("80.00");
      assertThat(refund.made()).isFalse();
    });
    CaseFileClient.Page after = compliance.get("/casework/register/" + number);
    assertThat(after.html().select("#details").text()).contains("Paid £160.00 on 5 November 2026, card", "Refund due £80.00");
    assertThat(compliance.get("/casework/register").html().select("tr[data-notice=" + number + "]").text())
        .contains("Refund due: £80.00");
    // the register's CSV names the refund owed, for the compliance officer's reconciliation
    String[] header = compliance.get("/casework/register/export.csv?state=paid").body().split("\r\n")[0].split(",");
    assertThat(java.util.Arrays.asList(header).subList(header.length - 6, header.length))
        .containsExactly("refundOwed", "refundMade", "refundedOn", "refundMethod", "refundReference", "refundedBy");
    assertThat(csvRow(compliance, number)).endsWith(",80.00,,,,,");

    // the refund made: refusals named under their fields, nothing changes
    CaseFileClient.Page missing = compliance.post(after, "#refund-form", fields());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.html().select(".govuk-error-summary li").eachText())
        .containsExactly("Enter the date of the refund", "Select how the refund was made");
    assertThat(missing.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#refunded-day", "#refund-method");
    CaseFileClient.Page early = compliance.post(after, "#refund-form",
        fields("refunded-day", "4", "refunded-month", "11", "refunded-year", "2026", "refund-method", "bank-transfer"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.html().select(".govuk-error-summary").text())
        .contains("Date of the refund must be on or after 5 November 2026, the day the notice was paid");
    assertThat(register.refund(number).get().made()).isFalse();

    CaseFileClient.Page refunded = compliance.post(after, "#refund-form",
        fields("refunded-day", "5", "refunded-month", "11", "refunded-year", "2026", "refund-method", "bank-transfer",
            "refund-reference", "RF-88"));
    assertThat(refunded.status()).as(refunded.html().select(".govuk-error-summary").text()).isEqualTo(302);
    CaseFileClient.Page done = compliance.get(path(refunded.location()));
    assertThat(done.html().select("#done").text()).contains("The refund has been recorded");
    assertThat(done.html().select("#details").text())
        .contains("Refunded £80.00 on 5 November 2026, bank transfer, reference RF-88, recorded by compliance")
        .doesNotContain("Refund due");
    assertThat(done.html().select("#refund-form")).isEmpty();
    assertThat(compliance.get("/casework/register").html().select("tr[data-notice=" + number + "]").text())
        .doesNotContain("Refund due");
    // and the CSV the refund made: how much, when, how, its reference and by whom, no longer owed
    assertThat(csvRow(compliance, number)).endsWith(",,80.00,2026-11-05,bank-transfer,RF-88,compliance");
    // recorded once: a second time is refused at the notice's status
    CaseFileClient.Page twice = compliance.post(after, "#refund-form",
        fields("refunded-day", "5", "refunded-month", "11", "refunded-year", "2026", "refund-method", "cash"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#state");
    assertThat(register.refund(number).get().method()).isEqualTo("bank-transfer");

    // withdrawn after the overpayment (review s13 M3; no flow of today's withdraws a paid notice of the
    // authority's own, so the row is put in that state directly): reg 8 repays the £80 penalty, and the
    // £80 overpaid is the refund already made, not owed twice
    jdbc.update("UPDATE pn_notice SET status = 'withdrawn', withdrawn_on = ?, withdrawal_ground = 'wrong-recipient'"
        + " WHERE notice_number = ?", LocalDate.of(2026, 11, 6), number);
    String details = compliance.get("/casework/register/" + number).html().select("#details").text();
    assertThat(details).contains("Repayment £80.00 paid as the penalty must be repaid",
        "the overpayment of £80.00 is the refund already made").doesNotContain("£160.00 paid as the penalty");
  }

  @Test
  void aPaymentRefusedForTheNoticeItselfIsShownAtItsStatusNotUnderTheAmount() {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form",
        fields("notice", number, "method", "hand"));
    today(LocalDate.of(2026, 11, 5));
    CaseFileClient.Page page = compliance.get("/casework/register/" + number);
    // withdrawn in another window while this page was open
    compliance.post(compliance.get("/casework/register/" + number), "#withdrawal-form",
        fields("ground", "wrong-recipient", "withdrawal-reason", "Sent to the other parent"));
    CaseFileClient.Page refused = compliance.post(page, "#payment-form",
        fields("amount", "80", "paid-day", "5", "paid-month", "11", "paid-year", "2026", "method", "card"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#state");
    assertThat(refused.html().select("#amount-error")).isEmpty();
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.WITHDRAWN);
  }

  @Test
  void aWithdrawalNeedsItsGroundAndReasonAndThenEndsTheNotice() {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page page = compliance.get("/casework/register/" + number);
    CaseFileClient.Page refused = compliance.post(page, "#withdrawal-form", fields());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary li").eachText())
        .containsExactly("Select the ground for withdrawing the notice", "Enter why the notice is withdrawn");
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);

    CaseFileClient.Page withdrawn = compliance.post(page, "#withdrawal-form",
        fields("ground", "wrong-recipient", "withdrawal-reason", "Sent to the other parent"));
    assertThat(withdrawn.status()).as(withdrawn.html().select(".govuk-error-summary").text()).isEqualTo(302);
    PenaltyNoticeEntry entry = register.get(number);
    assertThat(entry.status()).isEqualTo(PenaltyNoticeEntry.WITHDRAWN);
    assertThat(entry.withdrawalGround()).isEqualTo("wrong-recipient");
    assertThat(queuePageShowing(compliance, letter(number) + ", [data-notice=" + number + "]")).isEmpty();
  }

  @Test
  void aHeadTeachersNoticeIsRecordedFromTheFormAndBadInputIsNamed() {
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page form = compliance.get("/casework/register/external");
    CaseFileClient.Page refused = compliance.post(form, "#external-form",
        fields("issuedBy", "head-teacher", "pupilUpn", "A123", "fullAmount", "lots"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary li").eachText())
        .contains("Enter the child’s name", "Select whether the notice was paid",
            "The full amount must be an amount in pounds and pence, for example 80.00");
    assertThat(refused.html().select("#pupilUpn").val()).isEqualTo("A123");

    String upn = CaseFileCases.newUpn();
    CaseFileClient.Page recorded = compliance.post(form, "#external-form",
        fields("issuedBy", "head-teacher", "issuerName", "Riverside Primary School", "issuerReference", "RPS-7",
            "pupilName", "Kim Other", "pupilUpn", upn, "schoolUrn", "100001", "parentName", "Lee Other",
            "parentId", "EXT-" + upn, "parentAddress", "2 Mill Lane", "noticeReason", "holiday",
            "offenceFrom-day", "7", "offenceFrom-month", "9", "offenceFrom-year", "2026",
            "offenceTo-day", "11", "offenceTo-month", "9", "offenceTo-year", "2026",
            "issuedOn-day", "1", "issuedOn-month", "10", "issuedOn-year", "2026",
            "fullAmount", "160", "reducedAmount", "80", "paid", "no"));
    assertThat(recorded.status()).as(recorded.html().select(".govuk-error-summary").text()).isEqualTo(302);
    String number = path(recorded.location()).replaceAll(".*/|\\?.*", "");
    PenaltyNoticeEntry entry = register.get(number);
    assertThat(entry.issuedBy()).isEqualTo("head-teacher");
    assertThat(entry.pupilUpn()).isEqualTo(upn);
    assertThat(entry.status()).isEqualTo(PenaltyNoticeEntry.UNPAID);
    assertThat(compliance.get(path(recorded.location())).html().select("#details").text())
        .contains("A head teacher: Riverside Primary School (reference RPS-7)", "7 September 2026 to 11 September 2026");
  }

  @Test
  void theExternalNoticeFormOffersTheChildsParentsToPickAndKeepsTypingForSomeoneElse() {
    String upn = CaseFileCases.newUpn();
    new CaseFileCases(runtimeService).start(uk.schoolattendance.casework.CaseFixtures.UNIVERSAL_SCHOOL, "Ivy Picker", upn,
        "parent-1", "Rowan Picker", "parent-2", "Sage Picker");
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page blank = compliance.get("/casework/register/external");
    assertThat(blank.html().select("input[name=parentChoice]")).isEmpty();
    assertThat(blank.html().select("#find-parents").attr("formaction")).isEqualTo("/casework/register/external/parents");

    // "Find the child's parents" with the UPN typed: the form as typed, now with the child's parents to pick
    CaseFileClient.Page found = compliance.postForm("/casework/register/external/parents", withCsrf(blank, fields("pupilUpn", upn, "pupilName", "Ivy Picker")));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.html().select("#pupilName").val()).isEqualTo("Ivy Picker");
    List<String> offered = found.html().select("input[name=parentChoice] + label").eachText();
    assertThat(offered).hasSize(3);
    assertThat(offered.get(0)).startsWith("Rowan Picker, 1 High Street, Southend SS1 1AA (P-");
    assertThat(offered.get(1)).startsWith("Sage Picker, ");
    assertThat(offered.get(2)).startsWith("Someone else");
    String sage = found.html().select("input[name=parentChoice]").get(1).val();
    assertThat(compliance.get("/casework/register/external?pupilUpn=" + upn).html().select("input[name=parentChoice]")).hasSize(3);

    // picked: the parent's details are the person's, nothing typed
    Map<String, String> notice = fields("issuedBy", "head-teacher", "issuerName", "Riverside Primary School",
        "pupilName", "Ivy Picker", "pupilUpn", upn, "schoolUrn", "100001", "noticeReason", "holiday",
        "offenceFrom-day", "7", "offenceFrom-month", "9", "offenceFrom-year", "2026",
        "offenceTo-day", "11", "offenceTo-month", "9", "offenceTo-year", "2026",
        "issuedOn-day", "1", "issuedOn-month", "10", "issuedOn-year", "2026",
        "fullAmount", "160", "reducedAmount", "80", "paid", "no");
    Map<String, String> picked = new HashMap<>(notice);
    picked.put("parentChoice", sage);
    CaseFileClient.Page recorded = compliance.post(found, "#external-form", picked);
    assertThat(recorded.status()).as(recorded.html().select(".govuk-error-summary").text()).isEqualTo(302);
    PenaltyNoticeEntry entry = register.get(path(recorded.location()).replaceAll(".*/|\\?.*", ""));
    assertThat(entry.parentId()).isEqualTo(sage);
    assertThat(entry.parentName()).isEqualTo("Sage Picker");
    assertThat(entry.parentAddress()).isEqualTo("1 High Street, Southend SS1 1AA");

    // a person who is not this child's parent cannot be picked: named, nothing recorded
    Map<String, String> stranger = new HashMap<>(notice);
    stranger.put("parentChoice", "P-999999");
    stranger.put("issuerReference", "X-1");
    CaseFileClient.Page refused = compliance.post(found, "#external-form", stranger);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#parentChoice");

    // someone not on the child's cases yet: typed, and checked as before
    Map<String, String> typed = new HashMap<>(notice);
    typed.put("parentChoice", "someone-else");
    typed.put("offenceFrom-month", "10");
    typed.put("offenceTo-month", "10");
    typed.put("issuedOn-month", "11");
    CaseFileClient.Page unnamed = compliance.post(found, "#external-form", typed);
    assertThat(unnamed.status()).isEqualTo(400);
    assertThat(unnamed.html().select(".govuk-error-summary li").eachText())
        .containsExactly("Enter the parent’s name", "Enter the parent’s ID", "Enter the parent’s address");
    typed.putAll(fields("parentName", "Ash Stepparent", "parentId", "EXT-" + upn, "parentAddress", "9 Quay Street"));
    CaseFileClient.Page other = compliance.post(found, "#external-form", typed);
    assertThat(other.status()).as(other.html().select(".govuk-error-summary").text()).isEqualTo(302);
    assertThat(register.get(path(other.location()).replaceAll(".*/|\\?.*", "")).parentName()).isEqualTo("Ash Stepparent");
  }

  /** The page's hidden fields (the CSRF token) with these values: a form sent to another of its buttons' actions. */
  private static Map<String, String> withCsrf(CaseFileClient.Page page, Map<String, String> values) {
    Map<String, String> all = new HashMap<>();
    page.html().select("#external-form input[type=hidden]").forEach(input -> all.put(input.attr("name"), input.attr("value")));
    all.putAll(values);
    return all;
  }

  /** Walk 12 #14: the error summary lists the problems in the order of the form's fields. */
  @Test
  void theExternalNoticeFormsErrorSummaryFollowsTheOrderOfItsFields() {
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page form = compliance.get("/casework/register/external");
    CaseFileClient.Page refused = compliance.post(form, "#external-form", fields("paid", "yes"));
    assertThat(refused.status()).isEqualTo(400);
    List<String> targets = refused.html().select(".govuk-error-summary a").eachAttr("href");
    assertThat(targets).contains("#pupilName", "#pupilUpn", "#parentName", "#parentId");
    List<Integer> places = new java.util.ArrayList<>();
    List<org.jsoup.nodes.Element> elements = refused.html().select("#external-form *");
    for (String target : targets) {
      org.jsoup.nodes.Element field = refused.html().selectFirst(target);
      assertThat(field).as(target).isNotNull();
      places.add(elements.indexOf(field));
    }
    assertThat(places).as(String.join(", ", targets)).isSorted();
  }

  @Test
  void aParentsIdThatBelongsToSomeoneElseIsRefusedNamingWhoItIsAndNothingIsRecorded() {
    String upn = CaseFileCases.newUpn();
    String alex = persons.resolve("case-parent-" + upn, "Alex Woodley", "57 Station Road, Southend SS1 1AA", null);
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page form = compliance.get("/casework/register/external");
    java.util.function.BiFunction<String, String, CaseFileClient.Page> record = (parentId, parentName) ->
        compliance.post(form, "#external-form",
            fields("issuedBy", "other-la", "issuerName", "Essex County Council", "pupilName", "Walker Twelve",
                "pupilUpn", upn, "schoolUrn", "100001", "parentName", parentName, "parentId", parentId,
                "parentAddress", "144 Victoria Avenue", "noticeReason", "other",
                "offenceFrom-day", "7", "offenceFrom-month", "9", "offenceFrom-year", "2026",
                "offenceTo-day", "9", "offenceTo-month", "10", "offenceTo-year", "2026",
                "issuedOn-day", "24", "issuedOn-month", "10", "issuedOn-year", "2026",
                "fullAmount", "160", "reducedAmount", "80", "paid", "no"));

    // one wrong digit would file an unpaid notice on Alex Woodley's record: refused, naming whose ID it is
    CaseFileClient.Page refused = record.apply(alex, "Pat Twelve");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a[href=\"#parentId\"]").text())
        .contains(alex + " is Alex Woodley, not Pat Twelve").doesNotContain("Station Road");
    assertThat(refused.html().select("#parentId").val()).isEqualTo(alex);
    CaseFileClient.Page nobody = record.apply("P-999999", "Pat Twelve");
    assertThat(nobody.status()).isEqualTo(400);
    assertThat(nobody.html().select(".govuk-error-summary a[href=\"#parentId\"]").text()).contains("P-999999 is no person on record");
    assertThat(register.count(uk.schoolattendance.notices.RegisterQuery.ofFilters(null, upn, null, null, 0, 10, null))).isZero();

    // the parent's own name, however it is spaced or capitalised, is theirs
    CaseFileClient.Page recorded = record.apply(alex, "alex  WOODLEY");
    assertThat(recorded.status()).as(recorded.html().select(".govuk-error-summary").text()).isEqualTo(302);
    assertThat(recorded.location()).endsWith("?done=recorded");
  }

  /**
   * Walk 12, #6: recording a notice issued earlier than those on record moves them along. The
   * confirmation names the authority's own live notice that is now beyond the limit, and a notice now
   * 2nd that carries a reduced amount a second notice cannot have.
   */
  @Test
  void theConfirmationOfARecordedNoticeNamesTheNoticesItPushedBeyondTheLimitOrLeftWithAReduction() {
    String upn = CaseFileCases.newUpn();
    String june = recorded(external(upn, "2026-06-01", "2026-06-12", "2026-06-19", 80.00));
    String own = preparedFor(upn, "2026-09-07", "2026-10-16");
    assertThat(register.get(own).sequence()).isEqualTo(2);
    CaseFileClient compliance = signedIn("compliance");
    // nothing to say when nothing moved
    assertThat(compliance.get("/casework/register/" + june + "?done=recorded").html().select("#attention-list li")).isEmpty();

    String march = recorded(external(upn, "2025-03-03", "2025-03-14", "2025-03-20", 80.00));
    org.jsoup.nodes.Document page = compliance.get("/casework/register/" + march + "?done=recorded").html();
    assertThat(page.select(".govuk-notification-banner, #success").text()).contains("The notice has been recorded in the register");
    java.util.List<String> attention = page.select("#attention-list li").eachText();
    assertThat(attention).anySatisfy(line -> assertThat(line)
        .startsWith(own + " (prepared by the local authority, not yet issued) is now the 3rd in 3 years")
        .contains("beyond the limit of 2"));
    assertThat(attention).anySatisfy(line -> assertThat(line)
        .startsWith(june + " (issued by a head teacher on 19 June 2026; unpaid) is the 2nd in 3 years")
        .contains("reduced amount of £80.00", "no reduced amount", "SI 2024/210"));
    assertThat(attention).noneSatisfy(line -> assertThat(line).startsWith("This notice"));
    // the notice's own page, opened later, is not a confirmation
    assertThat(compliance.get("/casework/register/" + march).html().select("#attention-list li")).isEmpty();
  }

  /**
   * Review note: the confirmation named only one of the authority's notices pushed beyond the limit
   * when a notice recorded late pushed several there. Each is named.
   */
  @Test
  void theConfirmationNamesEachOfOurNoticesARecordedNoticePushedBeyondTheLimit() {
    String upn = CaseFileCases.newUpn();
    String september = preparedFor(upn, "2026-09-07", "2026-09-18");
    String october = preparedFor(upn, "2026-10-05", "2026-10-16");
    assertThat(register.get(september).sequence()).isEqualTo(1);
    assertThat(register.get(october).sequence()).isEqualTo(2);
    String march = recorded(external(upn, "2025-03-03", "2025-03-14", "2025-03-20", 80.00));
    assertThat(register.get(october).sequence()).isEqualTo(3);
    String june = recorded(external(upn, "2025-06-02", "2025-06-13", "2025-06-20", null));
    assertThat(register.get(september).sequence()).isEqualTo(3);
    assertThat(register.get(october).sequence()).isEqualTo(4);
    java.util.List<String> attention = signedIn("compliance").get("/casework/register/" + june + "?done=recorded").html()
        .select("#attention-list li").eachText();
    assertThat(attention).filteredOn(line -> line.contains("beyond the limit of 2")).hasSize(2);
    assertThat(attention).anySatisfy(line -> assertThat(line)
        .startsWith(september + " (prepared by the local authority, not yet issued) is now the 3rd in 3 years"));
    assertThat(attention).anySatisfy(line -> assertThat(line)
        .startsWith(october + " (prepared by the local authority, not yet issued) is now the 4th in 3 years"));
    assertThat(march).isNotEqualTo(june);
  }

  /**
   * Walk 12, #7: an unpaid notice whose six months for laying an information (s127) ran out says so
   * and what to do instead, rather than "must start by" a past day and a decision that cannot be taken.
   */
  @Test
  void anUnpaidNoticePastItsTimeLimitSaysAProsecutionIsNoLongerPossible() {
    String upn = CaseFileCases.newUpn();
    String old = recorded(external(upn, "2025-03-03", "2025-03-14", "2025-03-20", 80.00));
    LocalDate limit = register.get(old).informationDeadline();
    assertThat(limit).isBefore(POSTING_DAY);
    String shown = limit.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    CaseFileClient compliance = signedIn("compliance");
    assertThat(compliance.get("/casework/register/" + old).html().select("#details").text())
        .contains("The last day to lay an information was " + shown + ": a prosecution is no longer possible;"
            + " record its issuer's withdrawal")
        .doesNotContain("Prosecution must start by");
    assertThat(compliance.get("/casework/register?state=unpaid&q=" + upn).html().select("tr[data-notice=" + old + "]").text())
        .contains("The last day to lay an information was " + shown).doesNotContain("Decide on non-payment");
  }

  @Test
  void aFormWithNoIssuerChosenIsRefusedWithFieldErrorsNotACrash() {
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page form = compliance.get("/casework/register/external");
    CaseFileClient.Page refused = compliance.post(form, "#external-form", fields("pupilName", "Kim Other"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a[href=\"#issuedBy\"]").eachText())
        .containsExactly("Select who issued the notice");
    assertThat(refused.html().select(".govuk-error-summary li").eachText())
        .contains("Select the reason for the notice", "Select whether the notice was paid");
    assertThat(refused.html().select("#pupilName").val()).isEqualTo("Kim Other");
  }

  /** The notice's row of the register's CSV (of the paid notices). */
  private static String csvRow(CaseFileClient compliance, String number) {
    return java.util.Arrays.stream(compliance.get("/casework/register/export.csv?state=paid").body().split("\r\n"))
        .filter(line -> line.startsWith(number + ",")).findFirst().orElseThrow();
  }

  @Test
  void theRegisterDownloadsAsCsvWithTypedTextKeptAsText() {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page csv = compliance.get("/casework/register/export.csv?state=prepared");
    assertThat(csv.status()).isEqualTo(200);
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("noticeNumber,status,issuedBy,");
    assertThat(csv.body()).contains(number + ",prepared,local-authority,");
    assertThat(csv.body()).doesNotContain(",paid,local-authority");
    assertThat(NoticeCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(NoticeCsv.cell("1 Station Road, Southend")).isEqualTo("\"1 Station Road, Southend\"");
  }

  @Test
  void nobodyButTheComplianceTeamAndAdministratorsFindsTheRegister() {
    String number = prepared();
    for (String user : new String[] {"officer", "manager", "school1", "senior"}) {
      CaseFileClient person = signedIn(user);
      for (String path : new String[] {"/casework/register", "/casework/register/print-queue",
          "/casework/register/" + number, "/casework/register/export.csv", "/casework/register/external"}) {
        assertThat(person.get(path).status()).as(user + " " + path).isEqualTo(403);
      }
      CaseFileClient.Page any = person.get("/casework/");
      assertThat(any.html().select("nav").text()).as(user).doesNotContain("Penalty notices");
      String csrf = any.html().select("form[action$=sign-out] input[name=_csrf]").val();
      assertThat(person.postForm("/casework/register/print-queue", fields("_csrf", csrf, "notice", number, "method", "post"))
          .status()).as(user).isEqualTo(403);
    }
    // an administrator of this test's own (another test's wrong password holds "demo" back a few seconds)
    if (identityService.createUserQuery().userId("register-admin").count() == 0) {
      org.camunda.bpm.engine.identity.User admin = identityService.newUser("register-admin");
      admin.setFirstName("Ada");
      admin.setLastName("Admin");
      admin.setPassword(ADMIN_PASSWORD);
      identityService.saveUser(admin);
      identityService.createMembership("register-admin", uk.schoolattendance.identity.Groups.CAMUNDA_ADMIN);
    }
    assertThat(signedIn("register-admin", ADMIN_PASSWORD).get("/casework/register").status()).isEqualTo(200);
    assertThat(signedIn("compliance").get("/casework/").html().select("nav").text()).contains("Penalty notices");
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
  }

  // ---- the limit of 2 notices in 3 years, notices someone else issued, what the parent owes

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  /** A head teacher's notice to Alex Parent for this child, as the compliance team records it through the API. */
  @SuppressWarnings("rawtypes")
  private org.springframework.http.ResponseEntity<Map> external(String upn, String from, String to, String issuedOn,
      Object reducedAmount) {
    return external(upn, from, to, issuedOn, reducedAmount, 160.00);
  }

  @SuppressWarnings("rawtypes")
  private org.springframework.http.ResponseEntity<Map> external(String upn, String from, String to, String issuedOn,
      Object reducedAmount, Object fullAmount) {
    Map<String, Object> body = new HashMap<>(Map.ofEntries(
        Map.entry("issuedBy", "head-teacher"), Map.entry("issuerName", "A. Head, Riverside Primary School"),
        Map.entry("pupilUpn", upn), Map.entry("pupilName", "Theo Wood"), Map.entry("schoolUrn", "100001"),
        Map.entry("parentId", "EXT-" + upn), Map.entry("parentName", "Alex Parent"),
        Map.entry("parentAddress", "1 Station Road, Southend SS1 1AA"), Map.entry("noticeReason", "holiday"),
        Map.entry("offenceFrom", from), Map.entry("offenceTo", to), Map.entry("issuedOn", issuedOn),
        Map.entry("fullAmount", fullAmount), Map.entry("paid", false)));
    if (reducedAmount != null) {
      body.put("reducedAmount", reducedAmount);
    }
    return rest.withBasicAuth("compliance", "compliance").postForEntity("/api/penalty-notices/external", body, Map.class);
  }

  @SuppressWarnings("rawtypes")
  private String recorded(org.springframework.http.ResponseEntity<Map> response) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return (String) response.getBody().get("noticeNumber");
  }

  @Test
  @SuppressWarnings("rawtypes")
  void aThirdNoticeSomeoneElseIssuedIsRecordedAsThe3rdBeyondTheLimitAndASecondHasNoReduction() {
    String upn = CaseFileCases.newUpn();
    String first = recorded(external(upn, "2025-03-03", "2025-03-14", "2025-03-20", 80.00));
    assertThat(register.get(first).sequence()).isEqualTo(1);
    assertThat(register.get(first).reducedAmount()).isEqualByComparingTo("80.00");

    // a second notice in 3 years has no reduced amount (SI 2007/1867 reg 4(2)): one is refused naming the field
    org.springframework.http.ResponseEntity<Map> reduced = external(upn, "2026-06-01", "2026-06-12", "2026-06-19", 80.00);
    assertThat(reduced.getStatusCode().value()).isEqualTo(400);
    assertThat(reduced.getBody()).containsEntry("field", "reducedAmount");
    assertThat((String) reduced.getBody().get("detail")).contains("2nd notice", "no reduced amount");
    assertThat(register.count(uk.schoolattendance.notices.RegisterQuery.ofFilters(null, upn, null, null, 0, 10, null))).isEqualTo(1);

    org.springframework.http.ResponseEntity<Map> full = external(upn, "2026-06-01", "2026-06-12", "2026-06-19", null, 80.00);
    assertThat(full.getStatusCode().value()).isEqualTo(400);
    assertThat(full.getBody()).containsEntry("field", "fullAmount");
    String second = recorded(external(upn, "2026-06-01", "2026-06-12", "2026-06-19", null));
    assertThat(register.get(second).sequence()).isEqualTo(2);
    assertThat(register.get(second).reducedAmount()).isNull();
    assertThat(register.get(second).fullAmount()).isEqualByComparingTo("160.00");

    // the third happened: recorded with its true place, marked beyond the limit everywhere
    String third = recorded(external(upn, "2026-07-06", "2026-07-17", "2026-07-20", null));
    assertThat(register.get(third).sequence()).isEqualTo(3);
    assertThat(rest.withBasicAuth("compliance", "compliance").getForEntity("/api/penalty-notices/" + third, Map.class).getBody())
        .containsEntry("sequence", 3).containsEntry("reducedAmount", null);
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page page = compliance.get("/casework/register/" + third);
    assertThat(page.html().select("#details").text())
        .contains("Notice for this parent and child 3rd in 3 years: beyond the limit of 2").doesNotContain("Reduced amount");
    // withdrawing an issued notice bars prosecuting its parent for its offence (reg 8): the page does not advise it
    assertThat(page.html().select("#beyond-limit").text()).contains("no more than 2 penalty notices")
        .contains("no proceedings may be instituted against this parent for the offence it related to")
        .contains("only for a period this notice does not cover").doesNotContain("such as prosecution");
    assertThat(compliance.get("/casework/register/" + second).html().select("#details").text())
        .contains("2nd in 3 years").doesNotContain("Reduced amount");
    assertThat(compliance.get("/casework/register/" + second).html().select("#beyond-limit")).isEmpty();
    assertThat(compliance.get("/casework/register?state=unpaid").html().select("tr[data-notice=" + third + "]").text())
        .contains("Beyond the limit");
    assertThat(compliance.get("/casework/register?state=unpaid").html().select("tr[data-notice=" + second + "]").text())
        .doesNotContain("Beyond the limit");
    String[] csv = compliance.get("/casework/register/export.csv?state=unpaid").body().split("\r\n");
    assertThat(csv[0]).contains(",offenceFrom,offenceTo,sequence,preparedOn,");
    String row = java.util.Arrays.stream(csv).filter(line -> line.startsWith(third + ",")).findFirst().orElseThrow();
    assertThat(row).contains(",2026-07-06,2026-07-17,3,2026-07-20,");

    // the authority's own notice to the same parent for the same child counts them: refused, another route
    String own = numbers.next();
    runtimeService.startProcessInstanceByKey("PenaltyNotice", own, NoticeInputs.inputs("EXT-" + upn, upn, "other"));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(own).singleResult().getId();
    managementService.createJobQuery().processInstanceId(instance).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    assertThat(register.find(own)).isEmpty();
    assertThat(runtimeService.getVariable(instance, "refusalReason")).isEqualTo("limit-reached");
    assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ChooseAnotherRoute");
  }

  @Test
  void aNoticeRecordedLateThatWasIssuedFirstMovesTheLaterOnesAlong() {
    String upn = CaseFileCases.newUpn();
    String june = recorded(external(upn, "2026-06-01", "2026-06-12", "2026-06-19", 80.00));
    assertThat(register.get(june).sequence()).isEqualTo(1);
    String march = recorded(external(upn, "2025-03-03", "2025-03-14", "2025-03-20", 80.00));
    assertThat(register.get(march).sequence()).isEqualTo(1);
    assertThat(register.get(june).sequence()).isEqualTo(2);
    String july = recorded(external(upn, "2026-07-06", "2026-07-17", "2026-07-20", null));
    assertThat(register.get(july).sequence()).isEqualTo(3);
    assertThat(signedIn("compliance").get("/casework/register/" + june).html().select("#details").text())
        .contains("2nd in 3 years");
  }

  /** The authority's own notice to Alex Parent ({@code EXT-<upn>}) for this child and offence period, prepared today. */
  private String preparedFor(String upn, String from, String to) {
    String number = numbers.next();
    Map<String, Object> inputs = NoticeInputs.inputs("EXT-" + upn, upn, "other");
    inputs.put("offenceFrom", from);
    inputs.put("offenceTo", to);
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, inputs);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    return number;
  }

  @Test
  @SuppressWarnings("rawtypes")
  void aPreparedNoticeMovedAlongByNoticesRecordedLateTakesItsNewPlacesTermsAndBeyondTheLimitIsNotIssued() {
    String upn = CaseFileCases.newUpn();
    String own = preparedFor(upn, "2026-09-07", "2026-10-16");
    assertThat(register.get(own).sequence()).isEqualTo(1);
    assertThat(register.get(own).reducedAmount()).isEqualByComparingTo("80.00");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(own).singleResult().getId();

    // a head teacher's notice issued in June is recorded now: the prepared notice is the 2nd, with no reduced amount
    String june = recorded(external(upn, "2026-06-01", "2026-06-12", "2026-06-19", 80.00));
    PenaltyNoticeEntry second = register.get(own);
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.reducedAmount()).isNull();
    assertThat(second.fullAmount()).isEqualByComparingTo("160.00");
    assertThat(runtimeService.getVariable(instance, "reducedAmount")).isNull();
    assertThat(runtimeService.getVariable(instance, "sequence")).isEqualTo(2);
    assertThat(register.get(june).sequence()).isEqualTo(1);
    CaseFileClient compliance = signedIn("compliance");
    assertThat(compliance.get("/casework/register/" + own).html().select("#details").text())
        .contains("2nd in 3 years").doesNotContain("Reduced amount");

    // another from July: the prepared notice is the 3rd, beyond the limit, and is not issued by any route
    recorded(external(upn, "2026-07-06", "2026-07-17", "2026-07-20", null));
    assertThat(register.get(own).sequence()).isEqualTo(3);
    assertThat(compliance.get("/casework/register?state=prepared").html().select("tr[data-notice=" + own + "]").text())
        .contains("Beyond the limit");
    // it is not among the letters to print, but listed apart; its letter is not printed
    CaseFileClient.Page printQueue = compliance.get("/casework/register/print-queue");
    assertThat(queuePageShowing(compliance, letter(own))).isEmpty();
    assertThat(printQueue.html().select("#held-back li[data-notice=" + own + "]").text()).contains("Beyond the limit");
    assertThat(printQueue.html().select("a[href*=" + own + "/letter]")).isEmpty();
    org.springframework.http.ResponseEntity<Map> letter = rest.withBasicAuth("compliance", "compliance")
        .getForEntity("/api/penalty-notices/" + own + "/letter", Map.class);
    assertThat(letter.getStatusCode().value()).isEqualTo(409);
    assertThat(letter.getBody()).containsEntry("title", "Beyond the limit");
    assertThat((String) letter.getBody().get("detail")).contains("The letter is not printed", "is now the 3rd penalty notice");
    CaseFileClient.Page ownPage = compliance.get("/casework/register/" + own);
    assertThat(ownPage.html().select("#not-printable").text())
        .contains("Do not print or post this notice", "Withdraw it below", "Issued outside the local code of conduct");
    assertThat(ownPage.html().select("a[href$=/letter]")).isEmpty();
    // marking it posted anyway (a form sent by hand) is refused too
    CaseFileClient.Page queue = compliance.postForm("/casework/register/print-queue",
        fields("_csrf", printQueue.html().select("form[action$=sign-out] input[name=_csrf]").val(), "notice", own, "method", "post"));
    assertThat(queue.status()).isEqualTo(409);
    assertThat(queue.html().select(".govuk-error-summary").text())
        .contains("Notice " + own + " was not marked", "is now the 3rd penalty notice", "no more than 2 may be issued");
    org.springframework.http.ResponseEntity<Map> api = rest.withBasicAuth("compliance", "compliance")
        .postForEntity("/api/penalty-notices/" + own + "/dispatch", Map.of("deliveryMethod", "post"), Map.class);
    assertThat(api.getStatusCode().value()).isEqualTo(409);
    assertThat(api.getBody()).containsEntry("title", "Beyond the limit");
    org.camunda.bpm.engine.task.Task dispatch = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_DispatchPenaltyNotice").singleResult();
    assertThat(dispatch.getAssignee()).isNull();
    taskService.claim(dispatch.getId(), "compliance");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> taskService.complete(dispatch.getId(), Map.of("deliveryMethod", "post")))
        .hasMessageContaining("sequence: notice " + own + " is now the 3rd").hasMessageContaining("cannot be issued");
    assertThat(register.get(own).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);

    // withdrawn, it is no longer beyond the limit anywhere
    CaseFileClient.Page page = compliance.get("/casework/register/" + own);
    // never issued, it bars no prosecution once withdrawn
    assertThat(page.html().select("#beyond-limit").text()).contains("so it cannot be issued")
        .contains("bars no proceedings").doesNotContain("ought not to have been issued");
    CaseFileClient.Page withdrawn = compliance.post(page, "#withdrawal-form",
        fields("ground", "outside-code-of-conduct", "withdrawal-reason", "Two notices were issued before it"));
    assertThat(withdrawn.status()).as(withdrawn.html().select(".govuk-error-summary").text()).isEqualTo(302);
    assertThat(compliance.get("/casework/register?state=withdrawn").html().select("tr[data-notice=" + own + "]").text())
        .doesNotContain("Beyond the limit");
    assertThat(compliance.get("/casework/register/" + own).html().select("#beyond-limit")).isEmpty();
  }

  @Test
  void aWithdrawalMovesTheLaterNoticesUpAPlace() {
    String upn = CaseFileCases.newUpn();
    String own = preparedFor(upn, "2026-09-07", "2026-10-16");
    CaseFileClient compliance = signedIn("compliance");
    compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form", fields("notice", own, "method", "hand"));
    assertThat(register.get(own).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
    today(LocalDate.of(2026, 12, 1));
    String second = recorded(external(upn, "2026-10-19", "2026-10-30", "2026-11-20", null));
    String third = recorded(external(upn, "2026-11-02", "2026-11-13", "2026-11-25", null));
    assertThat(register.get(second).sequence()).isEqualTo(2);
    assertThat(register.get(third).sequence()).isEqualTo(3);

    CaseFileClient.Page withdrawn = compliance.post(compliance.get("/casework/register/" + own), "#withdrawal-form",
        fields("ground", "no-offence", "withdrawal-reason", "The school's register was wrong"));
    assertThat(withdrawn.status()).as(withdrawn.html().select(".govuk-error-summary").text()).isEqualTo(302);
    assertThat(register.get(own).status()).isEqualTo(PenaltyNoticeEntry.WITHDRAWN);
    assertThat(register.get(second).sequence()).isEqualTo(1);
    assertThat(register.get(third).sequence()).isEqualTo(2);
    // issued notices keep the amounts they were issued with
    assertThat(register.get(second).reducedAmount()).isNull();
    assertThat(compliance.get("/casework/register?state=unpaid").html().select("tr[data-notice=" + third + "]").text())
        .doesNotContain("Beyond the limit");
    assertThat(compliance.get("/casework/register/" + third).html().select("#details").text())
        .contains("2nd in 3 years").doesNotContain("beyond the limit");
  }

  @Test
  void theCasePageSaysWhatTheParentOwesAndByWhenFromTheNoticesOwnDeadlines() {
    String upn = CaseFileCases.newUpn();
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(cases.start("100001", "Theo Wood", upn, "parent-1", "Alex Parent"));
    String number = numbers.next();
    Map<String, Object> inputs = NoticeInputs.inputs("OWE-" + upn, upn, "other");
    inputs.put("caseReference", reference);
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, inputs);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    CaseFileClient compliance = signedIn("compliance");
    compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form", fields("notice", number, "method", "hand"));
    PenaltyNoticeEntry issued = register.get(number);
    assertThat(issued.status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
    assertThat(issued.reducedDeadline()).isBefore(issued.finalDeadline());

    String due = compliance.get("/casework/cases/" + reference).html().select("#notices").text();
    assertThat(due).contains("£80.00 by " + DAY.format(issued.reducedDeadline()) + ", then £160.00 by "
        + DAY.format(issued.finalDeadline()));

    // after the reduced period only the full amount is due, by the final deadline
    today(issued.reducedDeadline().plusDays(1));
    String later = compliance.get("/casework/cases/" + reference).html().select("#notices").text();
    assertThat(later).contains("£160.00 by " + DAY.format(issued.finalDeadline())).doesNotContain("£80.00");
  }

  @Test
  void aBadStateFilterOrPageNumberIsNamedNotIgnored() {
    prepared();
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page bad = compliance.get("/casework/register?status=bogus&page=-1");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.html().select(".govuk-error-summary li").eachText()).hasSize(2);
    assertThat(bad.html().select(".govuk-error-summary li").eachText().get(0))
        .isEqualTo("The state filter ‘bogus’ is not a state of a notice: select a state from the list (every notice is shown)");
    assertThat(bad.html().select(".govuk-error-summary li").eachText().get(1))
        .startsWith("Page ‘-1’ does not exist: ").endsWith("(page 1 is shown below)");
    assertThat(bad.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#state", "#notices-heading");
    assertThat(bad.html().select("#state-error").text()).contains("‘bogus’");
    assertThat(bad.html().select("title").text()).startsWith("Error:");

    // the API's name for the filter works here too; a good page number is no error
    CaseFileClient.Page byStatus = compliance.get("/casework/register?status=prepared&page=1");
    assertThat(byStatus.status()).isEqualTo(200);
    assertThat(byStatus.html().select("#state option[selected]").val()).isEqualTo("prepared");
    assertThat(compliance.get("/casework/register?page=abc").status()).isEqualTo(400);
    assertThat(compliance.get("/casework/register/export.csv?state=bogus").status()).isEqualTo(400);
  }
  // ---- paging: thousands of notices, made fast in SQL

  private static java.util.List<String> numbersOn(CaseFileClient.Page page) {
    return page.html().select("#notices tr[data-notice]").eachAttr("data-notice");
  }

  /** What selects notice {@code number} among the print queue's letters to print. */
  private static String letter(String number) {
    return "#print-queue-form input[name=notice][value=" + number + "]";
  }

  /**
   * The page of the print queue (from page 1 on, by its "Next" link) that shows what {@code own}
   * selects, or none: other test classes may have left more letters than a page holds, due sooner.
   */
  private static java.util.Optional<CaseFileClient.Page> queuePageShowing(CaseFileClient client, String own) {
    CaseFileClient.Page page = client.get("/casework/register/print-queue");
    for (int read = 1; read <= 1000; read++) {
      if (!page.html().select(own).isEmpty()) {
        return java.util.Optional.of(page);
      }
      String next = page.html().select("#next-page").attr("href");
      if (next.isEmpty()) {
        return java.util.Optional.empty();
      }
      page = client.get(next);
    }
    throw new AssertionError("more than 1,000 pages of the print queue read looking for " + own);
  }

  private static java.util.List<String> lettersOn(CaseFileClient.Page page) {
    return page.html().select("#print-queue-form input[name=notice]").eachAttr("value");
  }

  @Test
  void theHeldBackListShowsItsFirstPageWithHowManyAreHeldBackAndHowManyMore() {
    // a lowered limit, or many notices recorded late: 150 prepared notices beyond the limit
    uk.schoolattendance.notices.BulkNotices bulk =
        uk.schoolattendance.notices.BulkNotices.prepared(jdbc, "AC-HELD-150", 1993, 150, POSTING_DAY, 1);
    try {
      Long held = jdbc.queryForObject(
          "SELECT COUNT(*) FROM pn_notice WHERE status = 'prepared' AND notice_sequence > 2", Long.class);
      assertThat(held).isGreaterThanOrEqualTo(150);
      CaseFileClient.Page queue = signedIn("compliance").get("/casework/register/print-queue");
      assertThat(queue.status()).isEqualTo(200);
      assertThat(queue.html().select("#held-back li[data-notice]")).hasSize(RegisterRows.PAGE_SIZE);
      assertThat(queue.html().select("#held-back-heading").text())
          .isEqualTo("Not to be printed: beyond the limit (" + String.format(java.util.Locale.UK, "%,d", held) + ")");
      assertThat(queue.html().select("#held-back-more").text())
          .isEqualTo("and " + (held - RegisterRows.PAGE_SIZE) + " more, listed here as those above are withdrawn");
    } finally {
      bulk.delete();
    }
  }

  @Test
  void thePrintQueuePagesThousandsOfLettersAndNeverLeavesOneOffAndMarksEveryLetterOfAPage() {
    String mine = prepared();
    String alsoMine = prepared();
    Long others = jdbc.queryForObject(
        "SELECT COUNT(*) FROM pn_notice WHERE status = 'prepared' AND notice_sequence <= 2", Long.class);
    // after a holiday term: 2,345 letters prepared, every 500th a notice now beyond the limit (held back)
    uk.schoolattendance.notices.BulkNotices bulk =
        uk.schoolattendance.notices.BulkNotices.prepared(jdbc, "AC-QUEUE-2345", 1992, 2345, POSTING_DAY, 500);
    try {
      long total = others + 2341;
      int pages = (int) ((total + 99) / 100);
      String totalWords = String.format(java.util.Locale.UK, "%,d", total);
      CaseFileClient compliance = signedIn("compliance");
      CaseFileClient.Page first = compliance.get("/casework/register/print-queue");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.html().select("#letters-heading").text()).isEqualTo("Showing 1 to 100 of " + totalWords + " letters");
      assertThat(lettersOn(first)).hasSize(100);
      assertThat(first.html().select("#next-page").attr("href")).isEqualTo("/casework/register/print-queue?page=2");
      assertThat(first.html().select("#pagination").attr("aria-label")).isEqualTo("Pages of letters");
      assertThat(first.html().select("#notices-hint").text()).contains("Ticks are kept for this page only");
      // the page's own letters go back with the form, for "Mark all 100 letters on this page"
      assertThat(first.html().select("#print-queue-form input[name=onPage]").eachAttr("value")).isEqualTo(lettersOn(first));
      assertThat(first.html().select("#mark-page").text()).isEqualTo("Mark all 100 letters on this page as posted or handed over today");

      CaseFileClient.Page eleventh = compliance.get("/casework/register/print-queue?page=11");
      assertThat(eleventh.html().select("#letters-heading").text())
          .isEqualTo("Showing 1,001 to 1,100 of " + totalWords + " letters");
      assertThat(eleventh.html().select("#pagination a[aria-current=page]").text()).isEqualTo("11");
      assertThat(eleventh.html().select("#print-queue-form input[name=page]").val()).isEqualTo("11");

      // every letter on exactly one page, none left off, none held back among them
      java.util.List<String> all = new java.util.ArrayList<>();
      for (int page = 1; page <= pages; page++) {
        all.addAll(lettersOn(compliance.get("/casework/register/print-queue?page=" + page)));
      }
      java.util.List<String> held = java.util.List.of("PN-1992-000500", "PN-1992-001000", "PN-1992-001500", "PN-1992-002000");
      java.util.List<String> bulkLetters = bulk.inRegisterOrder("prepared");
      assertThat(bulkLetters).hasSize(2341);
      assertThat(all).hasSize((int) total).doesNotHaveDuplicates().containsAll(bulkLetters).contains(mine, alsoMine)
          .doesNotContainAnyElementsOf(held);
      assertThat(all.stream().filter(bulkLetters::contains).toList()).containsExactlyElementsOf(bulkLetters);
      assertThat(first.html().select("#held-back li[data-notice]").eachAttr("data-notice")).containsAll(held);
      CaseFileClient.Page beyond = compliance.get("/casework/register/print-queue?page=" + (pages + 1));
      assertThat(beyond.status()).isEqualTo(400);
      assertThat(beyond.html().select(".govuk-error-summary li").eachText()).containsExactly("Page ‘" + (pages + 1)
          + "’ does not exist: these letters fill pages 1 to " + pages + " (page " + pages + " is shown below)");

      // "Mark all on this page" marks exactly the letters the page listed (not the ticks, not letters that came since),
      // and the same page is shown again
      String csrf = first.html().select("#print-queue-form input[name=_csrf]").val();
      CaseFileClient.Page marked = compliance.postPairs("/casework/register/print-queue", java.util.List.of(
          new String[] {"_csrf", csrf}, new String[] {"onPage", mine}, new String[] {"onPage", alsoMine},
          new String[] {"notice", mine}, new String[] {"method", "post"}, new String[] {"page", "2"}, new String[] {"all", "page"}));
      assertThat(marked.status()).isEqualTo(302);
      assertThat(path(marked.location())).isEqualTo("/casework/register/print-queue?posted=2&method=post&page=2");
      assertThat(register.get(mine).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
      assertThat(register.get(alsoMine).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
      assertThat(register.get(bulkLetters.get(0)).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    } finally {
      bulk.delete();
    }
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void thousandsOfNoticesArePagedInAStableOrderWithTheFiltersKeptAndTheCsvHoldsThemAll() {
    uk.schoolattendance.notices.BulkNotices bulk =
        uk.schoolattendance.notices.BulkNotices.make(jdbc, "AC-PAGING-2345", 1991, 2345, POSTING_DAY);
    try {
      CaseFileClient compliance = signedIn("compliance");
      CaseFileClient.Page first = compliance.get("/casework/register?q=AC-PAGING-2345");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.html().select("#notices-heading").text()).isEqualTo("2,345 notices");
      assertThat(first.html().select("#showing").text()).isEqualTo("Showing 1 to 100 of 2,345 notices");
      assertThat(first.html().select("#previous-page")).isEmpty();
      assertThat(first.html().select("#pagination .govuk-pagination__item").eachText())
          .containsExactly("1", "2", "⋯", "24");
      assertThat(first.html().select("#next-page").attr("href")).isEqualTo("/casework/register?q=AC-PAGING-2345&page=2");
      assertThat(first.html().select("#pagination").attr("aria-label")).isEqualTo("Pages of notices");

      CaseFileClient.Page eleventh = compliance.get("/casework/register?q=AC-PAGING-2345&page=11");
      assertThat(eleventh.html().select("#showing").text()).isEqualTo("Showing 1,001 to 1,100 of 2,345 notices");
      assertThat(eleventh.html().select("#pagination .govuk-pagination__item").eachText())
          .containsExactly("1", "⋯", "10", "11", "12", "⋯", "24");
      assertThat(eleventh.html().select("#pagination a[aria-current=page]").text()).isEqualTo("11");
      assertThat(eleventh.html().select("#previous-page").attr("href")).isEqualTo("/casework/register?q=AC-PAGING-2345&page=10");

      // every notice on exactly one page, in the register's order (soonest deadline first, ties newest then by number)
      java.util.List<String> all = new java.util.ArrayList<>();
      for (int page = 1; page <= 24; page++) {
        all.addAll(numbersOn(compliance.get("/casework/register?q=AC-PAGING-2345&page=" + page)));
      }
      assertThat(all).hasSize(2345).doesNotHaveDuplicates().containsExactlyElementsOf(bulk.inRegisterOrder(null));
      CaseFileClient.Page last = compliance.get("/casework/register?q=AC-PAGING-2345&page=24");
      assertThat(last.html().select("#showing").text()).isEqualTo("Showing 2,301 to 2,345 of 2,345 notices");
      assertThat(last.html().select("#next-page")).isEmpty();

      // a page out of range is named, and the nearest page shown
      CaseFileClient.Page beyond = compliance.get("/casework/register?q=AC-PAGING-2345&page=25");
      assertThat(beyond.status()).isEqualTo(400);
      assertThat(beyond.html().select(".govuk-error-summary li").eachText()).containsExactly(
          "Page ‘25’ does not exist: these notices fill pages 1 to 24 (page 24 is shown below)");
      assertThat(beyond.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#notices-heading");
      assertThat(numbersOn(beyond)).isEqualTo(numbersOn(last));
      assertThat(compliance.get("/casework/register?q=AC-PAGING-2345&page=0").status()).isEqualTo(400);
      assertThat(compliance.get("/casework/register?q=AC-PAGING-2345&page=two").html().select(".govuk-error-summary").text())
          .contains("Page ‘two’ does not exist");

      // a state and the search together: the links keep both
      long unpaid = bulk.count("unpaid");
      CaseFileClient.Page filtered = compliance.get("/casework/register?state=unpaid&q=AC-PAGING-2345&page=2");
      assertThat(filtered.html().select("#showing").text())
          .isEqualTo("Showing 101 to 200 of " + String.format(java.util.Locale.UK, "%,d", unpaid) + " notices");
      assertThat(filtered.html().select("#next-page").attr("href")).isEqualTo("/casework/register?state=unpaid&q=AC-PAGING-2345&page=3");
      assertThat(filtered.html().select("#previous-page").attr("href")).isEqualTo("/casework/register?state=unpaid&q=AC-PAGING-2345");
      assertThat(filtered.html().select("#q").val()).isEqualTo("AC-PAGING-2345");
      assertThat(numbersOn(filtered)).containsExactlyElementsOf(bulk.inRegisterOrder("unpaid").subList(100, 200));
      assertThat(filtered.html().select("#export-link").attr("href")).isEqualTo("/casework/register/export.csv?state=unpaid&q=AC-PAGING-2345");

      // the spreadsheet: every matching notice, not one page
      String[] csv = compliance.get("/casework/register/export.csv?q=AC-PAGING-2345").body().split("\r\n");
      assertThat(csv).hasSize(2346);
      assertThat(java.util.Arrays.stream(csv).skip(1).map(line -> line.substring(0, line.indexOf(','))).toList())
          .containsExactlyElementsOf(bulk.inRegisterOrder(null));
      assertThat(compliance.get("/casework/register/export.csv?state=unpaid&q=AC-PAGING-2345").body().split("\r\n"))
          .hasSize((int) unpaid + 1);

      // the API pages the same notices from 0, a page past the last named
      org.springframework.http.ResponseEntity<Map> api = rest.withBasicAuth("compliance", "compliance")
          .getForEntity("/api/penalty-notices?caseReference=AC-PAGING-2345&size=100&page=23", Map.class);
      assertThat(api.getBody()).containsEntry("totalElements", 2345).containsEntry("totalPages", 24).containsEntry("page", 23);
      assertThat((java.util.List) api.getBody().get("content")).hasSize(45);
      java.util.Set<Object> viaApi = new java.util.HashSet<>();
      for (int page = 0; page < 24; page++) {
        ((java.util.List<Map<String, Object>>) rest.withBasicAuth("compliance", "compliance")
            .getForEntity("/api/penalty-notices?caseReference=AC-PAGING-2345&size=100&page=" + page, Map.class).getBody()
            .get("content")).forEach(entry -> viaApi.add(entry.get("noticeNumber")));
      }
      assertThat(viaApi).hasSize(2345);
      org.springframework.http.ResponseEntity<Map> past = rest.withBasicAuth("compliance", "compliance")
          .getForEntity("/api/penalty-notices?caseReference=AC-PAGING-2345&size=100&page=24", Map.class);
      assertThat(past.getStatusCode().value()).isEqualTo(400);
      assertThat(past.getBody()).containsEntry("field", "page");
    } finally {
      bulk.delete();
    }
  }

  // ---- notices someone else issued: what their issuer reports

  @Test
  @SuppressWarnings("rawtypes")
  void theIssuersWithdrawalMovesTheLaterNoticesBackAndABadOneIsNamedAndChangesNothing() {
    String upn = CaseFileCases.newUpn();
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(cases.start("100001", "Theo Wood", upn, "EXT-" + upn, "Alex Parent"));
    String own = preparedFor(upn, "2026-09-07", "2026-10-16");
    String june = recorded(external(upn, "2026-06-01", "2026-06-12", "2026-06-19", 80.00));
    String july = recorded(external(upn, "2026-07-06", "2026-07-17", "2026-07-20", null));
    assertThat(register.get(own).sequence()).isEqualTo(3);
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page page = compliance.get("/casework/register/" + june);
    assertThat(page.html().select("#issuer-withdrawal-form")).isNotEmpty();
    assertThat(page.html().select("#withdrawal-form")).isEmpty();

    // nothing given, a day before the notice was issued, a day in the future: each named, nothing changes
    CaseFileClient.Page empty = compliance.post(page, "#issuer-withdrawal-form", fields());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.html().select(".govuk-error-summary li").eachText()).containsExactly(
        "Enter the date of the withdrawal", "Select the ground the issuer gave for withdrawing the notice",
        "Enter who told you, for example the head teacher’s name and school");
    CaseFileClient.Page early = compliance.post(page, "#issuer-withdrawal-form", fields("withdrawn-day", "18",
        "withdrawn-month", "6", "withdrawn-year", "2026", "ground", "no-offence", "withdrawal-reported-by", "A. Head"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.html().select(".govuk-error-summary li").text())
        .contains("The withdrawal was not recorded: the date must not be before the notice was issued (19 June 2026)");
    assertThat(early.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#withdrawn-day");
    assertThat(early.html().select("#withdrawal-reported-by").val()).isEqualTo("A. Head");
    CaseFileClient.Page future = compliance.post(page, "#issuer-withdrawal-form", fields("withdrawn-day", "3",
        "withdrawn-month", "11", "withdrawn-year", "2026", "ground", "no-offence", "withdrawal-reported-by", "A. Head"));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.html().select(".govuk-error-summary").text()).contains("The date of the withdrawal must be today or in the past");
    assertThat(register.get(june).status()).isEqualTo(PenaltyNoticeEntry.UNPAID);
    assertThat(register.get(own).sequence()).isEqualTo(3);

    CaseFileClient.Page withdrawn = compliance.post(page, "#issuer-withdrawal-form", fields("withdrawn-day", "20",
        "withdrawn-month", "10", "withdrawn-year", "2026", "ground", "no-offence",
        "withdrawal-reported-by", "A. Head, Riverside Primary School"));
    assertThat(withdrawn.status()).as(withdrawn.html().select(".govuk-error-summary").text()).isEqualTo(302);
    PenaltyNoticeEntry entry = register.get(june);
    assertThat(entry.status()).isEqualTo(PenaltyNoticeEntry.WITHDRAWN);
    assertThat(entry.withdrawnOn()).isEqualTo(LocalDate.of(2026, 10, 20));
    assertThat(entry.withdrawalGround()).isEqualTo("no-offence");
    // the places move back, as after a withdrawal of the authority's own: July is the 1st, the prepared notice the 2nd
    assertThat(register.get(july).sequence()).isEqualTo(1);
    assertThat(register.get(own).sequence()).isEqualTo(2);
    assertThat(register.get(own).reducedAmount()).isNull();
    CaseFileClient.Page after = compliance.get(path(withdrawn.location()));
    assertThat(after.html().select("#done").text()).contains("The issuer's withdrawal has been recorded");
    assertThat(after.html().select("#state").text()).isEqualTo("Withdrawn by its issuer");
    assertThat(after.html().select("#details").text())
        .contains("20 October 2026: No offence was committed. Withdrawn by its issuer; reported by A. Head, Riverside Primary School");
    assertThat(after.html().select("#issuer-withdrawal-form")).isEmpty();
    assertThat(compliance.get("/casework/register?q=" + upn).html().select("tr[data-notice=" + june + "]").text())
        .contains("Withdrawn by its issuer", "Withdrawn by its issuer on 20 October 2026");
    assertThat(compliance.get("/casework/register?q=" + upn).html().select("tr[data-notice=" + own + "]").text())
        .doesNotContain("Beyond the limit");
    assertThat(compliance.get("/casework/cases/" + reference).html().select("#notices").text())
        .contains(june, "Issued by a head teacher; withdrawn by its issuer on 20 October 2026", july, "Issued by a head teacher; unpaid");

    // no longer beyond the limit, the prepared notice prints again and is a letter to post
    assertThat(rest.withBasicAuth("compliance", "compliance").getForEntity("/api/penalty-notices/" + own + "/letter", byte[].class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(compliance.get("/casework/register/print-queue").html().select("#print-queue-form input[value=" + own + "]"))
        .isNotEmpty();

    // a second withdrawal, and the authority's own notice, are refused naming the notice; nothing changes
    Map<String, Object> again = Map.of("withdrawnOn", "2026-10-21", "withdrawalGround", "no-offence", "reportedBy", "A. Head");
    org.springframework.http.ResponseEntity<Map> twice = rest.withBasicAuth("compliance", "compliance")
        .postForEntity("/api/penalty-notices/" + june + "/external-withdrawal", again, Map.class);
    assertThat(twice.getStatusCode().value()).isEqualTo(400);
    assertThat(twice.getBody()).containsEntry("field", "noticeNumber");
    assertThat((String) twice.getBody().get("detail")).contains("already withdrawn (on 20 October 2026)");
    assertThat(register.get(june).withdrawnOn()).isEqualTo(LocalDate.of(2026, 10, 20));
    org.springframework.http.ResponseEntity<Map> ours = rest.withBasicAuth("compliance", "compliance")
        .postForEntity("/api/penalty-notices/" + own + "/external-withdrawal", again, Map.class);
    assertThat(ours.getStatusCode().value()).isEqualTo(400);
    assertThat(ours.getBody()).containsEntry("field", "noticeNumber");
    assertThat((String) ours.getBody().get("detail")).contains("the authority's own", "through its process");
    assertThat(register.get(own).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    assertThat(compliance.get("/casework/register/" + own).html().select("#issuer-withdrawal-form")).isEmpty();

    // only the compliance team (and administrators) record it: others 403, the register's pages are not theirs
    for (String user : new String[] {"officer", "senior", "manager"}) {
      assertThat(rest.withBasicAuth(user, user).postForEntity("/api/penalty-notices/" + july + "/external-withdrawal",
          again, Map.class).getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(rest.withBasicAuth(user, user).postForEntity("/api/penalty-notices/" + july + "/external-payment",
          Map.of("amountPaid", 160.00, "paidOn", "2026-10-21", "reportedBy", "A. Head"), Map.class).getStatusCode().value())
          .as(user).isEqualTo(403);
    }
    assertThat(register.get(july).status()).isEqualTo(PenaltyNoticeEntry.UNPAID);
    assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/penalty-notices/PN-2026-999998/external-withdrawal",
        again, Map.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void theIssuersReportOfPaymentIsRecordedInFullOnceAndABadOneIsNamed() {
    String upn = CaseFileCases.newUpn();
    String notice = recorded(external(upn, "2026-06-01", "2026-06-12", "2026-06-19", 80.00));
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page page = compliance.get("/casework/register/" + notice);
    assertThat(page.html().select("#issuer-payment-form")).isNotEmpty();
    assertThat(page.html().select("#payment-form")).isEmpty();

    CaseFileClient.Page part = compliance.post(page, "#issuer-payment-form", fields("amount", "50", "paid-day", "1",
        "paid-month", "7", "paid-year", "2026", "payment-reported-by", "A. Head"));
    assertThat(part.status()).isEqualTo(400);
    assertThat(part.html().select(".govuk-error-summary").text())
        .contains("The payment was not recorded: the amount must be exactly £80.00, the amount due on 1 July 2026");
    // the payment rule of the authority's own notices, on the latest deadlines the law gives a notice issued
    // on Friday 19 June 2026: posted that day, received Tuesday 23 June, reduced by 13 July, in full by 20 July
    CaseFileClient.Page lateReduced = compliance.post(page, "#issuer-payment-form", fields("amount", "80.00", "paid-day",
        "14", "paid-month", "7", "paid-year", "2026", "payment-reported-by", "A. Head"));
    assertThat(lateReduced.status()).isEqualTo(400);
    assertThat(lateReduced.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#amount");
    assertThat(lateReduced.html().select(".govuk-error-summary").text()).contains(
        "The payment was not recorded: the amount must be exactly £160.00, the amount due on 14 July 2026",
        "a notice issued on 19 June 2026 is received by 23 June 2026 at the latest, so its reduced amount £80.00 is due"
            + " by 13 July 2026 and its full amount £160.00 by 20 July 2026");
    org.springframework.http.ResponseEntity<Map> monthsLate = rest.withBasicAuth("compliance", "compliance").postForEntity(
        "/api/penalty-notices/" + notice + "/external-payment",
        Map.of("amountPaid", 80.00, "paidOn", "2026-10-01", "reportedBy", "A. Head"), Map.class);
    assertThat(monthsLate.getStatusCode().value()).isEqualTo(400);
    assertThat(monthsLate.getBody()).containsEntry("field", "paidOn");
    assertThat((String) monthsLate.getBody().get("detail"))
        .contains("must be within the payment period, 19 June 2026 to 20 July 2026 (a payment on 1 October 2026 is outside it)");
    org.springframework.http.ResponseEntity<Map> lateFull = rest.withBasicAuth("compliance", "compliance").postForEntity(
        "/api/penalty-notices/" + notice + "/external-payment",
        Map.of("amountPaid", 160.00, "paidOn", "2026-07-21", "reportedBy", "A. Head"), Map.class);
    assertThat(lateFull.getStatusCode().value()).isEqualTo(400);
    assertThat(lateFull.getBody()).containsEntry("field", "paidOn");
    assertThat(register.get(notice).status()).isEqualTo(PenaltyNoticeEntry.UNPAID);
    CaseFileClient.Page early = compliance.post(page, "#issuer-payment-form", fields("amount", "80", "paid-day", "1",
        "paid-month", "6", "paid-year", "2026", "payment-reported-by", "A. Head"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#paid-day");
    assertThat(early.html().select(".govuk-error-summary").text()).contains("must not be before the notice was issued");
    org.springframework.http.ResponseEntity<Map> future = rest.withBasicAuth("compliance", "compliance").postForEntity(
        "/api/penalty-notices/" + notice + "/external-payment",
        Map.of("amountPaid", 80.00, "paidOn", "2026-12-01", "reportedBy", "A. Head"), Map.class);
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody()).containsEntry("field", "paidOn");
    assertThat((String) future.getBody().get("detail")).contains("must not be in the future (today is 2 November 2026)");
    assertThat(register.get(notice).status()).isEqualTo(PenaltyNoticeEntry.UNPAID);

    CaseFileClient.Page paid = compliance.post(page, "#issuer-payment-form", fields("amount", "80.00", "paid-day", "1",
        "paid-month", "7", "paid-year", "2026", "payment-reported-by", "A. Head, Riverside Primary School"));
    assertThat(paid.status()).as(paid.html().select(".govuk-error-summary").text()).isEqualTo(302);
    PenaltyNoticeEntry entry = register.get(notice);
    assertThat(entry.status()).isEqualTo(PenaltyNoticeEntry.PAID);
    assertThat(entry.amountPaid()).isEqualByComparingTo("80.00");
    assertThat(entry.paidOn()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(compliance.get(path(paid.location())).html().select("#details").text())
        .contains("£80.00 on 1 July 2026, as its issuer reported (told by A. Head, Riverside Primary School)");
    org.springframework.http.ResponseEntity<Map> twice = rest.withBasicAuth("compliance", "compliance").postForEntity(
        "/api/penalty-notices/" + notice + "/external-payment",
        Map.of("amountPaid", 80.00, "paidOn", "2026-07-02", "reportedBy", "A. Head"), Map.class);
    assertThat(twice.getStatusCode().value()).isEqualTo(400);
    assertThat(twice.getBody()).containsEntry("field", "noticeNumber");

    // a paid notice its issuer withdraws: the payment must be repaid (SI 2007/1867 reg 8)
    org.springframework.http.ResponseEntity<Map> withdrawn = rest.withBasicAuth("compliance", "compliance").postForEntity(
        "/api/penalty-notices/" + notice + "/external-withdrawal",
        Map.of("withdrawnOn", "2026-07-10", "withdrawalGround", "wrong-recipient", "reportedBy", "A. Head"), Map.class);
    assertThat(withdrawn.getStatusCode().value()).as(String.valueOf(withdrawn.getBody())).isEqualTo(200);
    assertThat(withdrawn.getBody()).containsEntry("status", "withdrawn").containsEntry("withdrawalGround", "wrong-recipient");
    assertThat(compliance.get("/casework/register/" + notice).html().select("#details").text())
        .contains("£80.00 paid must be repaid to the person who paid it");
  }
}
