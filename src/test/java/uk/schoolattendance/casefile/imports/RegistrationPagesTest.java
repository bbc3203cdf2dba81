package uk.schoolattendance.casefile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.attendance.MovedPupilCases;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.process.Upn;

/**
 * The data team's page of pupils with two main registrations ({@code /casework/registrations}):
 * each doubled pupil listed with both schools, the choice of the real one with the leaving date
 * that ends the other, each bad input refused naming its field with nothing changed, the case
 * following the pupil, and every other role (schools included) refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RegistrationPagesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired uk.schoolattendance.attendance.MainRegistrations registrations;
  @Autowired uk.schoolattendance.attendance.MovedPupilCases movedPupilCases;

  /** The daily step's last day before this test (review S6): restored after it, for the test classes sharing the database. */
  private java.sql.Date stepDay;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    stepDay = jdbc.queryForObject("SELECT last_day FROM att_daily_step WHERE step = 'cases-follow-moved-pupils'", java.sql.Date.class);
  }

  @AfterEach
  void realTime() {
    TestClock.reset();
    jdbc.update("UPDATE att_daily_step SET last_day = ? WHERE step = 'cases-follow-moved-pupils'", stepDay);
  }

  /** The daily step last ran on this day. */
  private void stepLastRan(LocalDate day) {
    jdbc.update("UPDATE att_daily_step SET last_day = ? WHERE step = 'cases-follow-moved-pupils'", java.sql.Date.valueOf(day));
  }

  /**
   * A pupil the register holds on two schools' rolls as their main registration, as imports wrote
   * it before a second main registration was refused: marks at Riverside to 19 November and at
   * Hillcrest from 23 November, neither registration with a leaving date.
   */
  static String doubled(JdbcTemplate jdbc, TestRestTemplate rest, long number) {
    String upn = Upn.of(number);
    csv(rest, "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup\n"
        + upn + ",100001,2026-11-18,AM,/,Dana,Double,2016-05-01,5\n" + upn + ",100001,2026-11-19,AM,O\n");
    csv(rest, "upn,urn,date,session,code\n" + upn + ",100002,2026-11-23,AM,/\n" + upn + ",100002,2026-11-24,AM,/\n");
    jdbc.update("UPDATE att_enrolment SET to_date = NULL WHERE pupil_id = (SELECT pupil_id FROM att_pupil WHERE upn = ?)", upn);
    return upn;
  }

  private static void csv(TestRestTemplate rest, String text) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    assertThat(rest.withBasicAuth("datateam", "datateam")
        .postForEntity("/api/attendance/imports", new HttpEntity<>(text, headers), Map.class).getBody())
        .containsEntry("rowsRejected", 0);
  }

  private List<String> openMain(String upn) {
    return jdbc.queryForList("SELECT e.school_urn FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE p.upn = ? AND e.registration = 'main' AND e.to_date IS NULL ORDER BY e.school_urn", Integer.class, upn)
        .stream().map(String::valueOf).toList();
  }

  private static Map<String, String> form(String keep, String day, String month, String year) {
    Map<String, String> values = new HashMap<>();
    values.put("keep", keep);
    values.put("leavingDate-day", day);
    values.put("leavingDate-month", month);
    values.put("leavingDate-year", year);
    values.put("reason", "Riverside's admissions officer confirmed the family moved to Hillcrest's area");
    return values;
  }

  @Test
  void theDataTeamSaysWhichRegistrationIsRealAndTheOtherEndsOnTheLeavingDate() {
    String upn = doubled(jdbc, rest, 700_470_000_001L);
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", "Dana Double");
    start.put("pupilDateOfBirth", Date.from(LocalDate.of(2016, 5, 1).atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
    start.put("schoolUrn", "100001");
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Alex Double\",\"address\":\"1 High Street\"}]").create());
    ProcessInstance attendanceCase = runtime.startProcessInstanceByKey("AttendanceCase", start);

    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    assertThat(datateam.get("/casework/imports").html().select("#registrations-link").attr("href"))
        .isEqualTo("/casework/registrations");
    CaseFileClient.Page list = datateam.get("/casework/registrations");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.html().select("#doubled tr[data-upn=" + upn + "]").text())
        .contains("Dana Double", "Riverside Primary School (URN 100001): from 18 November 2026, last mark 19 November 2026",
            "Hillcrest Academy (URN 100002): from 23 November 2026, last mark 24 November 2026");

    CaseFileClient.Page page = datateam.get("/casework/registrations/" + upn);
    assertThat(page.status()).isEqualTo(200);
    // nothing chosen, no date: both fields named, nothing changed
    CaseFileClient.Page none = datateam.post(page, "#registration-form", form("", "", "", ""));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#keep", "#leavingDate-day");
    assertThat(none.html().select("#keep-error").text()).contains("Select the registration that is real");
    // a school that is not one of the pupil's registrations
    CaseFileClient.Page other = datateam.post(page, "#registration-form", form("100003", "19", "11", "2026"));
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.html().select("#keep-error").text()).contains("Riverside Primary School (100001) or Hillcrest Academy (100002)");
    // a leaving date before Riverside's last mark would leave its marks outside its registration
    CaseFileClient.Page early = datateam.post(page, "#registration-form", form("100002", "18", "11", "2026"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.html().select("#leavingDate-error").text()).contains("on or after the last mark", "19 November 2026");
    assertThat(early.html().select("input[name=keep][checked]").val()).isEqualTo("100002");
    // not a date, and one in the future
    assertThat(datateam.post(page, "#registration-form", form("100002", "31", "11", "2026")).html()
        .select("#leavingDate-error").text()).contains("must be a real date");
    assertThat(datateam.post(page, "#registration-form", form("100002", "26", "11", "2026")).html()
        .select("#leavingDate-error").text()).contains("today or in the past");
    // no reason: refused naming the field, nothing changed
    Map<String, String> noReason = form("100002", "19", "11", "2026");
    noReason.put("reason", "  ");
    CaseFileClient.Page unexplained = datateam.post(page, "#registration-form", noReason);
    assertThat(unexplained.status()).isEqualTo(400);
    assertThat(unexplained.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#reason");
    assertThat(unexplained.html().select("#reason-error").text()).contains("Enter the reason for the repair");
    assertThat(openMain(upn)).containsExactly("100001", "100002");
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");
    assertThat(repairsOf(upn)).isZero();

    CaseFileClient.Page done = datateam.post(page, "#registration-form", form("100002", "19", "11", "2026"));
    assertThat(done.status()).as(done.text()).isEqualTo(302);
    assertThat(done.location()).endsWith("/casework/registrations?done=" + upn);
    CaseFileClient.Page after = datateam.get("/casework/registrations?done=" + upn);
    assertThat(after.html().select("#done").text()).contains("Pupil " + upn + " has one main registration now");
    assertThat(after.html().select("#doubled tr[data-upn=" + upn + "]")).isEmpty();
    assertThat(openMain(upn)).containsExactly("100002");
    assertThat(jdbc.queryForObject("SELECT e.to_date FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE p.upn = ? AND e.school_urn = 100001", java.sql.Date.class, upn)).isEqualTo(java.sql.Date.valueOf("2026-11-19"));
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, upn)).isEqualTo(100002);
    // the pupil's case follows the pupil to the real school
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100002");
    // the repair is a record: who, when, kept, ended with its leaving date, the reason; on the list and the pupil's page
    assertThat(repairsOf(upn)).isEqualTo(1);
    assertThat(after.html().select("#repairs tr[data-upn=" + upn + "]").text()).contains("by datateam",
        "12:00pm on 25 November 2026", "Dana Double", "Hillcrest Academy (URN 100002)",
        "Riverside Primary School (URN 100001)", "left 19 November 2026",
        "Riverside's admissions officer confirmed the family moved to Hillcrest's area");
    // the pupil is no longer doubled: the page shows the pupil's repairs, without the form
    CaseFileClient.Page history = datateam.get("/casework/registrations/" + upn);
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.html().select("#registration-form")).isEmpty();
    assertThat(history.html().select("#repairs tbody tr").text()).contains("by datateam", "left 19 November 2026",
        "Riverside's admissions officer confirmed");
  }

  private int repairsOf(String upn) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM att_registration_repair r JOIN att_pupil p ON p.pupil_id = r.pupil_id"
        + " WHERE p.upn = ?", Integer.class, upn);
  }

  @Test
  void theRepairsAreListedNewestFirst() {
    String first = doubled(jdbc, rest, 700_470_000_031L);
    String second = doubled(jdbc, rest, 700_470_000_032L);
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    Map<String, String> why = form("100002", "20", "11", "2026");
    datateam.post(datateam.get("/casework/registrations/" + first), "#registration-form", why);
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(14, 30).atZone(ZoneId.of("Europe/London")).toInstant()));
    why.put("reason", "Hillcrest sent the admission form");
    datateam.post(datateam.get("/casework/registrations/" + second), "#registration-form", why);
    List<String> listed = datateam.get("/casework/registrations").html().select("#repairs tbody tr").eachAttr("data-upn");
    assertThat(listed).containsSubsequence(second, first);
    assertThat(listed.indexOf(second)).isLessThan(listed.indexOf(first));
  }

  /**
   * A leaving date of today: the pupil is on the ended school's roll until the day ends, so the case
   * stays there today and the application's daily step moves it the next day, with no import.
   */
  @Test
  void aCaseFollowsThePupilTheDayAfterALeavingDateOfTodayWithoutAnImport() {
    stepLastRan(TODAY.minusDays(1));
    String upn = doubled(jdbc, rest, 700_470_000_041L);
    ProcessInstance attendanceCase = startCase(upn, "Dana Double");
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    CaseFileClient.Page done = datateam.post(datateam.get("/casework/registrations/" + upn), "#registration-form",
        form("100002", "25", "11", "2026"));
    assertThat(done.status()).as(done.text()).isEqualTo(302);
    assertThat(datateam.get(done.location().replaceFirst("^https?://[^/]+", "")).html().select("#done").text())
        .contains("moves to Hillcrest Academy (URN 100002) tomorrow");
    // today the pupil is still on Riverside's roll: the case stays, and a second run today changes nothing
    assertThat(movedPupilCases.runToday().ran()).isTrue();
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");
    assertThat(movedPupilCases.runToday().ran()).isFalse();

    // the next day, before any file: the daily step moves the case, once
    ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(1).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
    assertThat(movedPupilCases.runToday().ran()).isTrue();
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100002");
    assertThat(runtime.getVariable(attendanceCase.getId(), "history").toString())
        .contains("fact-corrected", "registration at school 100001 ended on 25 November 2026");
    // a second node's run the same day finds the day done
    assertThat(movedPupilCases.runToday()).isEqualTo(new MovedPupilCases.Outcome(false, 0, List.of()));
  }

  /**
   * Review S1: each case follows its pupil in its own transaction. A case that cannot be moved is
   * reported and left; the other pupils' cases move, and the day is recorded, so the step does not
   * fail on the same case every day after.
   */
  @Test
  void aCaseThatCannotBeMovedIsReportedAndTheOthersStillMove() {
    stepLastRan(TODAY.minusDays(1));
    String failing = doubled(jdbc, rest, 700_470_000_051L);
    String moving = doubled(jdbc, rest, 700_470_000_052L);
    ProcessInstance stuck = startCase(failing, "Dana Double");
    ProcessInstance follows = startCase(moving, "Dana Double");
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    for (String upn : List.of(failing, moving)) {
      assertThat(datateam.post(datateam.get("/casework/registrations/" + upn), "#registration-form",
          form("100002", "25", "11", "2026")).status()).isEqualTo(302);
    }
    // the first pupil's case cannot be changed: suspended in the engine
    runtime.suspendProcessInstanceById(stuck.getId());
    try {
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(1).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      MovedPupilCases.Outcome outcome = movedPupilCases.runToday();
      assertThat(outcome.ran()).isTrue();
      assertThat(outcome.casesMoved()).isPositive();
      assertThat(outcome.failed()).singleElement().asString().startsWith(failing + " (to school 100002)");
      assertThat(runtime.getVariable(follows.getId(), "schoolUrn")).isEqualTo("100002");
      assertThat(runtime.getVariable(stuck.getId(), "schoolUrn")).isEqualTo("100001");
      assertThat(jdbc.queryForObject("SELECT last_day FROM att_daily_step WHERE step = 'cases-follow-moved-pupils'",
          java.sql.Date.class).toLocalDate()).isEqualTo(TODAY.plusDays(1));
      // review 3 S2: the failed case is kept, and the next day's run tries it again: once it can move, it does
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_daily_step_failure WHERE upn = ?", Integer.class, failing))
          .isEqualTo(1);
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(2).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      assertThat(movedPupilCases.runToday().failed()).singleElement().asString().startsWith(failing + " (to school 100002)");
      // two days on, the leaving date is before any window of the step: only the kept failure brings the case back
      runtime.activateProcessInstanceById(stuck.getId());
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(3).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      MovedPupilCases.Outcome retried = movedPupilCases.runToday();
      assertThat(retried.failed()).isEmpty();
      assertThat(runtime.getVariable(stuck.getId(), "schoolUrn")).isEqualTo("100002");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_daily_step_failure WHERE upn = ?", Integer.class, failing))
          .isZero();
    } finally {
      if (runtime.createProcessInstanceQuery().processInstanceId(stuck.getId()).suspended().count() > 0) {
        runtime.activateProcessInstanceById(stuck.getId());
      }
    }
  }

  /**
   * The failed moves page: a case the daily step could not move is listed for the data team and the
   * authority's caseworkers with its case, pupil, both schools, first failure, attempts and the last
   * error in plain words; managers read it; schools cannot open it; once the case moves it leaves the list.
   */
  @Test
  void theDataTeamAndOfficersSeeEachCaseThatDidNotFollowItsPupil() {
    stepLastRan(TODAY.minusDays(1));
    String upn = doubled(jdbc, rest, 700_470_000_054L);
    ProcessInstance stuck = startCase(upn, "Dana Double"); // the register's name for the UPN
    String reference = (String) runtime.getVariable(stuck.getId(), "caseReference");
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    assertThat(datateam.post(datateam.get("/casework/registrations/" + upn), "#registration-form",
        form("100002", "25", "11", "2026")).status()).isEqualTo(302);
    assertThat(datateam.get("/casework/imports").html().select("#failed-moves-link").attr("href"))
        .isEqualTo("/casework/failed-moves");
    runtime.suspendProcessInstanceById(stuck.getId());
    try {
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(1).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      assertThat(movedPupilCases.runToday().failed()).anySatisfy(f -> assertThat(f).startsWith(upn));
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(2).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      assertThat(movedPupilCases.runToday().failed()).anySatisfy(f -> assertThat(f).startsWith(upn));

      // a manager, who watches the service, reads it too (walk 14's product question): read-only, no form
      for (String user : List.of("datateam", "officer", "senior", "manager")) {
        CaseFileClient.Page page = CaseFileClient.signedIn(port, user).get("/casework/failed-moves");
        assertThat(page.html().select("main form, main button")).as(user).isEmpty();
        assertThat(page.status()).as(user).isEqualTo(200);
        org.jsoup.nodes.Element row = page.html().selectFirst("#failed-moves tr[data-upn=" + upn + "]");
        assertThat(row).as(user).isNotNull();
        assertThat(row.select("a[href=/casework/cases/" + reference + "]").text()).isEqualTo(reference);
        assertThat(row.text()).contains("Dana Double", "UPN " + upn, "Riverside Primary School (URN 100001)",
            "left 25 November 2026", "to Hillcrest Academy (URN 100002)", "12:15am on 26 November 2026",
            "tried 2 times, last at 12:15am on 27 November 2026",
            "The case is suspended in Cockpit, so nothing can change it");
      }
      for (String user : List.of("school1", "school2", "analyst")) {
        assertThat(CaseFileClient.signedIn(port, user).get("/casework/failed-moves").status()).as(user).isEqualTo(403);
      }

      runtime.activateProcessInstanceById(stuck.getId());
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(3).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      assertThat(movedPupilCases.runToday().failed()).noneSatisfy(f -> assertThat(f).startsWith(upn));
      assertThat(datateam.get("/casework/failed-moves").html().select("#failed-moves tr[data-upn=" + upn + "]")).isEmpty();
    } finally {
      if (runtime.createProcessInstanceQuery().processInstanceId(stuck.getId()).suspended().count() > 0) {
        runtime.activateProcessInstanceById(stuck.getId());
      }
    }
  }

  /**
   * Review 4 S2: a retried move reads where the pupil is on the day of the retry. A pupil who went back
   * to the case's school after the move failed keeps the case there; the kept failure is dropped.
   */
  @Test
  void aRetriedMoveGoesWhereThePupilIsNowNotWhereTheyWereWhenItFailed() {
    stepLastRan(TODAY.minusDays(1));
    String upn = doubled(jdbc, rest, 700_470_000_053L);
    ProcessInstance stuck = startCase(upn, "Dana Double");
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    assertThat(datateam.post(datateam.get("/casework/registrations/" + upn), "#registration-form",
        form("100002", "25", "11", "2026")).status()).isEqualTo(302);
    runtime.suspendProcessInstanceById(stuck.getId());
    try {
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(1).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      assertThat(movedPupilCases.runToday().failed()).singleElement().asString().startsWith(upn + " (to school 100002)");
      // before the retry the pupil is back on Riverside's roll as their main school
      jdbc.update("UPDATE att_pupil SET school_urn = 100001 WHERE upn = ?", upn);
      runtime.activateProcessInstanceById(stuck.getId());
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(3).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
      MovedPupilCases.Outcome retried = movedPupilCases.runToday();
      assertThat(retried.failed()).isEmpty();
      assertThat(runtime.getVariable(stuck.getId(), "schoolUrn")).isEqualTo("100001");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_daily_step_failure WHERE upn = ?", Integer.class, upn))
          .isZero();
    } finally {
      if (runtime.createProcessInstanceQuery().processInstanceId(stuck.getId()).suspended().count() > 0) {
        runtime.activateProcessInstanceById(stuck.getId());
      }
    }
  }

  /**
   * Review S2: with no run recorded (a new installation) the step looks back one day, as every later
   * run does: a case whose pupil left a school long before (an officer's to act on) stays where it is.
   */
  @Test
  void theFirstRunLooksBackOneDayOnly() {
    jdbc.update("UPDATE att_daily_step SET last_day = NULL WHERE step = 'cases-follow-moved-pupils'");
    String upn = doubled(jdbc, rest, 700_470_000_061L);
    ProcessInstance attendanceCase = startCase(upn, "Dana Double");
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    assertThat(datateam.post(datateam.get("/casework/registrations/" + upn), "#registration-form",
        form("100002", "25", "11", "2026")).status()).isEqualTo(302);
    // installed a week after the leaving date: the first run leaves the case to the officer
    ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(7).atTime(0, 15).atZone(ZoneId.of("Europe/London")).toInstant()));
    assertThat(movedPupilCases.runToday().ran()).isTrue();
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");
  }

  /** Review N3: the repair keeps the kept registration's first day as it stood; a later change to it does not rewrite the record. */
  @Test
  void aRepairKeepsTheKeptRegistrationsFirstDayAsItStood() {
    String upn = doubled(jdbc, rest, 700_470_000_071L);
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    assertThat(datateam.post(datateam.get("/casework/registrations/" + upn), "#registration-form",
        form("100002", "25", "11", "2026")).status()).isEqualTo(302);
    identity.setAuthentication("datateam",
        identity.createGroupQuery().groupMember("datateam").list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      LocalDate keptFrom = registrations.repairs(upn).get(0).kept().from();
      assertThat(keptFrom).isNotNull();
      jdbc.update("UPDATE att_enrolment SET from_date = ? WHERE school_urn = 100002 AND pupil_id ="
          + " (SELECT pupil_id FROM att_pupil WHERE upn = ?)", java.sql.Date.valueOf(keptFrom.minusDays(30)), upn);
      assertThat(registrations.repairs(upn).get(0).kept().from()).isEqualTo(keptFrom);
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance startCase(String upn, String name) {
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", name);
    start.put("pupilDateOfBirth", Date.from(LocalDate.of(2016, 5, 1).atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
    start.put("schoolUrn", "100001");
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Alex Double\",\"address\":\"1 High Street\"}]").create());
    return runtime.startProcessInstanceByKey("AttendanceCase", start);
  }

  @Test
  void theRealRegistrationCanBeTheEarlierOneAndThePupilsMainSchoolFollowsIt() {
    String upn = doubled(jdbc, rest, 700_470_000_002L);
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    CaseFileClient.Page page = datateam.get("/casework/registrations/" + upn);
    assertThat(datateam.post(page, "#registration-form", form("100001", "24", "11", "2026")).status()).isEqualTo(302);
    assertThat(openMain(upn)).containsExactly("100001");
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, upn)).isEqualTo(100001);
  }

  @Test
  void theListHoldsTheFirstDoubledPupilsByUpnEachWithAllTheirRegistrations() {
    List<String> ours = List.of(doubled(jdbc, rest, 700_470_000_011L), doubled(jdbc, rest, 700_470_000_012L),
        doubled(jdbc, rest, 700_470_000_013L));
    List<String> all = jdbc.queryForList("SELECT p.upn FROM att_pupil p WHERE p.pupil_id IN (SELECT pupil_id FROM"
        + " att_enrolment WHERE registration = 'main' AND to_date IS NULL GROUP BY pupil_id HAVING COUNT(*) > 1)"
        + " ORDER BY p.upn", String.class).stream().map(String::trim).toList();
    assertThat(all).containsAll(ours);
    assertThat(registrations.count()).isEqualTo(all.size());
    // every limit: exactly the first pupils by UPN, none cut short of a registration
    for (int limit : new int[] {0, 1, all.size() - 1, all.size(), all.size() + 5}) {
      List<uk.schoolattendance.attendance.MainRegistrations.Doubled> listed = registrations.doubled(limit);
      assertThat(listed).extracting(uk.schoolattendance.attendance.MainRegistrations.Doubled::upn).as("limit " + limit)
          .containsExactlyElementsOf(all.subList(0, Math.min(limit, all.size())));
      assertThat(listed).allSatisfy(d -> assertThat(d.registrations()).hasSizeGreaterThan(1));
    }
    assertThat(registrations.doubled(all.size()).stream().filter(d -> ours.contains(d.upn())))
        .allSatisfy(d -> assertThat(d.registrations()).extracting(r -> r.schoolName() + " " + r.from()).containsExactly(
            "Riverside Primary School 2026-11-18", "Hillcrest Academy 2026-11-23"));
  }

  @Test
  void aCaseInCourtStaysAtItsSchoolAndThePageSaysWhy() {
    String upn = doubled(jdbc, rest, 700_470_000_021L);
    // a Level 3 case at Hillcrest (no traded service) taken to court: court proceedings are open
    ProcessInstance instance = new uk.schoolattendance.casefile.CaseFileCases(runtime).start(
        Map.of("entryLevel", 3, "unauthorisedSessions", 9, "pupilDateOfBirth", "2016-05-01"), // the register's
        "100002", "Dana Double", upn, "parent-1", "Alex Double");
    completeAs("school2", instance.getId(), "Task_WorkWithFamily", Map.of("earlyHelpConsent", false, "caseworkOutcome", "formalise"));
    completeAs("school2", instance.getId(), "Task_AgreeAttendanceContract", Map.of("contractAgreed", false,
        "noContractReason", "Parent refused to meet", "sufficientImprovement", "Attendance above 95 %"));
    completeAs("senior", instance.getId(), "Task_HoldPupilPlanningMeeting", Map.of("legalRoute", "prosecution",
        "offenceFrom", "2026-11-16", "offenceTo", "2026-11-20", "legalRouteReason", "Sustained absence",
        "noNoticeToImproveReason", "Support was refused at every stage"));
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).processDefinitionKey("CourtProceedings")
        .count()).isEqualTo(1);

    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    CaseFileClient.Page page = datateam.get("/casework/registrations/" + upn);
    CaseFileClient.Page done = datateam.post(page, "#registration-form", form("100001", "24", "11", "2026"));
    assertThat(done.status()).as(done.text()).isEqualTo(302);
    assertThat(openMain(upn)).containsExactly("100001");
    // the case stays where the court proceedings began, and the data team is told so and why
    assertThat(runtime.getVariable(instance.getId(), "schoolUrn")).isEqualTo("100002");
    CaseFileClient.Page after = datateam.get(done.location().replaceFirst("^https?://[^/]+", ""));
    assertThat(after.html().select("#done").text()).contains("Pupil " + upn + " has one main registration now",
        "The pupil's case stayed at Hillcrest Academy (URN 100002): penalty notices or court proceedings are open,"
            + " so the case does not follow the pupil");
  }

  private void completeAs(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
    org.camunda.bpm.engine.task.Task task =
        tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    identity.setAuthentication(user,
        identity.createGroupQuery().groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void schoolsAndOtherRolesCannotOpenThePagesOrChangeARegistration() {
    String upn = doubled(jdbc, rest, 700_470_000_003L);
    for (String user : List.of("school1", "school2", "officer", "compliance")) {
      CaseFileClient person = CaseFileClient.signedIn(port, user);
      assertThat(person.get("/casework/registrations").status()).as(user).isEqualTo(403);
      assertThat(person.get("/casework/registrations/" + upn).status()).as(user).isEqualTo(403);
      assertThat(person.get("/casework/imports").html().select("#registrations-link")).as(user).isEmpty();
      Map<String, String> values = form("100001", "24", "11", "2026");
      // the person's own session token: the refusal is the page's, not the CSRF filter's
      values.put("_csrf", person.get("/casework/").html().select("input[name=_csrf]").first().val());
      assertThat(person.postForm("/casework/registrations/" + upn, values).status()).as(user).isEqualTo(403);
    }
    assertThat(openMain(upn)).containsExactly("100001", "100002");
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    assertThat(datateam.get("/casework/registrations/" + Upn.of(700_470_000_099L)).status()).isEqualTo(404);
  }
}
