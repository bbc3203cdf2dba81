package uk.schoolattendance.casefile;

import uk.schoolattendance.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.court.CourtProceedings;

/**
 * An education supervision order lasts one year (Children Act 1989 Sch 3 para 15(1)); a senior
 * practitioner records the authority's application to extend it, made in its last three months
 * (para 15(3)), for up to three years at a time (para 15(5)), more than once (para 15(4)), never past
 * compulsory school age (para 15(6)), with the result; the case page's Court section shows the order's current end. A refused record changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SupervisionOrderExtensionTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void reset() {
    TestClock.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aSeniorPractitionerExtendsTheOrderInItsLastThreeMonthsByUpToThreeYearsMoreThanOnce() {
    String reference = caseWithAnOrderMadeOn10February2027();
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028");

    // too early: the window opens three months before the day the order would expire (10 February
    // 2028, the day after its last day), on 10 November 2027; 9 November risks being a day early
    CaseFixtures.clockAt(2027, 11, 9, 10);
    ResponseEntity<String> early = api("senior", reference, Map.of("appliedOn", "2027-11-09", "result", "extended", "newEndsOn", "2029-02-09"));
    assertThat(early.getStatusCode().value()).isEqualTo(400);
    assertThat(early.getBody()).contains("appliedOn", "para 15(3)", "from 10 November 2027", "9 February 2028");

    CaseFixtures.clockAt(2027, 12, 1, 10);
    // an officer is not the senior practitioner: refused whatever the body
    assertThat(api("officer", reference, Map.of("appliedOn", "2027-12-01", "result", "extended", "newEndsOn", "2029-02-09"))
        .getStatusCode().value()).isEqualTo(403);
    // more than three years after the current end (9 February 2031 at the latest)
    ResponseEntity<String> tooLong = api("senior", reference, Map.of("appliedOn", "2027-12-01", "result", "extended", "newEndsOn", "2031-02-10"));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLong.getBody()).contains("newEndsOn", "para 15(5)", "9 February 2031");
    ResponseEntity<String> noResult = api("senior", reference, Map.of("appliedOn", "2027-12-01", "result", "granted"));
    assertThat(noResult.getStatusCode().value()).isEqualTo(400);
    assertThat(noResult.getBody()).contains("result");
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028")
        .doesNotContainKey("Extension applied for on 1 December 2027");

    // applied for on the window's first day; the court extended on the order's last day; recorded the morning after
    CaseFixtures.clockAt(2028, 2, 10, 9);
    ResponseEntity<String> extended = api("senior", reference, Map.of("appliedOn", "2027-11-10", "result", "extended", "newEndsOn", "2030-02-09"));
    assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(201);
    assertThat(courtFacts(reference))
        .containsEntry("Extension applied for on 10 November 2027",
            "Extended from 9 February 2028 to 9 February 2030 (Children Act 1989 Sch 3 para 15)")
        .containsEntry("Education supervision order ends on", "9 February 2030 (extended; first made to end on 9 February 2028)");

    // again, in the last three months of the extended order: refused by the court this time, then granted
    CaseFixtures.clockAt(2029, 12, 3, 10);
    assertThat(api("senior", reference, Map.of("appliedOn", "2029-12-03", "result", "refused")).getStatusCode().value()).isEqualTo(201);
    // Theo (born 28 May 2016) ceases to be of compulsory school age on 25 June 2032: the order ends then (para 15(6))
    ResponseEntity<String> pastSchoolAge = api("senior", reference, Map.of("appliedOn", "2029-12-03", "result", "extended", "newEndsOn", "2032-07-31"));
    assertThat(pastSchoolAge.getStatusCode().value()).isEqualTo(400);
    assertThat(pastSchoolAge.getBody()).contains("newEndsOn", "para 15(6)", "25 June 2032");
    ResponseEntity<String> again = api("senior", reference, Map.of("appliedOn", "2029-12-03", "result", "extended", "newEndsOn", "2032-06-25"));
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
    assertThat(courtFacts(reference))
        .containsEntry("Extension applied for on 3 December 2029", "Extended from 9 February 2030 to 25 June 2032 (Children Act 1989 Sch 3 para 15)")
        .containsEntry("Education supervision order ends on", "25 June 2032 (extended; first made to end on 9 February 2028)");
  }

  @Test
  void aSeniorPractitionerRecordsTheExtensionOnTheCasePageWhereRefusalsAreNamedAndChangeNothing() {
    String reference = caseWithAnOrderMadeOn10February2027();
    String path = "/casework/cases/" + reference;
    CaseFixtures.clockAt(2027, 11, 8, 10);

    // an officer reads the Court section but has no form, and the address refuses them whatever they send
    CaseFileClient officer = CaseFileClient.signedIn(port, "officer");
    CaseFileClient.Page officersPage = officer.get(path);
    assertThat(officersPage.html().selectFirst("#court-1")).isNotNull();
    assertThat(officersPage.html().selectFirst("#extension-form")).isNull();
    Map<String, String> sent = new LinkedHashMap<>(Map.of("extension-applied-on-day", "8", "extension-applied-on-month", "11",
        "extension-applied-on-year", "2027", "extension-result", "extended", "extension-new-ends-on-day", "9",
        "extension-new-ends-on-month", "2", "extension-new-ends-on-year", "2029"));
    assertThat(officer.postFormWithTokenOf(officersPage, path + "/supervision-order-extensions", sent).status()).isEqualTo(403);

    // the senior practitioner's form: too early, named under the day, typed values kept, nothing recorded
    CaseFileClient senior = CaseFileClient.signedIn(port, "senior");
    CaseFileClient.Page page = senior.get(path);
    assertThat(page.html().selectFirst("#extension-form")).as("the senior practitioner's form").isNotNull();
    CaseFileClient.Page early = senior.post(page, "#extension-form", sent);
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.html().select(".govuk-error-summary a[href=#extension-applied-on-day]").text())
        .contains("not recorded", "para 15(3)", "from 10 November 2027");
    assertThat(early.html().selectFirst("#extension-applied-on-error").text()).contains("para 15(3)");
    assertThat(early.html().selectFirst("#extension-applied-on-day").val()).isEqualTo("8");
    assertThat(early.html().selectFirst("#extension-new-ends-on-year").val()).isEqualTo("2029");
    assertThat(early.html().selectFirst("#extension-result").hasAttr("checked")).isTrue();

    // nothing chosen, a refusal with a new end: each named under its field
    CaseFixtures.clockAt(2027, 12, 1, 10);
    CaseFileClient.Page nothing = senior.post(senior.get(path), "#extension-form", Map.of(
        "extension-applied-on-day", "1", "extension-applied-on-month", "12", "extension-applied-on-year", "2027"));
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.html().selectFirst("#extension-result-error").text()).contains("Select whether the court extended");
    Map<String, String> refusedWithEnd = new LinkedHashMap<>(sent);
    refusedWithEnd.putAll(Map.of("extension-applied-on-day", "1", "extension-applied-on-month", "12", "extension-result", "refused"));
    CaseFileClient.Page refusedWithADay = senior.post(senior.get(path), "#extension-form", refusedWithEnd);
    assertThat(refusedWithADay.status()).isEqualTo(400);
    assertThat(refusedWithADay.html().selectFirst("#extension-new-ends-on-error").text()).contains("court refused");
    // more than three years after the current end: the service's refusal under the new end
    refusedWithEnd.putAll(Map.of("extension-result", "extended", "extension-new-ends-on-day", "10", "extension-new-ends-on-year", "2031"));
    CaseFileClient.Page tooLong = senior.post(senior.get(path), "#extension-form", refusedWithEnd);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.html().select(".govuk-error-summary a[href=#extension-new-ends-on-day]").text())
        .contains("para 15(5)", "9 February 2031");
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028")
        .doesNotContainKey("Extension applied for on 1 December 2027");

    // recorded: back to the Court section with the confirmation, the order's new end shown
    refusedWithEnd.putAll(Map.of("extension-new-ends-on-day", "9", "extension-new-ends-on-year", "2030"));
    CaseFileClient.Page done = senior.post(senior.get(path), "#extension-form", refusedWithEnd);
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.location()).endsWith(path + "?done=extension#court-heading");
    CaseFileClient.Page after = senior.get(path + "?done=extension");
    assertThat(after.html().selectFirst("#court-heading + #done").text())
        .contains("The application to extend the education supervision order has been recorded");
    assertThat(courtFacts(reference))
        .containsEntry("Extension applied for on 1 December 2027",
            "Extended from 9 February 2028 to 9 February 2030 (Children Act 1989 Sch 3 para 15)")
        .containsEntry("Education supervision order ends on", "9 February 2030 (extended; first made to end on 9 February 2028)");
  }

  @Test
  void aSeniorPractitionerRecordsTheDischargeOnTheCasePageWhereRefusalsAreNamedAndChangeNothing() {
    String reference = caseWithAnOrderMadeOn10February2027();
    String path = "/casework/cases/" + reference;
    CaseFixtures.clockAt(2027, 6, 14, 10);

    // an officer has no form, and the address refuses them whatever they send
    CaseFileClient officer = CaseFileClient.signedIn(port, "officer");
    CaseFileClient.Page officersPage = officer.get(path);
    assertThat(officersPage.html().selectFirst("#discharge-form")).isNull();
    Map<String, String> sent = new LinkedHashMap<>(Map.of("ended-by", "discharge", "discharged-on-day", "14",
        "discharged-on-month", "6", "discharged-on-year", "2027"));
    assertThat(officer.postFormWithTokenOf(officersPage, path + "/supervision-order-discharge", sent).status()).isEqualTo(403);

    CaseFileClient senior = CaseFileClient.signedIn(port, "senior");
    // before the order was made: named under the day, typed values kept, nothing recorded
    CaseFileClient.Page early = senior.post(senior.get(path), "#discharge-form",
        Map.of("ended-by", "discharge", "discharged-on-day", "9", "discharged-on-month", "2", "discharged-on-year", "2027"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.html().select(".govuk-error-summary a[href=#discharged-on-day]").text())
        .contains("not recorded", "before the order was made on 10 February 2027");
    assertThat(early.html().selectFirst("#discharged-on-error").text()).contains("10 February 2027");
    assertThat(early.html().selectFirst("#discharged-on-day").val()).isEqualTo("9");
    // in the future; not a day
    CaseFileClient.Page future = senior.post(senior.get(path), "#discharge-form",
        Map.of("ended-by", "discharge", "discharged-on-day", "15", "discharged-on-month", "6", "discharged-on-year", "2027"));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.html().selectFirst("#discharged-on-error").text()).contains("today or in the past");
    CaseFileClient.Page none = senior.post(senior.get(path), "#discharge-form", Map.of());
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.html().selectFirst("#discharged-on-error").text()).contains("Enter the date of the discharge");
    assertThat(none.html().selectFirst("#ended-by-error").text()).contains("Select why the order ended");
    // the form offers the court's discharge first, chosen
    assertThat(senior.get(path).html().selectFirst("#ended-by").hasAttr("checked")).isTrue();
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028");

    // recorded: back to the Court section with the confirmation, the order ended that day
    CaseFileClient.Page done = senior.post(senior.get(path), "#discharge-form", sent);
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.location()).endsWith(path + "?done=discharge#court-heading");
    assertThat(senior.get(path + "?done=discharge").html().selectFirst("#court-heading + #done").text())
        .contains("The discharge of the education supervision order has been recorded");
    assertThat(courtFacts(reference))
        .containsEntry("Education supervision order ends on", "14 June 2027 (discharged by the court, Children Act 1989 Sch 3 para 17)");

    // the page no longer offers the form: it says the order was discharged
    CaseFileClient.Page after = senior.get(path);
    assertThat(after.html().selectFirst("#discharge-form")).isNull();
    assertThat(after.html().selectFirst("#order-ended-line").text()).isEqualTo("Discharged on 14 June 2027");
    // nor the extension form: the API refuses to extend a discharged order
    assertThat(after.html().selectFirst("#extension-form")).as("no order in force to extend").isNull();

    // again, from a page opened before: the order was already discharged
    CaseFileClient.Page again = senior.postFormWithTokenOf(after, path + "/supervision-order-discharge", sent);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.html().select(".govuk-error-summary").text()).contains("already discharged on 14 June 2027");
  }

  @Test
  void aCaseWhoseApplicationWasRefusedHasNoOrderToExtend() {
    String reference = caseInFamilyCourt(Map.of(CourtProceedings.COURT_OUTCOME.name(), "dismissed"));
    CaseFixtures.clockAt(2027, 2, 11, 10);
    ResponseEntity<String> refused = api("senior", reference, Map.of("appliedOn", "2027-02-11", "result", "refused"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("no education supervision order in force");
    // nor a form to record one on the case page
    assertThat(CaseFileClient.signedIn(port, "senior").get("/casework/cases/" + reference).html().selectFirst("#extension-form")).isNull();
  }

  private String caseWithAnOrderMadeOn10February2027() {
    return caseInFamilyCourt(Map.of(CourtProceedings.COURT_OUTCOME.name(), "education-supervision-order"));
  }

  /** A Level 3 case past its contract, on the education supervision order route, heard on 10 February 2027. */
  private String caseInFamilyCourt(Map<String, Object> outcome) {
    return new SupervisionOrderCases(runtimeService, taskService, identityService, managementService).inFamilyCourt(outcome);
  }

  private ResponseEntity<String> api(String user, String reference, Map<String, String> body) {
    return SupervisionOrderCases.postToCase(rest, user, reference, "supervision-order-extensions", body);
  }

  private Map<String, String> courtFacts(String reference) {
    return SupervisionOrderCases.courtFacts(port, reference);
  }
}
