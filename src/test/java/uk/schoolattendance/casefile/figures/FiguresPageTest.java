package uk.schoolattendance.casefile.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import uk.schoolattendance.casefile.CaseSteps;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;

/**
 * The census and dashboard on screen: the authority's staff see the census for the year picked,
 * the case figures and every school; a school sees only its own cases and school, and no census;
 * each figure opens the cases it counts, as the viewer may see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class FiguresPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  @BeforeEach
  void inTheAutumnTerm() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 2).atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  private static long figure(CaseFileClient.Page page, String id) {
    return Long.parseLong(page.html().select("[data-figure=" + id + "] .casefile-tile__value").text());
  }

  @Test
  void aManagerSeesTheCensusForTheYearTheCaseFiguresAndEverySchoolAndEachFigureOpensItsCases() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    cases.start(CaseFixtures.TRADED_SCHOOL, "Fern Figures", CaseFileCases.newUpn(), "parent-1", "Gus Figures");
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Hal Figures", CaseFileCases.newUpn(), "parent-1", "Ivy Figures");
    // other tests share the register: compare each year's figure before and after this notice
    CaseFileClient manager = signedIn("manager");
    long thisYearBefore = figure(manager.get("/casework/figures?year=2026-27"), "penaltyNoticesIssuedOther");
    long lastYearBefore = figure(manager.get("/casework/figures?year=2025-26"), "penaltyNoticesIssued");
    String number = numbers.next();
    String upn = CaseFileCases.newUpn();
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, NoticeInputs.inputs("FIG-" + upn, upn, "other"));
    String notice = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(notice).singleResult().getId());
    NoticeInputs.post(taskService, notice);

    CaseFileClient.Page page = manager.get("/casework/figures");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#year option[selected]").text()).isEqualTo("2026-27");
    assertThat(figure(page, "penaltyNoticesIssuedOther")).isEqualTo(thisYearBefore + 1);
    assertThat(figure(page, "open")).isGreaterThanOrEqualTo(2);
    assertThat(page.html().select("#schools tr[data-urn]").eachAttr("data-urn")).contains("100001", "100002");
    assertThat(page.html().select("#schools tr[data-urn=100001] a").attr("href")).isEqualTo("/casework/?q=100001");
    assertThat(page.html().select("nav").text()).contains("Figures");

    // the notice issued on 2 November 2026 counts in 2026-27 only
    CaseFileClient.Page lastYear = manager.get("/casework/figures?year=2025-26");
    assertThat(figure(lastYear, "penaltyNoticesIssued")).isEqualTo(lastYearBefore);

    // the open cases figure opens the cases it counts
    String openHref = page.html().select("[data-figure=open] a").attr("href");
    CaseFileClient.Page open = manager.get(openHref);
    assertThat(open.status()).isEqualTo(200);
    assertThat(open.html().select("#open-cases").text()).contains("Fern Figures", "Hal Figures");
    CaseFileClient.Page levelOne = manager.get(page.html().select("[data-figure=level-1] a").attr("href"));
    assertThat(levelOne.html().select("#open-cases").text()).contains("Fern Figures");
    assertThat(manager.get(page.html().select("[data-figure=penaltyNoticesIssuedHoliday] a").attr("href")).status())
        .isEqualTo(200);
  }

  @Test
  void aSchoolSeesOnlyItsOwnCasesAndSchoolAndNoCensus() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    cases.start(CaseFixtures.TRADED_SCHOOL, "Jay Ownschool", CaseFileCases.newUpn(), "parent-1", "Kit Ownschool");
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Lou Otherschool", CaseFileCases.newUpn(), "parent-1", "Max Otherschool");

    CaseFileClient school = signedIn("school1");
    CaseFileClient.Page page = school.get("/casework/figures");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#census")).isEmpty();
    assertThat(page.html().select("#schools tr[data-urn]").eachAttr("data-urn")).containsExactly("100001");
    long seen = figure(page, "open");
    CaseFileClient.Page open = school.get(page.html().select("[data-figure=open] a").attr("href"));
    assertThat(open.html().select("#open-cases").text()).contains("Jay Ownschool").doesNotContain("Lou Otherschool");
    assertThat(seen).isLessThan(figure(signedIn("manager").get("/casework/figures"), "open"));
    assertThat(school.get("/casework/figures/cases?measure=penaltyNoticesIssued&year=2026-27").status()).isEqualTo(404);
  }

  @Test
  void theDataTeamSeesTheCensusAndEachSchoolsNoticesButNoCaseAndNoListOfCases() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    cases.start(CaseFixtures.TRADED_SCHOOL, "Nia Datateam", CaseFileCases.newUpn(), "parent-1", "Oli Datateam");
    CaseFileClient dataTeam = signedIn("datateam");

    CaseFileClient.Page page = dataTeam.get("/casework/figures");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("nav").text()).contains("Figures");
    CaseFileClient.Page manager = signedIn("manager").get("/casework/figures");
    assertThat(figure(page, "penaltyNoticesIssued")).isEqualTo(figure(manager, "penaltyNoticesIssued"));
    // aggregate figures only: no census tile opens a list of cases, no case is counted as if there were none
    assertThat(page.html().select("#census a")).isEmpty();
    assertThat(page.html().select("#case-figures")).isEmpty();
    assertThat(page.html().select("#cases-not-shown").text()).contains("Not shown");
    assertThat(page.html().select("#schools tr[data-urn]").eachAttr("data-urn")).contains("100001", "100002");
    assertThat(page.html().select("#schools tr[data-urn=100001] td").get(1).text()).isEqualTo("Not shown");
    assertThat(page.html().select("#schools tr[data-urn=100001] a")).isEmpty();
    assertThat(page.html().select("#schools tr[data-urn=100001] td").get(2).text())
        .isEqualTo(manager.html().select("#schools tr[data-urn=100001] td").get(2).text());
    // the census as JSON, linked from the page, answers the data team too
    String json = page.html().select("a[href^=/api/reports/parental-responsibility-measures]").attr("href");
    assertThat(dataTeam.get(json).status()).isEqualTo(200);
    // no list of cases: the engine lets the data team read none
    assertThat(dataTeam.get("/casework/figures/cases?measure=open").status()).isEqualTo(404);
    assertThat(dataTeam.get("/casework/figures/cases?measure=penaltyNoticesIssued&year=2026-27").status()).isEqualTo(404);
  }

  /**
   * Cockpit's overview tiles that showed a figure and opened nothing: "Reviews due this week" and
   * "Notices to Improve ending this week" open the case file's list of what they count (the same
   * query, so the list holds as many cases as the tile says), "Tasks overdue" opens Tasklist's
   * "Overdue" filter (the same query); the penalty notice tile says it is a count only (in the plugin).
   */
  @Test
  void theOverviewsTilesOpenAListOfWhatTheyCount() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    org.camunda.bpm.engine.runtime.ProcessInstance instance = cases.start(
        java.util.Map.of("entryLevel", 2), CaseFixtures.TRADED_SCHOOL, "Pia Reviewdue", CaseFileCases.newUpn(), "parent-1", "Quin Reviewdue");
    CaseSteps.runJobs(managementService, instance.getId());
    org.camunda.bpm.engine.task.Task meeting = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_HoldAttendanceMeeting").singleResult();
    taskService.complete(meeting.getId(), java.util.Map.of("attendanceTarget", 95.0));
    CaseSteps.runJobs(managementService, instance.getId());
    // the review date reached (its timer fired now rather than weeks on)
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("Event_ReviewDateReached").singleResult().getId());
    CaseSteps.runJobs(managementService, instance.getId());
    org.camunda.bpm.engine.task.Task review = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ReviewAttendance").singleResult();
    review.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() + 3L * 24 * 60 * 60 * 1000));
    taskService.saveTask(review);

    CaseFileClient manager = signedIn("manager");
    com.fasterxml.jackson.databind.JsonNode dashboard = json(manager.get("/api/reports/dashboard"));
    com.fasterxml.jackson.databind.JsonNode links = dashboard.path("links");
    CaseFileClient.Page due = manager.get(links.path("reviewsDueThisWeek").asText());
    assertThat(due.status()).isEqualTo(200);
    assertThat(due.html().select("#open-cases").text()).contains("Pia Reviewdue");
    assertThat((long) due.html().select("#open-cases tbody tr").size()).isEqualTo(dashboard.path("reviewsDueThisWeek").asLong());
    CaseFileClient.Page ending = manager.get(links.path("noticesToImproveEndingThisWeek").asText());
    assertThat(ending.status()).isEqualTo(200);
    assertThat((long) ending.html().select("#open-cases tbody tr").size())
        .isEqualTo(dashboard.path("noticesToImproveEndingThisWeek").asLong());
    String overdue = filters.createFilterQuery().filterName("Overdue").singleResult().getId();
    assertThat(links.path("tasksOverdue").asText()).isEqualTo("/camunda/app/tasklist/default/#/?filter=" + overdue);
    identityService.setAuthentication("manager", java.util.List.of("managers"));
    try {
      assertThat(filters.count(overdue)).isEqualTo(dashboard.path("tasksOverdue").asLong());
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(links.has("penaltyNoticesOpen")).isFalse();
    // the data team opens no Tasklist: no link to it
    assertThat(json(signedIn("datateam").get("/api/reports/dashboard")).path("links").has("tasksOverdue")).isFalse();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(CaseFileClient.Page page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(page.body(), e);
    }
  }

  @Test
  void aBadYearIsNamedAndThoseWithoutFiguresFindNoPage() {
    CaseFileClient.Page bad = signedIn("officer").get("/casework/figures?year=2026-28");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#year");
    assertThat(signedIn("analyst").get("/casework/figures").status()).isEqualTo(403);
    assertThat(signedIn("analyst").get("/casework/figures/cases?measure=open").status()).isEqualTo(403);
    assertThat(signedIn("manager").get("/casework/figures/cases?measure=nonsense").status()).isEqualTo(404);
  }
}
