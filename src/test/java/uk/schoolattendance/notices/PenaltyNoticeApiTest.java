package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;

/**
 * The register API and payments through the standard engine REST API
 * ({@code POST /engine-rest/message}), on the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PenaltyNoticeApiTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired PenaltyNoticeRegister register;


  @BeforeEach
  void issueDay() {
    today(LocalDate.of(2026, 11, 2));
  }

  static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  @Test
  void aWrongAmountThroughEngineRestIsRefusedWith400AndTheNoticeStaysUnpaid() {
    String number = issue("API-P1", "A123456789012");
    today(LocalDate.of(2026, 11, 5));

    ResponseEntity<String> wrong = message("PenaltyNoticePaid", number, Map.of(
        "amountPaid", Map.of("value", 50.0, "type", "Double"),
        "paidOn", Map.of("value", "2026-11-03", "type", "String")));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).contains("amountPaid").contains("80.00");
    assertThat(register.get(number).status()).isEqualTo("issued");
    assertThat(register.payments(number)).isEmpty();

    ResponseEntity<String> right = message("PenaltyNoticePaid", number, Map.of(
        "amountPaid", Map.of("value", 80.0, "type", "Double"),
        "paidOn", Map.of("value", "2026-11-03", "type", "String")));
    assertThat(right.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(register.get(number).status()).isEqualTo("paid");
    assertThat(register.get(number).paidOn()).isEqualTo(LocalDate.of(2026, 11, 3));

    ResponseEntity<String> again = message("PenaltyNoticePaid", number, Map.of(
        "amountPaid", Map.of("value", 80.0, "type", "Double")));
    assertThat(again.getStatusCode().is4xxClientError()).isTrue();
    assertThat(register.payments(number)).hasSize(1);
  }

  @Test
  void aPaymentForAWithdrawnOrUnknownNoticeIsRefused() {
    String number = issue("API-P2", "C901456789012");
    ResponseEntity<String> withdrawn = message("PenaltyNoticeWithdrawn", number, Map.of(
        "withdrawalReason", Map.of("value", "Issued to the wrong parent", "type", "String")));
    assertThat(withdrawn.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(register.get(number).status()).isEqualTo("withdrawn");

    assertThat(message("PenaltyNoticePaid", number, Map.of("amountPaid", Map.of("value", 80.0, "type", "Double")))
        .getStatusCode().is4xxClientError()).isTrue();
    assertThat(message("PenaltyNoticePaid", "PN-2026-999999", Map.of("amountPaid", Map.of("value", 80.0, "type", "Double")))
        .getStatusCode().is4xxClientError()).isTrue();
    assertThat(register.get(number).status()).isEqualTo("withdrawn");
  }

  @Test
  void theRegisterListsFiltersAndPagesNotices() {
    String first = issue("API-P3", "G902456789012");
    String second = issue("API-P3b", "G902456789012");

    ResponseEntity<Map> page = api().getForEntity("/api/penalty-notices?pupilUpn=G902456789012&size=1", Map.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).containsEntry("totalElements", 2).containsEntry("size", 1);
    assertThat((List<?>) page.getBody().get("content")).hasSize(1);

    ResponseEntity<Map> byParent = api().getForEntity("/api/penalty-notices?parentId=API-P3&status=issued", Map.class);
    List<Map<String, Object>> content = (List<Map<String, Object>>) byParent.getBody().get("content");
    assertThat(content).hasSize(1);
    Map<String, Object> entry = content.get(0);
    assertThat(entry)
        .containsEntry("noticeNumber", first)
        .containsEntry("caseReference", "AC-G902456789012")
        .containsEntry("pupilUpn", "G902456789012")
        .containsEntry("parentId", "API-P3")
        .containsEntry("sequence", 1)
        .containsEntry("issuedOn", "2026-11-02")
        .containsEntry("deemedReceivedOn", "2026-11-04")
        .containsEntry("reducedAmount", 80.0)
        .containsEntry("fullAmount", 160.0)
        // posted Monday 2 November, deemed received Wednesday 4th: day 1 of 21 and of 28
        .containsEntry("reducedDeadline", "2026-11-24")
        .containsEntry("finalDeadline", "2026-12-01")
        .containsEntry("deliveryMethod", "post")
        .containsEntry("status", "issued")
        .containsKeys("amountPaid", "paidOn", "withdrawalReason");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void badFiltersAreRefusedNamingTheParameter() {
    assertBadRequest("/api/penalty-notices?status=lost", "status");
    assertBadRequest("/api/penalty-notices?size=1000", "size");
    assertBadRequest("/api/penalty-notices?size=0", "size");
    assertBadRequest("/api/penalty-notices?page=first", "page");
    assertBadRequest("/api/penalty-notices?page=-1", "page");
    assertBadRequest("/api/penalty-notices?pupilUpn=123", "pupilUpn");
    assertBadRequest("/api/penalty-notices?caseReference=%20bad%20", "caseReference");
    assertBadRequest("/api/penalty-notices/PN-26-1/letter", "noticeNumber");
  }

  @Test
  void theLetterIsAPdfOfTheNotice() throws Exception {
    String number = issue("API-P4", "L903456789012");
    ResponseEntity<byte[]> letter = api().getForEntity("/api/penalty-notices/" + number + "/letter", byte[].class);
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(PenaltyNoticeLetterTest.text(letter.getBody())).contains(number).contains("Riverside Primary School").contains("£80.00");
    assertThat(api().getForEntity("/api/penalty-notices/PN-2026-999999/letter", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theOverpaymentIsPaidAndItsRefundIsOwedUntilRecordedAsMade() {
    String number = issue("API-P5b", "E904456789013");
    today(LocalDate.of(2026, 11, 5));
    assertThat(api().getForEntity("/api/penalty-notices/" + number + "/refund", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // more than the full amount (a mistyped £800, or £1,000,000 beyond the register's columns): 400, nothing changes
    for (double typo : new double[] {800.0, 1_000_000.0}) {
      ResponseEntity<Map> refused = api().postForEntity("/api/penalty-notices/" + number + "/payments",
          Map.of("amountPaid", typo, "paidOn", "2026-11-05", "paymentMethod", "card"), Map.class);
      assertThat(refused.getStatusCode()).as("£" + typo).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).containsEntry("field", "amountPaid");
      assertThat(register.get(number).status()).isEqualTo("issued");
    }
    ResponseEntity<Map> paid = api().postForEntity("/api/penalty-notices/" + number + "/payments",
        Map.of("amountPaid", 160.0, "paidOn", "2026-11-05", "paymentMethod", "card"), Map.class);
    assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(paid.getBody()).containsEntry("status", "paid");
    Map<?, ?> owed = api().getForEntity("/api/penalty-notices/" + number + "/refund", Map.class).getBody();
    assertThat(new java.math.BigDecimal(String.valueOf(owed.get("amount")))).isEqualByComparingTo("80.00");
    assertThat(owed.get("refundedOn")).isNull();
    ResponseEntity<Map> bad = api().postForEntity("/api/penalty-notices/" + number + "/refund",
        Map.of("refundMethod", "voucher"), Map.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).containsEntry("field", "refundMethod");
    // only the compliance team (and administrators) record money paid back: not a manager, not an officer
    for (String user : List.of("manager", "officer")) {
      assertThat(rest.withBasicAuth(user, user).postForEntity("/api/penalty-notices/" + number + "/refund",
          Map.of("refundMethod", "bank-transfer"), Map.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(api().getForEntity("/api/penalty-notices/" + number + "/refund", Map.class).getBody().get("refundedOn")).isNull();
    ResponseEntity<Map> made = api().postForEntity("/api/penalty-notices/" + number + "/refund",
        Map.of("refundMethod", "bank-transfer", "refundedOn", "2026-11-05", "refundReference", "RF-1"), Map.class);
    assertThat(made.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(made.getBody()).containsEntry("refundedOn", "2026-11-05").containsEntry("method", "bank-transfer");
    assertThat(api().postForEntity("/api/penalty-notices/" + number + "/refund",
        Map.of("refundMethod", "cash"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void thePaymentsEndpointRefusesAWrongAmountAndAcceptsTheRightOne() {
    String number = issue("API-P5", "Q904456789012");
    today(LocalDate.of(2026, 11, 5));
    // a part payment (an overpayment is recorded, with a refund owed: theOverpaymentIsPaidAndItsRefund…)
    ResponseEntity<Map> wrong = api().postForEntity("/api/penalty-notices/" + number + "/payments",
        Map.of("amountPaid", 70.0, "paidOn", "2026-11-05"), Map.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).containsEntry("field", "amountPaid");
    ResponseEntity<Map> right = api().postForEntity("/api/penalty-notices/" + number + "/payments",
        Map.of("amountPaid", 80.0, "paidOn", "2026-11-05"), Map.class);
    assertThat(right.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(right.getBody()).containsEntry("status", "paid");
    assertThat(api().postForEntity("/api/penalty-notices/" + number + "/payments",
        Map.of("amountPaid", 80.0), Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aSchoolSeesOnlyItsOwnPupilsNoticesAndCannotRecordPayments() {
    String number = issue("API-P6", "V905456789012"); // a pupil of school 100001
    TestRestTemplate school1 = rest.withBasicAuth("school1", "school1");
    TestRestTemplate school2 = rest.withBasicAuth("school2", "school2");

    ResponseEntity<Map> own = school1.getForEntity("/api/penalty-notices?parentId=API-P6", Map.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).containsEntry("totalElements", 1);
    ResponseEntity<Map> other = school2.getForEntity("/api/penalty-notices?parentId=API-P6", Map.class);
    assertThat(other.getBody()).containsEntry("totalElements", 0);
    assertThat(school2.getForEntity("/api/penalty-notices/" + number + "/letter", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(school1.getForEntity("/api/penalty-notices/" + number + "/letter", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(school1.postForEntity("/api/penalty-notices/" + number + "/payments", Map.of("amountPaid", 80.0), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("compliance", "compliance")
        .getForEntity("/api/penalty-notices?parentId=API-P6", Map.class).getBody()).containsEntry("totalElements", 1);
    assertThat(register.get(number).status()).isEqualTo("issued");
  }

  @Test
  void aHeadTeachersNoticeIsRecordedByTheComplianceTeamAndMakesTheNextNoticeASecondOne() {
    String upn = uk.schoolattendance.process.Upn.of(907_456_789_012L);
    Map<String, Object> external = new java.util.HashMap<>(Map.ofEntries(
        Map.entry("issuedBy", "head-teacher"), Map.entry("issuerName", "A. Head, head teacher of Riverside Primary School"),
        Map.entry("issuerReference", "RPS-2026-17"), Map.entry("pupilUpn", upn), Map.entry("pupilName", "Sam Pupil"),
        Map.entry("schoolUrn", "100001"), Map.entry("parentId", "API-P7"), Map.entry("parentName", "Alex Parent"),
        Map.entry("parentAddress", "1 Station Road, Southend SS1 1AA"), Map.entry("noticeReason", "holiday"),
        Map.entry("offenceFrom", "2026-03-02"), Map.entry("offenceTo", "2026-03-13"), Map.entry("issuedOn", "2026-03-20"),
        Map.entry("fullAmount", 160.00), Map.entry("reducedAmount", 80.00), Map.entry("paid", true),
        Map.entry("amountPaid", 80.00), Map.entry("paidOn", "2026-03-30")));
    TestRestTemplate compliance = rest.withBasicAuth("compliance", "compliance");

    // a school records nothing; a wrong issuer is refused naming the field
    assertThat(rest.withBasicAuth("school1", "school1").postForEntity("/api/penalty-notices/external", external, Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Map<String, Object> wrong = new java.util.HashMap<>(external);
    wrong.put("issuedBy", "teacher");
    ResponseEntity<Map> refused = compliance.postForEntity("/api/penalty-notices/external", wrong, Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("field", "issuedBy");

    ResponseEntity<Map> recorded = compliance.postForEntity("/api/penalty-notices/external", external, Map.class);
    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(recorded.getBody()).containsEntry("issuedBy", "head-teacher").containsEntry("status", "paid")
        .containsEntry("sequence", 1).containsEntry("issuedOn", "2026-03-20").containsEntry("issuerReference", "RPS-2026-17");
    // the same offence period cannot be charged again
    assertThat(compliance.postForEntity("/api/penalty-notices/external", external, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // the authority's own notice to the same parent for the same child is the second in 3 years: no reduction
    String second = issue("API-P7", upn);
    PenaltyNoticeEntry entry = register.get(second);
    assertThat(entry.sequence()).isEqualTo(2);
    assertThat(entry.reducedAmount()).isNull();
    assertThat(entry.issuedBy()).isEqualTo("local-authority");
  }

  @Test
  void anIssuedNoticesLetterStaysAsItWasSentWhenAnEarlierNoticeIsRecordedLater() throws Exception {
    String upn = uk.schoolattendance.process.Upn.of(913_456_789_012L);
    String number = issue("API-P8", upn);
    String sent = PenaltyNoticeLetterTest.text(api().getForEntity("/api/penalty-notices/" + number + "/letter", byte[].class).getBody());
    assertThat(sent).contains("This is the 1st penalty notice").contains("Pay £80.00 if you pay by");

    // a head teacher's notice issued in June is recorded afterwards: in the register ours is now the 2nd
    Map<String, Object> external = new java.util.HashMap<>(Map.ofEntries(
        Map.entry("issuedBy", "head-teacher"), Map.entry("issuerName", "A. Head, head teacher of Riverside Primary School"),
        Map.entry("pupilUpn", upn), Map.entry("pupilName", "Sam Pupil"), Map.entry("schoolUrn", "100001"),
        Map.entry("parentId", "API-P8"), Map.entry("parentName", "Alex Parent"),
        Map.entry("parentAddress", "1 Station Road, Southend SS1 1AA"), Map.entry("noticeReason", "holiday"),
        Map.entry("offenceFrom", "2026-06-01"), Map.entry("offenceTo", "2026-06-12"), Map.entry("issuedOn", "2026-06-20"),
        Map.entry("fullAmount", 160.00), Map.entry("reducedAmount", 80.00), Map.entry("paid", false)));
    assertThat(rest.withBasicAuth("compliance", "compliance").postForEntity("/api/penalty-notices/external", external, Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(register.get(number).sequence()).isEqualTo(2);

    // the letter the parent holds did not change, so the copy printed again does not either
    String again = PenaltyNoticeLetterTest.text(api().getForEntity("/api/penalty-notices/" + number + "/letter", byte[].class).getBody());
    assertThat(again).isEqualTo(sent);
  }

  private void assertBadRequest(String url, String field) {
    ResponseEntity<Map> response = api().getForEntity(url, Map.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).as(url).containsEntry("field", field);
  }

  private String issue(String parent, String upn) {
    String number = numbers.next();
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, NoticeInputs.inputs(parent, upn, "other"));
    String processInstanceId =
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(processInstanceId).singleResult().getId());
    assertThat(register.get(number).status()).isEqualTo("prepared");
    // issued when the compliance team posts it (today, by post)
    ResponseEntity<Map> posted = rest.withBasicAuth("compliance", "compliance")
        .postForEntity("/api/penalty-notices/" + number + "/dispatch", Map.of("deliveryMethod", "post"), Map.class);
    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
    return number;
  }

  private TestRestTemplate api() {
    return rest.withBasicAuth("demo", "demo");
  }

  private ResponseEntity<String> message(String name, String businessKey, Map<String, Object> variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> body = Map.of("messageName", name, "businessKey", businessKey, "processVariables", variables);
    return api().postForEntity("/engine-rest/message", new HttpEntity<>(body, headers), String.class);
  }
}
