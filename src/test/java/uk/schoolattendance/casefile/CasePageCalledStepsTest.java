package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.court.CourtProceedings;

/**
 * The case page tells the whole case: what happens inside the processes a case calls (the court
 * proceedings here) shows in its timeline in words, with days and who did each step; the court's
 * outcome in full, credited to who recorded it; a step the case reached is not credited to whoever's
 * step led there; a closed case links the pupil's other cases and offers a new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CasePageCalledStepsTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.FormService formService;

  @AfterEach
  void reset() {
    TestClock.reset();
    identityService.clearAuthentication();
  }

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  /** Completes the process's one open task of this key as the user (claimed first, as Tasklist does). */
  private void completeAs(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
    new CaseSteps(taskService, identityService, managementService).completeAs(user, processInstanceId, taskKey, variables);
  }

  private void executeJobs(String processInstanceId) {
    new CaseSteps(taskService, identityService, managementService).executeJobs(processInstanceId);
  }

  /**
   * A Level 3 case of Gail Marsh's child at a school without the traded service, which works Levels 1–3
   * itself: the family work formalised and no contract agreed, so the Pupil Planning Meeting is next.
   */
  private ProcessInstance pastTheContract(String pupil, String upn, int unauthorisedSessions) {
    ProcessInstance instance = new CaseFileCases(runtimeService).start(
        Map.of(AttendanceCase.ENTRY_LEVEL.name(), 3, AttendanceCase.UNAUTHORISED_SESSIONS.name(), unauthorisedSessions),
        CaseFixtures.UNIVERSAL_SCHOOL, pupil, upn, "parent-1", "Gail Marsh");
    completeAs("school2", instance.getId(), AttendanceCase.WORK_WITH_FAMILY.id(), Map.of(
        AttendanceCase.EARLY_HELP_CONSENT.name(), false, AttendanceCase.CASEWORK_OUTCOME.name(), "formalise"));
    completeAs("school2", instance.getId(), AttendanceCase.AGREE_ATTENDANCE_CONTRACT.id(), Map.of(
        AttendanceCase.CONTRACT_AGREED.name(), false, AttendanceCase.NO_CONTRACT_REASON.name(), "Parent refused to meet",
        AttendanceCase.SUFFICIENT_IMPROVEMENT.name(), "Attendance above 95 %"));
    return instance;
  }

  private ProcessInstance caseInCourt(String upn) {
    ProcessInstance instance = pastTheContract("Theo Marsh", upn, 9);
    completeAs("senior", instance.getId(), AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id(), Map.of(
        AttendanceCase.LEGAL_ROUTE.name(), "prosecution", AttendanceCase.OFFENCE_FROM.name(), "2026-09-14",
        AttendanceCase.OFFENCE_TO.name(), "2026-10-09", AttendanceCase.LEGAL_ROUTE_REASON.name(), "Sustained absence",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage"));
    return instance;
  }

  private String court(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult().getId();
  }

  @Test
  void theCourtsStepsOutcomeInFullAndTheSupervisionOrderDecisionShowInTheTimelineWithWhoDidEach() {
    CaseFixtures.clockAt(2026, 12, 3, 10);
    String upn = CaseFileCases.newUpn();
    ProcessInstance instance = caseInCourt(upn);
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    String court = court(instance);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.INTERVIEW_UNDER_CAUTION.id(), Map.of(
        CourtProceedings.INTERVIEW_DATE.name(), "2026-12-02", CourtProceedings.INTERVIEW_RECORD_REFERENCE.name(), "Legal file LF-2026-77"));
    completeAs("officer", court, CourtProceedings.PREPARE_COURT_CASE.id(), Map.of(
        CourtProceedings.OFFENCE_SECTION.name(), "s444-1A", CourtProceedings.SUPERVISION_ORDER_CONSIDERED.name(), true,
        CourtProceedings.INFORMATION_LAID_ON.name(), "2026-12-02", CourtProceedings.HEARING_DATE.name(), "2027-02-10"));

    // during the proceedings: each step so far, in words, with the day and who did it
    Element timeline = signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#timeline");
    assertThat(entry(timeline, "Court case prepared"))
        .contains("Olivia Okafor", "Information laid on 2 December 2026", "hearing on 10 February 2027");
    assertThat(entry(timeline, "Parent interviewed under caution")).contains("Olivia Okafor", "Interviewed on 2 December 2026", "Legal file LF-2026-77");
    // walk 13 #4: the case page has a Court section with the proceedings' facts, not only timeline prose
    Element during = signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#court-1");
    assertThat(during).as("the Court section").isNotNull();
    assertThat(during.selectFirst("h3").text()).isEqualTo("Prosecution of Gail Marsh");
    assertThat(courtFacts(during))
        .containsEntry("Offence section", "Education Act 1996 s444(1A): the parent knew and failed to act")
        .containsEntry("Offence period", "14 September 2026 to 9 October 2026")
        .containsEntry("Information laid on", "2 December 2026")
        .containsEntry("Interview under caution", "2 December 2026, record: Legal file LF-2026-77")
        .containsEntry("Hearing", "10 February 2027")
        .containsEntry("Outcome", "Not recorded yet");
    assertThat(courtFacts(during).get("Last day to lay an information")).endsWith("(Magistrates' Courts Act 1980 s127)");

    CaseFixtures.clockAt(2027, 2, 10, 14);
    executeJobs(court);
    completeAs("officer", court, "Task_RecordCourtOutcome", Map.of(
        CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 400.0,
        CourtProceedings.COSTS_AWARDED.name(), 150.0,
        CourtProceedings.PARENTING_ORDER_MADE.name(), true, CourtProceedings.PARENTING_ORDER_MONTHS.name(), 6,
        CourtProceedings.SUPERVISION_ORDER_DIRECTED.name(), true));
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.DECIDE_ON_SUPERVISION_ORDER.id(), Map.of(
        CourtProceedings.SUPERVISION_ORDER_DECISION.name(), "not-apply",
        CourtProceedings.SUPERVISION_ORDER_REASONS.name(), "The family now works with early help"));
    completeAs("school2", court, CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id(), Map.of(
        CourtProceedings.COURT_OUTCOME_ACKNOWLEDGED.name(), true));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getEndTime()).isNotNull();

    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    timeline = page.html().selectFirst("#timeline");
    String recorded = entry(timeline, "Court outcome recorded");
    // walk 13 #7: the outcome says the conviction, the section and the hearing, then what was ordered
    assertThat(recorded).contains("Olivia Okafor",
        "Convicted under s444(1A) at the hearing on 10 February 2027: fine of £400.00, costs of £150.00 to the local authority"
            + " and parenting order of 6 months",
        "The order runs until 10 August 2027", "the authority decided not to apply (The family now works with early help)");
    assertThat(entry(timeline, "Education supervision order: the authority decided not to apply"))
        .contains("Olivia Okafor", "Reasons: The family now works with early help");
    assertThat(entry(timeline, "Court outcome acknowledged by the school")).contains("Sasha Hillcrest");
    // the case's own closing entry is the system's, not the school's who acknowledged last
    assertThat(entry(timeline, "Case closed: court outcome reached")).contains("The system", "Convicted under s444(1A)", "fine of £400.00")
        .doesNotContain("Sasha Hillcrest");
    assertThat(page.html().select("#facts").text())
        .contains("Court outcome (Gail Marsh) Convicted under s444(1A) at the hearing on 10 February 2027: fine of £400.00,"
            + " costs of £150.00 to the local authority and parenting order of 6 months", "10 August 2027", "Recorded by Olivia Okafor");
    Map<String, String> after = courtFacts(page.html().selectFirst("#court-1"));
    assertThat(after)
        .containsEntry("Outcome", "Convicted under s444(1A) at the hearing on 10 February 2027. Recorded by Olivia Okafor.")
        .containsEntry("Sentence", "Fine of £400.00, costs of £150.00 to the local authority and parenting order of 6 months;"
            + " the order runs until 10 August 2027.")
        .containsEntry("Costs awarded to the local authority", "£150.00 (Prosecution of Offences Act 1985 s18)")
        .containsEntry("Education supervision order direction (Education Act 1996 s447)",
            "The authority decided not to apply: The family now works with early help");
    // a step the case reached is what was due, not the act of whoever's step led there
    assertThat(entry(timeline, "Pupil Planning Meeting due")).contains("The system").doesNotContain("Sasha Hillcrest");
    assertThat(timeline.text()).doesNotContain("Pupil planning meeting Sasha Hillcrest");

    // the school reads its own case's court steps, as the engine lets it
    org.jsoup.nodes.Document schoolPage = signedIn("school2").get("/casework/cases/" + reference).html();
    Element school = schoolPage.selectFirst("#timeline");
    assertThat(school.text()).contains("Court outcome recorded", "fine of £400.00");
    assertThat(courtFacts(schoolPage.selectFirst("#court-1"))).containsEntry("Hearing", "10 February 2027");
    // another school does not see the case at all
    assertThat(signedIn("school1").get("/casework/cases/" + reference).status()).isEqualTo(404);

    // 24: the closed case offers a new one to those who may start a case, and the cases link each other
    assertThat(page.html().select("#new-case").text()).isEqualTo("Open a new case for this pupil");
    assertThat(signedIn("school1").get("/casework/cases/" + reference).html().select("#new-case")).isEmpty();
    CaseFixtures.clockAt(2027, 2, 11, 10);
    ProcessInstance later = new CaseFileCases(runtimeService).start(CaseFixtures.UNIVERSAL_SCHOOL, "Theo Marsh", upn, "parent-1", "Gail Marsh");
    String laterReference = new CaseFileCases(runtimeService).referenceOf(later);
    assertThat(signedIn("officer").get("/casework/cases/" + reference).html().select("#other-cases").text())
        .contains(laterReference, "Later case", "open");
    CaseFileClient.Page laterPage = signedIn("officer").get("/casework/cases/" + laterReference);
    assertThat(laterPage.html().select("#other-cases").text()).contains(reference, "Earlier case", "closed");
    assertThat(laterPage.html().select("#new-case")).isEmpty();
  }

  /** Every open task of the case's called processes with this key, completed as the user. */
  private void completeCalled(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    for (ProcessInstance called : runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()) {
      executeJobs(called.getId());
      if (taskService.createTaskQuery().processInstanceId(called.getId()).taskDefinitionKey(taskKey).count() > 0) {
        completeAs(user, called.getId(), taskKey, variables);
      }
      executeJobs(called.getId());
    }
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new java.util.HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  /** A term-time leave case whose notices are prepared: its leave evidence checked by the compliance team. */
  private ProcessInstance termTimeLeaveNoticesPrepared() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY,
        CaseFixtures.termTimeLeave(CaseFixtures.with(CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), CaseFileCases.newUpn()),
            "2026-09-14", "2026-10-09"));
    completeCalled("compliance", instance, "Task_CheckLeaveEvidence", Map.of(
        "evidenceLeaveApplication", true, "evidenceWrittenRefusal", true, "evidenceWrittenWarning", true,
        "evidenceRegistrationCertificate", true));
    return instance;
  }

  @Test
  void eachPenaltyNoticesStepsShowInTheTimelineAndThePaymentInTheNoticesTable() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance instance = termTimeLeaveNoticesPrepared();
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    CaseFileClient compliance = signedIn("compliance");
    var rows = compliance.get("/casework/cases/" + reference).html().select("#notices tbody tr");
    List<String> numbers = rows.select("td:eq(0)").eachText();
    String payer = rows.first().select("td:eq(1)").text();
    assertThat(numbers).hasSize(2);
    for (String number : numbers) {
      compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form", fields("notice", number, "method", "hand"));
    }
    CaseFixtures.clockAt(2026, 11, 5, 11);
    CaseFileClient.Page paid = compliance.post(compliance.get("/casework/register/" + numbers.get(0)), "#payment-form",
        fields("amount", "£80.00", "paid-day", "4", "paid-month", "11", "paid-year", "2026", "method", "card"));
    assertThat(paid.status()).as(paid.html().select(".govuk-error-summary").text()).isEqualTo(302);
    CaseFileClient.Page withdrawn = compliance.post(compliance.get("/casework/register/" + numbers.get(1)), "#withdrawal-form",
        fields("ground", "wrong-recipient", "withdrawal-reason", "Sent to the other parent"));
    assertThat(withdrawn.status()).as(withdrawn.html().select(".govuk-error-summary").text()).isEqualTo(302);

    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    Element timeline = page.html().selectFirst("#timeline");
    String first = "Penalty notice " + numbers.get(0);
    assertThat(entry(timeline, first)).contains("paid", "£80.00 paid on 4 November 2026", "Chris Clarke");
    assertThat(timeline.text()).contains(first + " to " + payer + ": handed over").contains("Handed over on 2 November 2026; received on 2 November 2026")
        .contains(first + " to " + payer + ": prepared").contains("Leave evidence for " + payer + " checked")
        .doesNotContainPattern("(?<!The) system,");
    // the notices' end is the case's, not the act of whoever recorded the last notice's end
    assertThat(entry(timeline, "Penalty notices concluded")).contains("The system").doesNotContain("Chris Clarke");
    assertThat(entry(timeline, "Penalty notice " + numbers.get(1))).contains("withdrawn", "Withdrawn on 5 November 2026",
        "Reason: Sent to the other parent", "Chris Clarke");
    assertThat(page.html().select("#notices thead").text()).contains("Paid");
    assertThat(page.html().select("#notices tbody tr").first().text()).contains("£80.00 on 4 November 2026");
    // the withdrawn notice bars prosecuting its parent for its period (reg 8): the case page says so beside the notices
    String withdrawnParent = rows.get(1).select("td:eq(1)").text();
    assertThat(page.html().select("#prosecution-bars li").eachText()).containsExactly("No prosecution of " + withdrawnParent
        + " for an offence period overlapping 14 September 2026 to 9 October 2026: penalty notice " + numbers.get(1)
        + " was withdrawn on 5 November 2026");
    assertThat(page.html().select("#prosecution-bars-heading").text()).isEqualTo("No prosecution for these periods");
  }

  /**
   * An overpaid notice: the refund owed (from the day of the payment, how much) and the refund made
   * (when, how, by whom) are steps of the notice in the case's timeline, which the case's school
   * reads as it reads the notice's other steps; another school finds no case.
   */
  @Test
  void aRefundOwedAndMadeShowInTheTimelineWithWhenHowMuchAndByWhom() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance instance = termTimeLeaveNoticesPrepared();
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    CaseFileClient compliance = signedIn("compliance");
    String number = compliance.get("/casework/cases/" + reference).html().select("#notices tbody tr td:eq(0)").first().text();
    compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form", fields("notice", number, "method", "hand"));
    CaseFixtures.clockAt(2026, 11, 5, 11);
    // £160 received where £80 was due: £80 owed back
    CaseFileClient.Page paid = compliance.post(compliance.get("/casework/register/" + number), "#payment-form",
        fields("amount", "£160.00", "paid-day", "4", "paid-month", "11", "paid-year", "2026", "method", "card"));
    assertThat(paid.status()).as(paid.html().select(".govuk-error-summary").text()).isEqualTo(302);
    String which = "Penalty notice " + number;
    Element owed = signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#timeline");
    assertThat(entry(owed, which)).isNotNull();
    assertThat(owed.text()).contains(": refund owed", "£80.00 paid beyond the amount due, owed back to the payer from 4 November 2026")
        .doesNotContain(": refunded");

    CaseFixtures.clockAt(2026, 11, 9, 14);
    CaseFileClient.Page refunded = compliance.post(compliance.get("/casework/register/" + number), "#refund-form",
        fields("refunded-day", "9", "refunded-month", "11", "refunded-year", "2026", "refund-method", "bank-transfer",
            "refund-reference", "RF-12"));
    assertThat(refunded.status()).as(refunded.html().select(".govuk-error-summary").text()).isEqualTo(302);
    for (String user : List.of("officer", "school2")) {
      Element timeline = signedIn(user).get("/casework/cases/" + reference).html().selectFirst("#timeline");
      String made = timeline.select("li").stream().filter(li -> li.select(".casefile-timeline__title").text().endsWith(": refunded"))
          .map(Element::text).findFirst().orElseThrow(() -> new AssertionError(user + ": no refund made in " + timeline.text()));
      assertThat(made).as(user).contains(which, "Chris Clarke", "9 November 2026");
      if (user.equals("officer")) {
        assertThat(made).contains("£80.00 refunded on 9 November 2026 by bank transfer, reference RF-12.");
      } else {
        // the school sees that it was refunded, not how nor the bank's reference
        assertThat(made).as(user).contains("£80.00 refunded on 9 November 2026.")
            .doesNotContain("bank transfer", "RF-12");
      }
      assertThat(timeline.text()).as(user).contains(": refund owed", "owed back to the payer from 4 November 2026");
    }
    assertThat(signedIn("school1").get("/casework/cases/" + reference).status()).isEqualTo(404);
  }

  /**
   * Walk 12 #16: a notice that was refused (here the school's leave evidence is incomplete; the
   * limit reads the same way with the notices that reach it) shows in the timeline as refused,
   * with why, and what follows: never as prepared.
   */
  @Test
  void aRefusedNoticeShowsInTheTimelineAsRefusedWithWhy() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY,
        CaseFixtures.termTimeLeave(CaseFixtures.with(CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), CaseFileCases.newUpn()),
            "2026-09-14", "2026-10-09"));
    completeCalled("compliance", instance, "Task_CheckLeaveEvidence", Map.of(
        "evidenceLeaveApplication", true, "evidenceWrittenRefusal", false, "evidenceWrittenWarning", true,
        "evidenceRegistrationCertificate", true));
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    Element timeline = signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#timeline");
    assertThat(entry(timeline, "Penalty notice to Alex Parent refused"))
        .contains("The school's term-time leave evidence is incomplete", "; choose another route.");
    assertThat(timeline.text()).doesNotContain("Penalty notice to Alex Parent: prepared");
  }

  /**
   * Both parents' notices handed over by the compliance team from the print queue; neither paid by
   * 5 January 2027, so each is prosecuted for non-payment. The court proceedings started, by parent.
   */
  private Map<String, String> prosecutedForNonPayment(ProcessInstance instance, String reference) {
    CaseFileClient compliance = signedIn("compliance");
    for (String number : compliance.get("/casework/cases/" + reference).html().select("#notices tbody tr td:eq(0)").eachText()) {
      compliance.post(compliance.get("/casework/register/print-queue"), "#print-queue-form", fields("notice", number, "method", "hand"));
    }
    CaseFixtures.clockAt(2027, 1, 5, 10);
    List<ProcessInstance> notices = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list();
    assertThat(notices).hasSize(2);
    Map<String, String> courtOf = new java.util.LinkedHashMap<>();
    for (ProcessInstance notice : notices) {
      for (int i = 0; i < 3 && taskService.createTaskQuery().processInstanceId(notice.getId())
          .taskDefinitionKey(uk.schoolattendance.notices.PenaltyNotice.DECIDE_ON_NON_PAYMENT.id()).count() == 0; i++) {
        executeJobs(notice.getId());
      }
      completeAs("compliance", notice.getId(), uk.schoolattendance.notices.PenaltyNotice.DECIDE_ON_NON_PAYMENT.id(), Map.of(
          uk.schoolattendance.notices.PenaltyNotice.NON_PAYMENT_DECISION.name(), uk.schoolattendance.notices.PenaltyNotice.PROSECUTE));
      courtOf.put(String.valueOf(runtimeService.getVariable(notice.getId(), uk.schoolattendance.notices.PenaltyNotice.PARENT_NAME.name())),
          runtimeService.createProcessInstanceQuery().superProcessInstanceId(notice.getId()).singleResult().getId());
    }
    return courtOf;
  }

  /** Takes one court proceedings through to its recorded outcome on the hearing day, as the officer. */
  private void throughCourt(String court, int hearingDay, Map<String, Object> outcome) {
    prepareCourt(court, hearingDay);
    hearing(court, hearingDay, outcome);
  }

  @Test
  void eachParentsProsecutionForNonPaymentShowsItsOwnOutcomeNamingTheParent() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance instance = termTimeLeaveNoticesPrepared();
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    // neither parent pays: the compliance team prosecutes each for the offence
    Map<String, String> courtOf = prosecutedForNonPayment(instance, reference);
    // Alex Parent's hearing ends in a fine; Jo Parent's, later, in a conditional discharge
    courtOf.forEach((parent, court) -> {
      boolean alex = "Alex Parent".equals(parent);
      throughCourt(court, alex ? 10 : 17, alex
          ? Map.of(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 250.0)
          : Map.of(CourtProceedings.COURT_OUTCOME.name(), "conditional-discharge"));
    });

    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    List<String> outcomes = page.html().select("#facts > .govuk-summary-list__row").stream()
        .map(Element::text).filter(text -> text.startsWith("Court outcome")).distinct().toList();
    assertThat(page.html().select("#facts").text())
        .contains("Court outcome (Alex Parent) Convicted under s444(1) at the hearing on 10 February 2027: fine of £250.00",
            "Court outcome (Jo Parent) Convicted under s444(1) at the hearing on 17 February 2027: conditional discharge");
    assertThat(outcomes).as(page.html().select("#facts").text()).hasSize(2);
    // neither notice's proceedings is the case's own: no entry of the case is rewritten with their outcome
    Element timeline = page.html().selectFirst("#timeline");
    assertThat(timeline.select("li").eachText()).filteredOn(text -> text.contains("Case closed: court outcome reached")).isEmpty();
    assertThat(entry(timeline, "Court outcome recorded (Jo Parent)")).contains("conditional discharge");
    assertThat(entry(timeline, "Court outcome recorded (Alex Parent)")).contains("fine of £250.00");
  }

  @Test
  void theNoticeToImproveLetterIsLinkedFromTheMomentItIsIssued() throws Exception {
    CaseFixtures.clockAt(2026, 11, 27, 10);
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance instance = cases.start(
        Map.of(AttendanceCase.ENTRY_LEVEL.name(), 3, AttendanceCase.UNAUTHORISED_SESSIONS.name(), 12),
        CaseFixtures.UNIVERSAL_SCHOOL, "Nia Marsh", CaseFileCases.newUpn(), "parent-1", "Gail Marsh");
    completeAs("school2", instance.getId(), AttendanceCase.WORK_WITH_FAMILY.id(), Map.of(
        AttendanceCase.EARLY_HELP_CONSENT.name(), true, AttendanceCase.EARLY_HELP_ASSESSMENT.name(), true,
        AttendanceCase.CASEWORK_OUTCOME.name(), "formalise"));
    completeAs("school2", instance.getId(), AttendanceCase.AGREE_ATTENDANCE_CONTRACT.id(), Map.of(
        AttendanceCase.CONTRACT_AGREED.name(), false, AttendanceCase.NO_CONTRACT_REASON.name(), "Parent refused to meet",
        AttendanceCase.SUFFICIENT_IMPROVEMENT.name(), "Attendance above 95 %"));
    for (ProcessInstance called : runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()) {
      executeJobs(called.getId());
    }
    String reference = cases.referenceOf(instance);
    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    assertThat(page.html().select("#letters a").eachText()).contains("Notice to Improve, issued 27 November 2026 (PDF)");
    assertThat(page.html().select("#letters a").attr("href")).isEqualTo("/api/cases/" + reference + "/notice-to-improve/letter");
    // the period the parent's letter states (walk 13, #13/#14): from receipt (posted Friday 27 November,
    // received Tuesday 1 December) to its last school day, never the timer's day after it
    String notice = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(uk.schoolattendance.improvement.NoticeToImprove.KEY).singleResult().getId();
    String period = (String) runtimeService.getVariable(notice,
        uk.schoolattendance.improvement.NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name());
    String timerDay = (String) runtimeService.getVariable(notice, uk.schoolattendance.improvement.NoticeToImprove.ENDS_ON.name());
    assertThat(period).startsWith("1 December 2026 to ");
    String started = entry(page.html().selectFirst("#timeline"), "Notice to Improve: improvement period started");
    assertThat(started).contains("Issued on 27 November 2026", "The improvement period runs from " + period + ".")
        .doesNotContain(uk.schoolattendance.process.Days.shown(java.time.LocalDate.parse(timerDay)));
    // a notice issued before the period's words were stored: the timeline gives its end, the last school
    // day before its timer's day, as it did then
    runtimeService.removeVariable(notice, uk.schoolattendance.improvement.NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name());
    assertThat(entry(signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#timeline"),
        "Notice to Improve: improvement period started"))
        .contains("Issued on 27 November 2026", "The improvement period ends on " + period.substring(period.indexOf(" to ") + 4) + ".");
    runtimeService.setVariable(notice, uk.schoolattendance.improvement.NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name(), period);
    String letter = letterText(notice);
    assertThat(letter).contains("from " + period + ". It counts from the first school day on or after the day you receive this notice.")
        // the assessment the case recorded as started is not offered again (walk 13, #23)
        .contains("the early help assessment already under way").doesNotContain("an early help assessment with your consent");
    // the local authority issues the notice; the person named recorded it (walk 13, #23)
    String issued = entry(page.html().selectFirst("#timeline"), "Notice to Improve issued by the local authority");
    assertThat(issued).contains("Issued by the local authority", "Recorded by ");
    assertThat(page.html().selectFirst("#timeline").text()).doesNotContain("Notice to improve issued");
    // the school reads its own case's letter link too
    assertThat(signedIn("school2").get("/casework/cases/" + reference).html().select("#letters a").eachText())
        .contains("Notice to Improve, issued 27 November 2026 (PDF)");
  }

  /** Prepares one court proceedings on 6 January 2027 for a hearing that February, as the officer. */
  private void prepareCourt(String court, int hearingDay) {
    CaseFixtures.clockAt(2027, 1, 6, 10);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.INTERVIEW_UNDER_CAUTION.id(), Map.of(
        CourtProceedings.INTERVIEW_DATE.name(), "2027-01-06", CourtProceedings.INTERVIEW_RECORD_REFERENCE.name(), "Legal file"));
    completeAs("officer", court, CourtProceedings.PREPARE_COURT_CASE.id(), Map.of(
        CourtProceedings.OFFENCE_SECTION.name(), "s444-1", CourtProceedings.SUPERVISION_ORDER_CONSIDERED.name(), true,
        CourtProceedings.INFORMATION_LAID_ON.name(), "2027-01-06", CourtProceedings.HEARING_DATE.name(), "2027-02-" + hearingDay));
  }

  /** Records the outcome of one prepared court proceedings on its hearing day, as the officer. */
  private void hearing(String court, int hearingDay, Map<String, Object> outcome) {
    CaseFixtures.clockAt(2027, 2, hearingDay, 14);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.RECORD_COURT_OUTCOME.id(), outcome);
    executeJobs(court);
  }

  @Test
  void aCaseWithItsOwnProsecutionAndANoticesProsecutionShowsEachOutcomeAndClosesOnItsOwn() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance instance = termTimeLeaveNoticesPrepared();
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    // neither parent pays: each is prosecuted for the offence the notice was for
    Map<String, String> courtOf = prosecutedForNonPayment(instance, reference);
    // the case itself also takes Alex Parent to court, for a later period of absence (its own legal
    // route, started here directly in the case: the route's own tests take it from the planning meeting)
    com.fasterxml.jackson.databind.node.ArrayNode alex = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (com.fasterxml.jackson.databind.JsonNode parent : uk.schoolattendance.process.Json.parse(AttendanceCase.PARENTS.name(),
        runtimeService.getVariable(instance.getId(), AttendanceCase.PARENTS.name()))) {
      if ("Alex Parent".equals(parent.path("name").asText())) {
        alex.add(parent);
      }
    }
    assertThat(alex).hasSize(1);
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity("Activity_TakeCaseToCourt")
        .setVariable(AttendanceCase.LEGAL_ROUTE.name(), "prosecution")
        .setVariable(AttendanceCase.COURT_PARENTS.name(), org.camunda.spin.Spin.JSON(alex.toString()))
        .setVariable(AttendanceCase.OFFENCE_FROM.name(), "2026-11-02")
        .setVariable(AttendanceCase.OFFENCE_TO.name(), "2026-11-27")
        .execute();
    String own = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(CourtProceedings.KEY).singleResult().getId();

    prepareCourt(courtOf.get("Alex Parent"), 10);
    prepareCourt(own, 17);
    prepareCourt(courtOf.get("Jo Parent"), 24);
    hearing(courtOf.get("Alex Parent"), 10, Map.of(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 250.0));
    hearing(own, 17, Map.of(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 120.0));
    hearing(courtOf.get("Jo Parent"), 24, Map.of(CourtProceedings.COURT_OUTCOME.name(), "conditional-discharge"));
    completeCalled("school2", instance, CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id(), Map.of(
        CourtProceedings.COURT_OUTCOME_ACKNOWLEDGED.name(), true));

    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    String facts = page.html().select("#facts").text();
    List<String> outcomes = page.html().select("#facts > .govuk-summary-list__row").stream()
        .map(Element::text).filter(text -> text.startsWith("Court outcome")).distinct().toList();
    // each proceedings its own outcome, naming its parents, in the order recorded
    assertThat(outcomes).as(facts).hasSize(3);
    assertThat(outcomes.get(0)).startsWith("Court outcome (Alex Parent) Convicted under s444(1) at the hearing on 10 February 2027: fine of £250.00");
    assertThat(outcomes.get(1)).startsWith("Court outcome (Alex Parent) Convicted under s444(1) at the hearing on 17 February 2027: fine of £120.00");
    assertThat(outcomes.get(2)).startsWith("Court outcome (Jo Parent) Convicted under s444(1) at the hearing on 24 February 2027: conditional discharge");
    // one Court section per proceedings, each naming its parent
    assertThat(page.html().select(".casefile-court h3").eachText()).hasSize(3).allMatch(title -> title.startsWith("Prosecution of "));
    Element timeline = page.html().selectFirst("#timeline");
    // the case closes on its own proceedings' outcome, not on a notice's
    assertThat(entry(timeline, "Case closed: court outcome reached")).contains("The system", "fine of £120.00")
        .doesNotContain("£250.00").doesNotContain("conditional discharge");
    assertThat(timeline.select("li").eachText()).filteredOn(text -> text.contains("Court outcome recorded")).hasSize(3);
    assertThat(entry(timeline, "Court outcome recorded (Jo Parent)")).contains("conditional discharge");
  }

  /** The facts of one proceedings in the Court section, by label (the last of a label wins). */
  private static Map<String, String> courtFacts(Element section) {
    assertThat(section).as("a Court section").isNotNull();
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    for (Element row : section.select(".govuk-summary-list__row")) {
      facts.put(row.selectFirst("dt").text(), row.selectFirst("dd").text());
    }
    return facts;
  }

  /** Walk 13 #4: an adjourned hearing shows in the Court section beside the hearing that followed, and the outcome names it. */
  @Test
  void theCourtSectionShowsEachAdjournedHearingAndTheOutcomeOfTheHearingThatDecided() {
    CaseFixtures.clockAt(2026, 12, 3, 10);
    ProcessInstance instance = caseInCourt(CaseFileCases.newUpn());
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    String court = court(instance);
    prepareCourt(court, 10);
    hearing(court, 10, Map.of(CourtProceedings.HEARING_ADJOURNED.name(), true, CourtProceedings.HEARING_DATE.name(), "2027-03-17"));
    Map<String, String> adjourned = courtFacts(signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#court-1"));
    assertThat(adjourned)
        .containsEntry("Adjourned hearing", "The hearing on 10 February 2027 was adjourned to 17 March 2027.")
        .containsEntry("Hearing", "17 March 2027")
        .containsEntry("Outcome", "Not recorded yet")
        .containsEntry("Offence section", "Education Act 1996 s444(1): failure to secure regular attendance");

    CaseFixtures.clockAt(2027, 3, 17, 14);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.RECORD_COURT_OUTCOME.id(), Map.of(CourtProceedings.COURT_OUTCOME.name(), "dismissed"));
    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    Map<String, String> decided = courtFacts(page.html().selectFirst("#court-1"));
    assertThat(decided)
        .containsEntry("Adjourned hearing", "The hearing on 10 February 2027 was adjourned to 17 March 2027.")
        .containsEntry("Hearing", "17 March 2027")
        .containsEntry("Outcome", "Prosecution under s444(1): Not guilty / dismissed at the hearing on 17 March 2027. Recorded by Olivia Okafor.")
        .doesNotContainKey("Sentence");
    assertThat(entry(page.html().selectFirst("#timeline"), "Court outcome recorded"))
        .contains("Prosecution under s444(1): Not guilty / dismissed at the hearing on 17 March 2027.");
  }

  /** Review 3 S2: the case page says what the officer chose, in the configured words: an application is refused, not dismissed. */
  @Test
  void aRefusedApplicationForAnEducationSupervisionOrderReadsInTheWordsTheFormOffered() {
    CaseFixtures.clockAt(2026, 12, 3, 10);
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance instance = pastTheContract("Theo Marsh", CaseFileCases.newUpn(), 9);
    completeAs("senior", instance.getId(), AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id(), Map.of(
        AttendanceCase.LEGAL_ROUTE.name(), "education-supervision-order", AttendanceCase.CHILD_LOOKED_AFTER.name(), false,
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "Sustained absence",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage"));
    String reference = cases.referenceOf(instance);
    String court = court(instance);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.PREPARE_COURT_CASE.id(), Map.of(
        CourtProceedings.CHILD_LOOKED_AFTER.name(), false, CourtProceedings.HEARING_DATE.name(), "2027-02-10"));
    hearing(court, 10, Map.of(CourtProceedings.COURT_OUTCOME.name(), "dismissed"));
    Map<String, String> facts = courtFacts(signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#court-1"));
    assertThat(facts.get("Outcome")).startsWith("Application refused at the hearing on 10 February 2027.")
        .doesNotContain("dismissed");
  }

  @Test
  void anAdjournedHearingIsAStepOfItsOwnWithItsDaysAndWhoRecordedIt() {
    CaseFixtures.clockAt(2026, 12, 3, 10);
    ProcessInstance instance = caseInCourt(CaseFileCases.newUpn());
    String reference = new CaseFileCases(runtimeService).referenceOf(instance);
    String court = court(instance);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.INTERVIEW_UNDER_CAUTION.id(), Map.of(
        CourtProceedings.INTERVIEW_HELD.name(), false, CourtProceedings.INTERVIEW_NOT_HELD_REASON.name(), "Did not attend"));
    completeAs("officer", court, CourtProceedings.PREPARE_COURT_CASE.id(), Map.of(
        CourtProceedings.OFFENCE_SECTION.name(), "s444-1", CourtProceedings.SUPERVISION_ORDER_CONSIDERED.name(), true,
        CourtProceedings.INFORMATION_LAID_ON.name(), "2026-12-02", CourtProceedings.HEARING_DATE.name(), "2027-02-10"));
    CaseFixtures.clockAt(2027, 2, 10, 14);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.RECORD_COURT_OUTCOME.id(), Map.of(
        CourtProceedings.HEARING_ADJOURNED.name(), true, CourtProceedings.NEW_HEARING_DATE.name(), "2027-03-17"));

    // while adjourned: the adjournment in words, and no outcome
    Element timeline = signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#timeline");
    assertThat(entry(timeline, "Hearing adjourned (Gail Marsh)"))
        .contains("Olivia Okafor", "The hearing on 10 February 2027 was adjourned to 17 March 2027.");
    assertThat(timeline.text()).doesNotContain("Court outcome recorded");
    assertThat(entry(timeline, "Interview under caution not held")).contains("Olivia Okafor", "Did not attend");
    // review 3 S1: the Court section agrees with the timeline, not "Not held yet"
    assertThat(courtFacts(signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#court-1")))
        .containsEntry("Interview under caution", "Not held: Did not attend");

    CaseFixtures.clockAt(2027, 3, 17, 14);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.RECORD_COURT_OUTCOME.id(), Map.of(
        CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 300.0));
    executeJobs(court);
    timeline = signedIn("officer").get("/casework/cases/" + reference).html().selectFirst("#timeline");
    // the adjourned hearing stays a step of its own; the outcome is recorded once, at the later hearing
    assertThat(entry(timeline, "Hearing adjourned (Gail Marsh)"))
        .contains("Olivia Okafor", "The hearing on 10 February 2027 was adjourned to 17 March 2027.");
    assertThat(timeline.select("li").eachText()).filteredOn(text -> text.contains("Court outcome recorded")).hasSize(1);
    assertThat(entry(timeline, "Court outcome recorded (Gail Marsh)")).contains("fine of £300.00", "17 March 2027");
  }

  @Test
  void aNoticeToImprovesEarlyEscalationIsAStepOfItsOwnWithItsDayGroundsAndWhoEscalated() {
    CaseFixtures.clockAt(2026, 11, 27, 10);
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance instance = pastTheContract("Ava Marsh", CaseFileCases.newUpn(), 12);
    String notice = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(uk.schoolattendance.improvement.NoticeToImprove.KEY).singleResult().getId();
    executeJobs(notice);
    CaseFixtures.clockAt(2026, 12, 8, 11);
    completeAs("officer", notice, uk.schoolattendance.improvement.NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id(), Map.of(
        uk.schoolattendance.improvement.NoticeToImprove.EARLY_ESCALATION_REASON.name(), "parent-not-engaging",
        uk.schoolattendance.improvement.NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(), "Six more unauthorised sessions since the notice"));

    Element timeline = signedIn("officer").get("/casework/cases/" + cases.referenceOf(instance)).html().selectFirst("#timeline");
    assertThat(entry(timeline, "Notice to Improve: escalated early"))
        .contains("Olivia Okafor", "Escalated on 8 December 2026",
            "Reason: The parent has refused or stopped engaging with the support offered",
            "Grounds: Six more unauthorised sessions since the notice");
    assertThat(entry(timeline, "Notice to Improve: improvement period started")).contains("Issued on 27 November 2026");

    // the Pupil Planning Meeting's form shows the same history: why the notice ended early (walk 13, #16)
    org.camunda.bpm.engine.task.Task meeting = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id()).singleResult();
    assertThat(meeting).as("the Pupil Planning Meeting follows the early escalation").isNotNull();
    Object shown = formService.getTaskFormVariables(meeting.getId(), List.of("historyShown"), true).getValue("historyShown", Object.class);
    assertThat(String.valueOf(shown)).contains("Notice to Improve: escalated early",
        "Reason: The parent has refused or stopped engaging with the support offered",
        "Grounds: Six more unauthorised sessions since the notice", "Notice to Improve: improvement period started");
  }

  /** The first page of a Notice to Improve's letter, as words on one line. */
  private String letterText(String notice) throws Exception {
    org.camunda.bpm.engine.variable.value.FileValue file = runtimeService.getVariableTyped(notice,
        uk.schoolattendance.improvement.NoticeToImprove.LETTER.name());
    return new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(
        file.getValue().readAllBytes())).getTextFromPage(1).replaceAll("\\s+", " ");
  }

  /** The text of the timeline's entry with this title (the newest). */
  private static String entry(Element timeline, String title) {
    List<Element> entries = timeline.select("li").stream()
        .filter(li -> li.select(".casefile-timeline__title").text().startsWith(title)).toList();
    assertThat(entries).as("timeline entry '" + title + "' in: " + timeline.text()).isNotEmpty();
    return entries.get(0).text();
  }
}
