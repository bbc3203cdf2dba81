package uk.schoolattendance.casefile.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import uk.schoolattendance.casefile.CaseSteps;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * "Closed cases by outcome" (linked from the figures page) and its API: the cases that ended in a
 * period, by outcome and by the reason a case was no longer needed, per school and in total; a
 * manager and the data team see every school, a school only its own, an analyst nothing. Other
 * tests share the database, so each figure is compared before and after this test's own cases end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ClosedCasesPageTest {

  static final String PAGE = "/casework/figures/closed-cases";
  static final String API = "/api/reports/closed-cases";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void inTheAutumnTerm() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 2).atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  /** A row of the total's table: the cases of an outcome (or "outcome-reason"). */
  private static long total(CaseFileClient.Page page, String outcome) {
    return Long.parseLong(page.html().select("#closed-cases tr[data-outcome=" + outcome + "] td.govuk-table__cell--numeric").text());
  }

  /** A school's cases in all (the last cell of its row). */
  private static long ofSchool(CaseFileClient.Page page, String urn) {
    return Long.parseLong(page.html().select("#closed-cases-by-school tr[data-urn=" + urn + "] td").last().text());
  }

  private ProcessInstance noLongerNeeded(String school, String name, String reason) {
    ProcessInstance instance = new CaseFileCases(runtimeService).start(school, name, CaseFileCases.newUpn(), "parent-1", "Parent " + name);
    CaseSteps.runJobs(managementService, instance.getId());
    complete(instance, Map.of(
        AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), AttendanceCase.NO_LONGER_NEEDED,
        AttendanceCase.NO_LONGER_NEEDED_REASON.name(), reason,
        AttendanceCase.NO_LONGER_NEEDED_EXPLANATION.name(), "The family told the school on the phone and the new school confirmed"));
    return instance;
  }

  private ProcessInstance closedEarly(String school, String name) {
    ProcessInstance instance = new CaseFileCases(runtimeService).start(school, name, CaseFileCases.newUpn(), "parent-1", "Parent " + name);
    CaseSteps.runJobs(managementService, instance.getId());
    runtimeService.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name()).processInstanceId(instance.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Opened for the wrong pupil").correlate();
    CaseSteps.runJobs(managementService, instance.getId());
    return instance;
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    String task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(AttendanceCase.INTERVENE_IN_SCHOOL.id()).singleResult().getId();
    taskService.complete(task, variables);
    CaseSteps.runJobs(managementService, instance.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).as("ended").isZero();
  }

  @Test
  void aManagerSeesTheCasesClosedThisAcademicYearByOutcomeAndReasonPerSchoolWithACsv() {
    CaseFileClient manager = CaseFileClient.signedIn(port, "manager");
    CaseFileClient.Page figures = manager.get("/casework/figures");
    assertThat(figures.html().select("#closed-cases-link").attr("href")).isEqualTo(PAGE);
    CaseFileClient.Page before = manager.get(PAGE);
    assertThat(before.status()).isEqualTo(200);
    // the default period: the academic year that holds today (2 November 2026)
    assertThat(before.html().select("#closed-cases caption").text())
        .isEqualTo("Cases closed from 1 September 2026 to 31 August 2027");
    assertThat(before.html().select("#from-day").val()).isEqualTo("1");
    assertThat(before.html().select("#to-year").val()).isEqualTo("2027");
    CaseFileClient.Page lastYearBefore = manager.get(PAGE + "?from-day=1&from-month=9&from-year=2025&to-day=31&to-month=8&to-year=2026");

    noLongerNeeded(CaseFixtures.TRADED_SCHOOL, "Ada Movedaway", "moved-away");
    noLongerNeeded(CaseFixtures.UNIVERSAL_SCHOOL, "Ben Homeeducated", "home-educated");
    closedEarly(CaseFixtures.TRADED_SCHOOL, "Cal Closedearly");

    CaseFileClient.Page after = manager.get(PAGE);
    assertThat(total(after, "no-longer-needed")).isEqualTo(total(before, "no-longer-needed") + 2);
    assertThat(total(after, "no-longer-needed-moved-away")).isEqualTo(total(before, "no-longer-needed-moved-away") + 1);
    assertThat(total(after, "no-longer-needed-home-educated")).isEqualTo(total(before, "no-longer-needed-home-educated") + 1);
    assertThat(total(after, "no-longer-needed-left-school")).isEqualTo(total(before, "no-longer-needed-left-school"));
    assertThat(total(after, "closed")).isEqualTo(total(before, "closed") + 1);
    assertThat(total(after, "improved")).isEqualTo(total(before, "improved"));
    assertThat(total(after, "all")).isEqualTo(total(before, "all") + 3);
    assertThat(after.html().select("#closed-cases tr[data-outcome=no-longer-needed-moved-away]").text())
        .contains("The pupil has moved away from the area");
    assertThat(after.html().select("#closed-cases tr[data-outcome=closed] th").text()).isEqualTo("Closed early");
    assertThat(ofSchool(after, "100001")).isEqualTo(ofSchool(before, "100001") + 2);
    assertThat(ofSchool(after, "100002")).isEqualTo(ofSchool(before, "100002") + 1);
    assertThat(after.html().select("#closed-cases-by-school thead th").eachText())
        .contains("School", "Attendance improved", "No longer needed", "Penalty paid", "Court outcome reached",
            "Notices withdrawn", "Closed early", "All");

    // each figure opens the cases it counts
    CaseFileClient.Page movedAway = manager.get(
        after.html().select("#closed-cases tr[data-outcome=no-longer-needed-moved-away] a").attr("href"));
    assertThat(movedAway.status()).isEqualTo(200);
    assertThat(movedAway.html().select("h1").text()).isEqualTo(
        "Cases closed: No longer needed, The pupil has moved away from the area, 1 September 2026 to 31 August 2027");
    assertThat(movedAway.html().select("#closed-cases").text()).contains("Ada Movedaway").doesNotContain("Ben Homeeducated", "Cal Closedearly");
    CaseFileClient.Page closedEarly = manager.get(after.html().select("#closed-cases tr[data-outcome=closed] a").attr("href"));
    assertThat(closedEarly.html().select("#closed-cases").text()).contains("Cal Closedearly").doesNotContain("Ada Movedaway");
    // and so does each school's figure, for the authority's staff: that school's cases only
    org.jsoup.select.Elements noLongerNeededAtSchools = after.html().select("#closed-cases-by-school tr[data-urn=100002] td a");
    assertThat(noLongerNeededAtSchools).isNotEmpty();
    CaseFileClient.Page ofOneSchool = manager.get(after.html().select("#closed-cases-by-school tr[data-urn=100002] td a")
        .stream().filter(a -> a.attr("href").contains("outcome=no-longer-needed")).findFirst().orElseThrow().attr("href"));
    assertThat(ofOneSchool.status()).isEqualTo(200);
    assertThat(ofOneSchool.html().select("h1").text()).endsWith(", 1 September 2026 to 31 August 2027, Hillcrest Academy");
    assertThat(ofOneSchool.html().select("#closed-cases").text()).contains("Ben Homeeducated").doesNotContain("Ada Movedaway");
    CaseFileClient.Page closedAtTheOther = manager.get(after.html().select("#closed-cases-by-school tr[data-urn=100001] td a")
        .stream().filter(a -> a.attr("href").contains("outcome=closed")).findFirst().orElseThrow().attr("href"));
    assertThat(closedAtTheOther.html().select("#closed-cases").text()).contains("Cal Closedearly").doesNotContain("Ben Homeeducated");
    assertThat(manager.get(PAGE + "/cases?outcome=nonsense&from=2026-09-01&to=2027-08-31").status()).isEqualTo(404);
    assertThat(manager.get(PAGE + "/cases?outcome=improved&reason=moved-away&from=2026-09-01&to=2027-08-31").status()).isEqualTo(404);
    assertThat(manager.get(PAGE + "/cases?outcome=closed&from=2027-09-01&to=2026-08-31").status()).isEqualTo(404);

    // cases that ended on 2 November 2026 are not last year's
    CaseFileClient.Page lastYear = manager.get(PAGE + "?from-day=1&from-month=9&from-year=2025&to-day=31&to-month=8&to-year=2026");
    assertThat(lastYear.status()).isEqualTo(200);
    assertThat(lastYear.html().select("#closed-cases caption").text()).isEqualTo("Cases closed from 1 September 2025 to 31 August 2026");
    assertThat(total(lastYear, "all")).isEqualTo(total(lastYearBefore, "all"));
    // a period of that one day holds them
    CaseFileClient.Page theDay = manager.get(PAGE + "?from-day=2&from-month=11&from-year=2026&to-day=2&to-month=11&to-year=2026");
    assertThat(total(theDay, "no-longer-needed-moved-away")).isGreaterThanOrEqualTo(1);

    // the CSV download: the period's figures, a row per school, outcome and reason
    String csvHref = after.html().select("#closed-cases-csv").attr("href");
    assertThat(csvHref).startsWith(PAGE + ".csv?");
    HttpResponse<byte[]> csv = manager.raw(HttpRequest.newBuilder(URI.create(manager.base() + csvHref)));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("closed-cases-2026-09-01-to-2027-08-31.csv");
    String body = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("from,to,schoolUrn,school,caseOutcome,outcome,noLongerNeededReason,reason,cases\r\n")
        .contains("2026-09-01,2027-08-31,100001,Riverside Primary School,no-longer-needed,No longer needed,moved-away,"
            + "The pupil has moved away from the area,")
        .contains("2026-09-01,2027-08-31,,All schools shown,all,All outcomes," + ",," + total(after, "all") + "\r\n");
  }

  @Test
  void aSchoolSeesOnlyItsOwnSchoolsClosedCases() {
    CaseFileClient school = CaseFileClient.signedIn(port, "school1");
    CaseFileClient.Page before = school.get(PAGE);
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.html().select("h1").text()).isEqualTo("My school's closed cases by outcome");
    assertThat(before.html().select("#closed-cases-by-school tr[data-urn]").eachAttr("data-urn")).containsExactly("100001");
    JsonNode apiBefore = json(school.get(API));

    noLongerNeeded(CaseFixtures.UNIVERSAL_SCHOOL, "Dee Otherschool", "left-school");
    CaseFileClient.Page other = school.get(PAGE);
    assertThat(total(other, "all")).as("another school's case is not counted").isEqualTo(total(before, "all"));
    assertThat(total(other, "no-longer-needed-left-school")).isEqualTo(total(before, "no-longer-needed-left-school"));
    noLongerNeeded(CaseFixtures.TRADED_SCHOOL, "Eve Ownschool", "left-school");
    CaseFileClient.Page own = school.get(PAGE);
    assertThat(total(own, "all")).isEqualTo(total(before, "all") + 1);
    assertThat(total(own, "no-longer-needed-left-school")).isEqualTo(total(before, "no-longer-needed-left-school") + 1);

    // the figure's cases: the school's own only
    CaseFileClient.Page leftSchool = school.get(own.html().select("#closed-cases tr[data-outcome=no-longer-needed-left-school] a").attr("href"));
    assertThat(leftSchool.status()).isEqualTo(200);
    assertThat(leftSchool.html().select("#closed-cases").text()).contains("Eve Ownschool").doesNotContain("Dee Otherschool");

    // its by-school row has no links (its totals have them); another school's cases are not found
    assertThat(own.html().select("#closed-cases-by-school td a")).isEmpty();
    assertThat(school.get(PAGE + "/cases?outcome=no-longer-needed&from=2026-09-01&to=2027-08-31&school=100002").status()).isEqualTo(404);

    // the API answers the school with its own school only
    JsonNode api = json(school.get(API));
    assertThat(api.path("schools")).hasSize(1);
    assertThat(api.path("schools").get(0).path("urn").asText()).isEqualTo("100001");
    assertThat(api.path("total").path("cases").asLong()).isEqualTo(apiBefore.path("total").path("cases").asLong() + 1);
    // the manager counts both schools' cases: more than the school
    assertThat(total(CaseFileClient.signedIn(port, "manager").get(PAGE), "all")).isGreaterThan(total(own, "all"));
  }

  @Test
  void theDataTeamSeesEverySchoolsCountsAsForTheCensusAndAnAnalystNothing() {
    noLongerNeeded(CaseFixtures.TRADED_SCHOOL, "Fay Datateam", "duplicate-case");
    CaseFileClient.Page dataTeam = CaseFileClient.signedIn(port, "datateam").get(PAGE);
    assertThat(dataTeam.status()).isEqualTo(200);
    CaseFileClient.Page manager = CaseFileClient.signedIn(port, "manager").get(PAGE);
    assertThat(dataTeam.html().select("#closed-cases-by-school tr[data-urn]").eachAttr("data-urn")).contains("100001", "100002");
    assertThat(total(dataTeam, "all")).isEqualTo(total(manager, "all")).isPositive();
    assertThat(total(dataTeam, "no-longer-needed-duplicate-case")).isEqualTo(total(manager, "no-longer-needed-duplicate-case"));
    // counts only: no list of cases behind them
    assertThat(dataTeam.html().select("#closed-cases a, #closed-cases-by-school a")).isEmpty();
    assertThat(CaseFileClient.signedIn(port, "datateam").get(API).status()).isEqualTo(200);
    assertThat(CaseFileClient.signedIn(port, "datateam").get(PAGE + "/cases?outcome=no-longer-needed&from=2026-09-01&to=2027-08-31").status())
        .isEqualTo(404);

    CaseFileClient analyst = CaseFileClient.signedIn(port, "analyst");
    assertThat(analyst.get(PAGE).status()).isEqualTo(403);
    assertThat(analyst.get(PAGE + ".csv").status()).isEqualTo(403);
    assertThat(analyst.get(PAGE + "/cases?outcome=closed&from=2026-09-01&to=2027-08-31").status()).isEqualTo(403);
    assertThat(analyst.get(API).status()).isEqualTo(403);
  }

  @Test
  void aDayThatIsNotOneOrAPeriodEndingBeforeItStartsIsRefusedNamingTheField() {
    CaseFileClient manager = CaseFileClient.signedIn(port, "manager");
    CaseFileClient.Page notADay = manager.get(PAGE + "?from-day=31&from-month=2&from-year=2027&to-day=1&to-month=3&to-year=2027");
    assertThat(notADay.status()).isEqualTo(400);
    assertThat(notADay.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#from-day");
    assertThat(notADay.html().select(".govuk-error-summary").text()).contains("The first day of the period must be a real date");
    assertThat(notADay.html().select("#from-day").val()).as("kept as typed").isEqualTo("31");

    CaseFileClient.Page backwards = manager.get(PAGE + "?from-day=1&from-month=3&from-year=2027&to-day=1&to-month=2&to-year=2027");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#to-day");

    CaseFileClient.Page noEnd = manager.get(PAGE + "?from-day=1&from-month=3&from-year=2027");
    assertThat(noEnd.status()).isEqualTo(400);
    assertThat(noEnd.html().select(".govuk-error-summary").text()).contains("Enter the last day of the period");
    assertThat(manager.get(PAGE + ".csv?from-day=31&from-month=2&from-year=2027&to-day=1&to-month=3&to-year=2027").status())
        .isEqualTo(400);

    for (String[] query : List.of(new String[] {"?from=2027-02-31", "from"}, new String[] {"?from=28/05/2027", "from"},
        new String[] {"?to=tomorrow", "to"}, new String[] {"?from=2027-03-01&to=2027-02-01", "to"})) {
      CaseFileClient.Page api = manager.get(API + query[0]);
      assertThat(api.status()).as(query[0]).isEqualTo(400);
      assertThat(api.body()).as(query[0]).contains("\"field\":\"" + query[1] + "\"");
    }
  }

  @Test
  void theApiGivesThePeriodsFiguresAsJsonAndAsCsv() {
    CaseFileClient manager = CaseFileClient.signedIn(port, "manager");
    JsonNode before = json(manager.get(API + "?from=2026-09-01&to=2027-08-31"));
    noLongerNeeded(CaseFixtures.UNIVERSAL_SCHOOL, "Gil Apicase", "illness-authorised");
    JsonNode figures = json(manager.get(API));
    assertThat(figures.path("from").asText()).isEqualTo("2026-09-01");
    assertThat(figures.path("to").asText()).isEqualTo("2027-08-31");
    assertThat(figures.path("total").path("cases").asLong()).isEqualTo(before.path("total").path("cases").asLong() + 1);
    JsonNode noLongerNeeded = outcome(figures.path("total"), "no-longer-needed");
    assertThat(reason(noLongerNeeded, "illness-authorised").path("cases").asLong())
        .isEqualTo(reason(outcome(before.path("total"), "no-longer-needed"), "illness-authorised").path("cases").asLong() + 1);
    assertThat(reason(noLongerNeeded, "illness-authorised").path("words").asText())
        .isEqualTo("The absences are explained by illness the school has now authorised");
    assertThat(figures.path("schools").findValuesAsText("urn")).contains("100001", "100002");

    HttpResponse<byte[]> csv = manager.raw(HttpRequest.newBuilder(URI.create(manager.base() + API + "?from=2026-09-01&to=2027-08-31"))
        .header("Accept", "text/csv"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(new String(csv.body(), StandardCharsets.UTF_8))
        .startsWith("from,to,schoolUrn,school,caseOutcome,outcome,noLongerNeededReason,reason,cases\r\n")
        .contains("100002,Hillcrest Academy,no-longer-needed,No longer needed,illness-authorised,");
  }

  private static JsonNode outcome(JsonNode counts, String caseOutcome) {
    for (JsonNode outcome : counts.path("outcomes")) {
      if (caseOutcome.equals(outcome.path("caseOutcome").asText())) {
        return outcome;
      }
    }
    throw new AssertionError("no " + caseOutcome + " in " + counts);
  }

  private static JsonNode reason(JsonNode outcome, String key) {
    for (JsonNode reason : outcome.path("reasons")) {
      if (key.equals(reason.path("noLongerNeededReason").asText())) {
        return reason;
      }
    }
    throw new AssertionError("no " + key + " in " + outcome);
  }

  @Test
  void aReasonStaysCountedAndListedWithItsOutcomeAfterTheCasesHistoryIsCleanedUp() {
    CaseFileClient manager = CaseFileClient.signedIn(port, "manager");
    CaseFileClient.Page before = manager.get(PAGE);
    ProcessInstance instance = noLongerNeeded(CaseFixtures.TRADED_SCHOOL, "Gil Cleanedup", "moved-away");
    // history cleanup (some years after the case ended) removes the case's variable history; the
    // search table keeps the outcome and, next to it, the reason
    jdbc.update("DELETE FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?", instance.getId());
    CaseFileClient.Page after = manager.get(PAGE);
    assertThat(total(after, "no-longer-needed")).isEqualTo(total(before, "no-longer-needed") + 1);
    assertThat(total(after, "no-longer-needed-moved-away")).isEqualTo(total(before, "no-longer-needed-moved-away") + 1);
    CaseFileClient.Page movedAway = manager.get(
        after.html().select("#closed-cases tr[data-outcome=no-longer-needed-moved-away] a").attr("href"));
    assertThat(movedAway.html().select("#closed-cases").text()).contains("Gil Cleanedup");
  }

  @Test
  void aFiguresCasesListFindsTheCasesAViewerMayReadBehindMoreTheyMayNot() {
    closedEarly(CaseFixtures.TRADED_SCHOOL, "Fay Behindmany");
    // more than a list's worth of the school's cases closed later that day that the school may not
    // read (rows of the search table the engine grants it nothing on)
    java.time.Instant later = LocalDate.of(2026, 11, 2).atTime(22, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    List<Object[]> unreadable = new java.util.ArrayList<>();
    for (int i = 0; i <= uk.schoolattendance.casefile.lists.CaseLists.LIMIT; i++) {
      unreadable.add(new Object[] {"unreadable-closed-" + i, CaseFixtures.TRADED_SCHOOL, java.sql.Timestamp.from(later)});
    }
    jdbc.batchUpdate("INSERT INTO cf_case (process_instance_id, school_urn, case_outcome, closed_at, updated_at)"
        + " VALUES (?, ?, 'closed', ?, CURRENT_TIMESTAMP)", unreadable);
    try {
      CaseFileClient.Page cases = CaseFileClient.signedIn(port, "school1").get(PAGE + "/cases?outcome=closed&from=2026-11-02&to=2026-11-02");
      assertThat(cases.status()).isEqualTo(200);
      assertThat(cases.html().select("#closed-cases").text()).contains("Fay Behindmany");
    } finally {
      jdbc.update("DELETE FROM cf_case WHERE process_instance_id LIKE 'unreadable-closed-%'");
    }
  }

  private static JsonNode json(CaseFileClient.Page page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    try {
      return new ObjectMapper().readTree(page.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(page.body(), e);
    }
  }
}
