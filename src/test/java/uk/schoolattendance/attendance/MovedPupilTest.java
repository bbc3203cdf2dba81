package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.attendance.RegisterApi.get;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.Upn;

/**
 * A pupil who moved school (docs/register.md, "One main registration"): the old school's
 * registration ends on its leaving date, so the old school's data pack, its Targeting Support
 * Meeting's flags, its pupil list, its reading of the pupil and its access to the pupil's case
 * (the engine's grants) no longer hold the pupil, while the old school's marks before the leaving
 * date still count in the figures and stay readable by the authority and the new school.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class MovedPupilTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final LocalDate LEFT = LocalDate.of(2026, 11, 20);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired AttendanceRegister register;
  @Autowired DataPacks dataPacks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired MovedPupilCases movedPupils;
  @LocalServerPort int port;

  @Test
  void afterAMoveWithALeavingDateTheOldSchoolsListsAndAccessNoLongerHoldThePupil() {
    String upn = Upn.of(700_460_000_001L);
    // severely absent at Riverside this term: flagged for Riverside's Targeting Support Meeting
    importAndIdentify("school1", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LEFT,
        (day, session) -> day.getDayOfMonth() % 3 == 0 ? "/" : "O").text());
    assertThat(register.targetingFlags("100001", "2026-27")).extracting(AttendanceRegister.TargetingFlag::upn).contains(upn);
    ProcessInstance attendanceCase = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseStart(upn, "100001"));
    int riversideSessions = (Integer) get(rest, "officer", "/api/pupils/" + upn + "/attendance").getBody()
        .get("possibleSessions");
    assertThat(pupilsOfPack("100001", TODAY)).contains(upn);
    assertThat(readsCase("school1", "school-100001", attendanceCase.getId())).isTrue();

    // Riverside sends the leaving date, then Hillcrest the pupil's first days there: a move
    assertThat(importCsv(rest, "school1", "upn,urn,date,session,code,leavingDate\n"
        + upn + ",100001," + LEFT + ",PM,O," + LEFT + "\n").getBody()).containsEntry("rowsRejected", 0);
    importAndIdentify("school2", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-23,AM,/\n"
        + upn + ",100002,2026-11-23,PM,/\n" + upn + ",100002,2026-11-24,AM,/\n" + upn + ",100002,2026-11-24,PM,O\n");

    // Riverside's data pack (and so its termly meeting's) and its pupil list no longer hold the pupil: Hillcrest's do
    assertThat(pupilsOfPack("100001", TODAY)).doesNotContain(upn);
    assertThat(pupilsOfPack("100002", TODAY)).contains(upn);
    assertThat(register.pupilsAt("100001", TODAY)).doesNotContain(upn);
    assertThat(register.pupilsAt("100002", TODAY)).contains(upn);
    assertThat(register.targetingFlags("100001", "2026-27")).extracting(AttendanceRegister.TargetingFlag::upn)
        .doesNotContain(upn);
    // on its leaving date the pupil was still on Riverside's roll: a pack as of that day lists them
    assertThat(pupilsOfPack("100001", LEFT)).contains(upn);
    assertThat(register.pupilsAt("100001", LEFT)).contains(upn);

    // Riverside reads the pupil no more; Hillcrest and the authority do, Riverside's marks counted in the figures
    assertThat(get(rest, "school1", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getBody())
        .containsEntry("possibleSessions", riversideSessions + 4);
    assertThat(get(rest, "officer", "/api/pupils/" + upn + "/attendance").getBody())
        .containsEntry("possibleSessions", riversideSessions + 4);
    // Riverside's marks stay evidence: the certificate of its weeks, for those who may read the pupil now
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity("/api/pupils/" + upn
        + "/registration-certificate?from=2026-11-16&to=" + LEFT, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("school1", "school1").getForEntity("/api/pupils/" + upn
        + "/registration-certificate?from=2026-11-16&to=" + LEFT, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // the open case followed the pupil: Hillcrest holds it through the engine's grants, Riverside no longer
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100002");
    assertThat(readsCase("school1", "school-100001", attendanceCase.getId())).isFalse();
    assertThat(readsCase("school2", "school-100002", attendanceCase.getId())).isTrue();
    assertThat(runtime.getVariable(attendanceCase.getId(), "history").toString())
        .contains("fact-corrected", "left the roll of school 100001");
  }

  /**
   * Review S6: a case with a penalty notice open stays with the old school after the pupil moved;
   * its page shows the old school the figures and weeks as of the leaving date, never the new
   * school's marks after it (the register's API refuses the old school the pupil: 404), while the
   * authority reads today's figures.
   */
  @Test
  void aCaseThatStaysWithTheOldSchoolShowsItOnlyTheFiguresAsOfTheLeavingDate() {
    String upn = Upn.of(700_460_000_004L);
    importAndIdentify("school1", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LEFT,
        (day, session) -> day.getDayOfMonth() % 3 == 0 ? "/" : "O").text());
    Map<String, Object> start = caseStart(upn, "100001");
    start.put(AttendanceCase.ENTRY_LEVEL.name(), 4);
    start.put(AttendanceCase.PUPIL_ADDRESS.name(), "1 High Street");
    ProcessInstance attendanceCase = runtime.startProcessInstanceByKey(AttendanceCase.KEY, start);
    Task meeting = tasks.createTaskQuery().processInstanceId(attendanceCase.getId()).singleResult();
    assertThat(meeting.getTaskDefinitionKey()).isEqualTo(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());
    tasks.complete(meeting.getId(), Map.of(
        "legalRoute", "penalty-notice", "legalRouteReason", "No engagement",
        "noContractReason", "Never tried: the parent would not meet", "noNoticeToImproveReason", "Support was refused at every stage",
        "offenceFrom", "2026-09-14", "offenceTo", "2026-10-09",
        "thresholdEvidenceConfirmed", true, "thresholdEvidenceSessions", 12));
    for (Job job : management.createJobQuery().processInstanceId(attendanceCase.getId()).messages().list()) {
      management.executeJob(job.getId());
    }
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(attendanceCase.getId())
        .processDefinitionKey("PenaltyNotice").count()).isPositive();
    int riversideSessions = (Integer) get(rest, "officer", "/api/pupils/" + upn + "/attendance").getBody()
        .get("possibleSessions");

    assertThat(importCsv(rest, "school1", "upn,urn,date,session,code,leavingDate\n"
        + upn + ",100001," + LEFT + ",PM,O," + LEFT + "\n").getBody()).containsEntry("rowsRejected", 0);
    importAndIdentify("school2", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-23,AM,/\n"
        + upn + ",100002,2026-11-23,PM,/\n" + upn + ",100002,2026-11-24,AM,/\n" + upn + ",100002,2026-11-24,PM,O\n");

    // the notice is open: the case stays with Riverside, which the register's API refuses the pupil
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");
    assertThat(get(rest, "school1", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String page = "/casework/cases/" + runtime.getVariable(attendanceCase.getId(), "caseReference");
    // each school's head teacher issued the parent a notice for this child, both withdrawn: each bars a prosecution (reg 8)
    String parentId = uk.schoolattendance.process.Parents.parse("parents", runtime.getVariable(attendanceCase.getId(), "parents"), java.time.ZoneId.of("Europe/London"))
        .get(0).id();
    String riversides = withdrawnHeadTeachersNotice(upn, "100001", parentId, "2026-03-02", "2026-03-13", "RPS-2026-31");
    String hillcrests = withdrawnHeadTeachersNotice(upn, "100002", parentId, "2026-05-04", "2026-05-15", "HA-2026-07");

    CaseFileClient.Page riverside = CaseFileClient.signedIn(port, "school1").get(page);
    assertThat(riverside.status()).isEqualTo(200);
    assertThat(riverside.html().select("#register").text())
        .contains("of " + riversideSessions + " sessions", "20 November 2026", "left your school's roll")
        .doesNotContain("of " + (riversideSessions + 4) + " sessions", "25 November 2026");
    assertThat(riverside.html().select("#weeks").text()).contains("16 November 2026").doesNotContain("23 November 2026");

    CaseFileClient.Page officer = CaseFileClient.signedIn(port, "officer").get(page);
    assertThat(officer.html().select("#register").text())
        .contains("of " + (riversideSessions + 4) + " sessions", "25 November 2026").doesNotContain("left your school's roll");
    assertThat(officer.html().select("#weeks").text()).contains("23 November 2026");

    // Review M1: the old school sees its own withdrawn notice among the bars, never the new school's; the officer both
    assertThat(riverside.html().select("#prosecution-bars").text()).contains(riversides).doesNotContain(hillcrests, "Hillcrest");
    assertThat(officer.html().select("#prosecution-bars").text()).contains(riversides, hillcrests);

    // the case page says why the case has not moved and who to contact: Riverside is not told the new school
    assertThat(riverside.html().select("#case-stayed").text())
        .contains("The pupil left your school's roll on 20 November 2026", "This case stays with your school",
            "penalty notices or court proceedings are open", "(the school's named attendance officer)")
        .doesNotContain("Hillcrest");
    assertThat(officer.html().select("#case-stayed").text())
        .contains("stays at Riverside Primary School (URN 100001)", "on the roll of Hillcrest Academy (URN 100002)",
            "penalty notices or court proceedings are open", "(the school's named attendance officer)");
    // Hillcrest's list of its cases says the same of its new pupil, whose case it cannot open
    CaseFileClient.Page hillcrest = CaseFileClient.signedIn(port, "school2").get(uk.schoolattendance.casefile.Navigation.SCHOOL);
    assertThat(hillcrest.html().select("#stayed-elsewhere tr[data-upn=" + upn + "]").text())
        .contains("Sam " + CsvFile.surname(upn), "20 November 2026", "(the school's named attendance officer)");
    assertThat(hillcrest.html().select("#open-cases").text()).doesNotContain("Sam " + CsvFile.surname(upn));
    // review N4: not the case's reference, which Hillcrest cannot use
    String reference = (String) runtime.getVariable(attendanceCase.getId(), "caseReference");
    assertThat(hillcrest.html().select("#stayed-elsewhere").text()).doesNotContain(reference);
    assertThat(CaseFileClient.signedIn(port, "school1").get(uk.schoolattendance.casefile.Navigation.SCHOOL).html()
        .select("#stayed-elsewhere tr[data-upn=" + upn + "]")).isEmpty();

    // review 3 M1: Find a pupil tells Hillcrest the case stayed at the school the pupil left and whom to contact,
    // with no "Open a case" (which would be refused) and not the case's reference
    CaseFileClient.Page found = CaseFileClient.signedIn(port, "school2").get("/casework/?q=" + upn);
    assertThat(found.html().select("#register-pupil").text())
        .contains(": case at another school", "Their case stayed at the school they left: contact",
            "(the school's named attendance officer)")
        .doesNotContain("no case", reference);
    assertThat(found.html().select("#open-a-case")).isEmpty();

    // review S3: while the notice is open, the daily step (which moves such a case once they end) leaves it where it is
    java.sql.Date stepDay = jdbc.queryForObject("SELECT last_day FROM att_daily_step WHERE step = ?", java.sql.Date.class,
        MovedPupilCases.STEP);
    java.sql.Timestamp stepRun = jdbc.queryForObject("SELECT last_run FROM att_daily_step WHERE step = ?",
        java.sql.Timestamp.class, MovedPupilCases.STEP);
    java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
    java.sql.Timestamp yesterday = new java.sql.Timestamp(now.getTime() - 24 * 3600 * 1000L);
    try {
      lastRun(yesterday);
      assertThat(movedPupils.runToday().failed()).isEmpty();
      assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");

      // review 3 M2: the notice withdrawn for a material error: every notice has ended, but the case waits at "Decide what
      // follows the withdrawal", from which a corrected notice for Riverside's period may follow: it stays
      ProcessInstance notice = runtime.createProcessInstanceQuery().superProcessInstanceId(attendanceCase.getId()).singleResult();
      for (Job job : management.createJobQuery().processInstanceId(notice.getId()).messages().list()) {
        management.executeJob(job.getId());
      }
      runtime.createMessageCorrelation("PenaltyNoticeWithdrawn").processInstanceBusinessKey(notice.getBusinessKey())
          .setVariable("withdrawalReason", "The offence period was wrong").setVariable("withdrawalGround", "material-error")
          .correlate();
      assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(attendanceCase.getId()).count()).isZero();
      Task decide = tasks.createTaskQuery().processInstanceId(attendanceCase.getId())
          .taskDefinitionKey(AttendanceCase.DECIDE_AFTER_WITHDRAWAL.id()).singleResult();
      assertThat(decide).isNotNull();
      lastRun(yesterday);
      assertThat(movedPupils.runToday()).extracting(MovedPupilCases.Outcome::casesMoved).isEqualTo(0);
      assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");
      assertThat(CaseFileClient.signedIn(port, "school2").get(uk.schoolattendance.casefile.Navigation.SCHOOL).html()
          .select("#stayed-elsewhere tr[data-upn=" + upn + "]")).isNotEmpty();

      // the decision: further support, no corrected notice; the stage has ended
      tasks.complete(decide.getId(), Map.of(AttendanceCase.AFTER_WITHDRAWAL.name(), "further-support",
          AttendanceCase.AFTER_WITHDRAWAL_REASON.name(), "Support first"));
      // review 3 N1: a run that began after the stage ended does not choose it again (no overlap with the run before)
      lastRun(new java.sql.Timestamp(now.getTime() + 1));
      assertThat(movedPupils.runToday()).extracting(MovedPupilCases.Outcome::casesMoved).isEqualTo(0);
      assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");
      // the positive path: the next run after the stage ended moves the case to Hillcrest, and says why
      lastRun(yesterday);
      MovedPupilCases.Outcome moved = movedPupils.runToday();
      assertThat(moved.failed()).isEmpty();
      assertThat(moved.casesMoved()).isEqualTo(1);
      assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100002");
      assertThat(String.valueOf(runtime.getVariable(attendanceCase.getId(), "history")))
          .contains("and its penalty notices and court proceedings have ended: the case follows the pupil");
    } finally {
      jdbc.update("UPDATE att_daily_step SET last_day = ?, last_run = ? WHERE step = ?", stepDay, stepRun, MovedPupilCases.STEP);
    }
  }

  /** As if the daily step last ran the day before today, beginning at {@code began}. */
  private void lastRun(java.sql.Timestamp began) {
    jdbc.update("UPDATE att_daily_step SET last_day = ?, last_run = ? WHERE step = ?", java.sql.Date.valueOf(TODAY.minusDays(1)),
        began, MovedPupilCases.STEP);
  }

  @Test
  void aMoveTheDataTeamSendsWithoutALeavingDateEndsTheOldRegistrationAtItsLastMark() {
    String upn = Upn.of(700_460_000_002L);
    importCsv(rest, "datateam", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 19), (day, session) -> "/").text());
    assertThat(importCsv(rest, "datateam", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-23,AM,/\n")
        .getBody()).containsEntry("rowsRejected", 0);
    assertThat(jdbc.queryForObject("SELECT e.to_date FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE p.upn = ? AND e.school_urn = 100001", java.sql.Date.class, upn))
        .isEqualTo(java.sql.Date.valueOf("2026-11-19"));
    assertThat(register.pupilsAt("100001", TODAY)).doesNotContain(upn);
    assertThat(register.pupilsAt("100002", TODAY)).contains(upn);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE p.upn = ? AND e.registration = 'main' AND e.to_date IS NULL", Integer.class, upn)).isEqualTo(1);
  }

  @Test
  void aLeavingDateStillToComeKeepsThePupilOnTheRoll() {
    String upn = Upn.of(700_460_000_003L);
    importCsv(rest, "school1", "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,leavingDate\n"
        + upn + ",100001,2026-11-24,AM,/,Sam,Leaving,2016-05-01,5,2026-12-18\n");
    assertThat(register.pupilsAt("100001", TODAY)).contains(upn);
    assertThat(get(rest, "school1", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(register.pupilsAt("100001", LocalDate.of(2026, 12, 19))).doesNotContain(upn);
  }

  /**
   * A school with a mid-year leaver and a mid-year joiner: each pupil's figures (possible sessions,
   * attendance, band, the threshold's unauthorised sessions) count only the sessions of their own
   * registration, in the school's data pack and its Targeting Support Meeting's flags as in the figures API.
   */
  @Test
  void aMidYearLeaverAndJoinerCountOnlyTheSessionsOfTheirOwnRegistration() {
    String leaver = Upn.of(700_460_000_005L);
    String joiner = Upn.of(700_460_000_006L);
    SchoolDays riverside = calendars.of(100001);
    LocalDate joined = LocalDate.of(2026, 11, 16);
    LocalDate lastMark = LocalDate.of(2026, 11, 24);
    // the leaver: absent without leave every session from 3 September to the leaving date
    importAndIdentify("school1", new CsvFile().days(leaver, "100001", riverside, LocalDate.of(2026, 9, 3), LEFT,
        (day, session) -> "O").text());
    assertThat(importCsv(rest, "school1", "upn,urn,date,session,code,leavingDate\n"
        + leaver + ",100001," + LEFT + ",PM,O," + LEFT + "\n").getBody()).containsEntry("rowsRejected", 0);
    // the joiner: on the roll from 16 November, present but for two afternoons
    importAndIdentify("school1", new CsvFile().days(joiner, "100001", riverside, joined, lastMark,
        (day, session) -> "PM".equals(session) && (day.getDayOfMonth() == 17 || day.getDayOfMonth() == 19) ? "O" : "/").text());

    int leaverSessions = 2 * schoolDays(riverside, LocalDate.of(2026, 9, 3), LEFT);
    int joinerSessions = 2 * schoolDays(riverside, joined, lastMark);
    Map leaverFigures = get(rest, "officer", "/api/pupils/" + leaver + "/attendance").getBody();
    assertThat(leaverFigures).containsEntry("possibleSessions", leaverSessions).containsEntry("presentSessions", 0);
    Map joinerFigures = get(rest, "school1", "/api/pupils/" + joiner + "/attendance").getBody();
    assertThat(joinerFigures).containsEntry("possibleSessions", joinerSessions)
        .containsEntry("presentSessions", joinerSessions - 2).containsEntry("unauthorisedInLast10SchoolWeeks", 2)
        .containsEntry("band", "persistent");

    // the school's pack: the joiner with the figures of their own weeks only, the leaver not at all
    DataPacks.PupilLine line = dataPacks.of("100001", TODAY).pupilsByBand().stream()
        .filter(p -> p.upn().equals(joiner)).findFirst().orElseThrow();
    assertThat(line.band()).isEqualTo("persistent");
    assertThat(line.unauthorisedInLast10SchoolWeeks()).isEqualTo(2);
    assertThat(line.attendancePercent()).isEqualTo(Figures.rounded(Figures.percent(joinerSessions - 2, joinerSessions)));
    assertThat(pupilsOfPack("100001", TODAY)).doesNotContain(leaver);
    // the meeting's flags (severely absent, no plan): not the leaver, whose registration ended, nor the joiner
    assertThat(register.targetingFlags("100001", "2026-27")).extracting(AttendanceRegister.TargetingFlag::upn)
        .doesNotContain(leaver, joiner);
  }

  private static int schoolDays(SchoolDays days, LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      n += days.isSchoolDay(day) ? 1 : 0;
    }
    return n;
  }

  private List<String> pupilsOfPack(String urn, LocalDate asOf) {
    return dataPacks.of(urn, asOf).pupilsByBand().stream().map(DataPacks.PupilLine::upn).toList();
  }

  /** Whether a member of the school's group finds the case's history (its grant on the instance's history). */
  private boolean readsCase(String user, String group, String caseId) {
    identity.setAuthentication(user, List.of(group, "schools"));
    try {
      return history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count() == 1
          && runtime.createProcessInstanceQuery().processInstanceId(caseId).count() == 1;
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Records, as the compliance team, a head teacher's notice to this parent for this child at this school, then its withdrawal. */
  private String withdrawnHeadTeachersNotice(String upn, String urn, String parentId, String from, String to, String reference) {
    TestRestTemplate compliance = rest.withBasicAuth("compliance", "compliance");
    Map<String, Object> external = new HashMap<>(Map.ofEntries(
        Map.entry("issuedBy", "head-teacher"), Map.entry("issuerName", "the head teacher of school " + urn),
        Map.entry("issuerReference", reference), Map.entry("pupilUpn", upn), Map.entry("pupilName", "Sam Mover"),
        Map.entry("schoolUrn", urn), Map.entry("parentId", parentId), Map.entry("parentName", "Alex Parent"),
        Map.entry("parentAddress", "1 High Street"), Map.entry("noticeReason", "holiday"),
        Map.entry("offenceFrom", from), Map.entry("offenceTo", to), Map.entry("issuedOn", LocalDate.parse(to).plusDays(7).toString()),
        Map.entry("fullAmount", 160.00), Map.entry("reducedAmount", 80.00), Map.entry("paid", false)));
    org.springframework.http.ResponseEntity<Map> recorded = compliance.postForEntity("/api/penalty-notices/external", external, Map.class);
    assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
    String number = (String) recorded.getBody().get("noticeNumber");
    assertThat(compliance.postForEntity("/api/penalty-notices/" + number + "/external-withdrawal", Map.of(
        "withdrawnOn", LocalDate.parse(to).plusDays(14).toString(), "withdrawalGround", "no-offence", "reportedBy", "the head teacher"),
        Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    return number;
  }

  /**
   * Walk 14 #5 after an import: "Attendance updated" gives each open case the figures its own
   * school may read. Of two pupils who moved from Riverside to Hillcrest, the one whose case stayed
   * with Riverside (a penalty notice open) keeps the figures as of the leaving date, never
   * Hillcrest's days; the one whose case followed them to Hillcrest gets today's. A later import of
   * Hillcrest's marks sends the stayed case nothing: its figures did not change for Riverside.
   */
  @Test
  void anImportOfTheNewSchoolsMarksUpdatesEachCaseWithItsOwnSchoolsFigures() {
    String stays = Upn.of(700_460_000_021L);
    String follows = Upn.of(700_460_000_022L);
    importAndIdentify("school1", new CsvFile().days(follows, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LEFT,
        (day, session) -> day.getDayOfMonth() % 3 == 0 ? "/" : "O").text());
    ProcessInstance followed = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseStart(follows, "100001"));
    assertThat(importCsv(rest, "school1", "upn,urn,date,session,code,leavingDate\n"
        + follows + ",100001," + LEFT + ",PM,O," + LEFT + "\n").getBody()).containsEntry("rowsRejected", 0);
    ProcessInstance stayed = stayedWithTheOldSchool(stays); // Hillcrest's import of its first marks, with the move

    String hillcrest = "upn,urn,date,session,code\n";
    for (String upn : List.of(stays, follows)) {
      hillcrest += upn + ",100002,2026-11-24,AM,/\n" + upn + ",100002,2026-11-24,PM,/\n"
          + upn + ",100002,2026-11-25,AM,/\n" + upn + ",100002,2026-11-25,PM,O\n";
    }
    importAndIdentify("school2", hillcrest);

    // the case that stayed: Riverside's figures as of the leaving date, not today's with Hillcrest's days
    Figures atLeaving = register.figures(stays, LEFT).orElseThrow();
    Figures today = register.figures(stays, TODAY).orElseThrow();
    assertThat(today.attendancePercent()).isNotEqualTo(atLeaving.attendancePercent());
    assertThat(runtime.getVariable(stayed.getId(), "schoolUrn")).isEqualTo("100001");
    assertThat(runtime.getVariable(stayed.getId(), "attendancePercent")).isEqualTo(atLeaving.attendancePercent());
    assertThat(runtime.getVariable(stayed.getId(), "unauthorisedSessions"))
        .isEqualTo(atLeaving.unauthorisedInLast10SchoolWeeks());
    // the case that followed its pupil: today's figures, Hillcrest's days counted
    Figures followsToday = register.figures(follows, TODAY).orElseThrow();
    assertThat(runtime.getVariable(followed.getId(), "schoolUrn")).isEqualTo("100002");
    assertThat(runtime.getVariable(followed.getId(), "attendancePercent")).isEqualTo(followsToday.attendancePercent());
    assertThat(runtime.getVariable(followed.getId(), "unauthorisedSessions"))
        .isEqualTo(followsToday.unauthorisedInLast10SchoolWeeks());

    // more of Hillcrest's marks change nothing Riverside may read: the stayed case is sent nothing
    long updates = updatesOf(stayed);
    importAndIdentify("school2", "upn,urn,date,session,code\n" + stays + ",100002,2026-11-23,AM,O\n"
        + follows + ",100002,2026-11-23,AM,O\n");
    assertThat(updatesOf(stayed)).isEqualTo(updates);
    assertThat(updatesOf(followed)).isGreaterThan(0);
    assertThat(runtime.getVariable(stayed.getId(), "attendancePercent")).isEqualTo(atLeaving.attendancePercent());
    assertThat(runtime.getVariable(followed.getId(), "attendancePercent"))
        .isEqualTo(register.figures(follows, TODAY).orElseThrow().attendancePercent())
        .isNotEqualTo(followsToday.attendancePercent());
  }

  /**
   * An import that shows the pupil of an open case at their main school left its roll (a leaving date
   * past, no school to follow) checks the case against the roll as it does another school's case: the
   * case stayed there silently. It is listed for the authority on "Cases that did not follow their
   * pupil" as "Pupil no longer on the roll", and no longer once an import shows the pupil back on it.
   */
  @Test
  void aCaseAtTheMainSchoolOfAPupilWhoLeftItsRollIsListedForTheAuthority() {
    String upn = Upn.of(700_460_000_031L);
    importAndIdentify("school1", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LEFT,
        (day, session) -> day.getDayOfMonth() % 3 == 0 ? "/" : "O").text());
    ProcessInstance attendanceCase = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseStart(upn, "100001"));
    String reference = (String) runtime.getVariable(attendanceCase.getId(), AttendanceCase.CASE_REFERENCE.name());
    CaseFileClient officer = CaseFileClient.signedIn(port, "officer");
    assertThat(officer.get("/casework/failed-moves").html().select("#off-roll tr[data-upn=" + upn + "]")).isEmpty();

    // Riverside sends the pupil's leaving date and no school registers them: the case stays at Riverside
    importAndIdentify("school1", "upn,urn,date,session,code,leavingDate\n" + upn + ",100001," + LEFT + ",PM,O," + LEFT + "\n");
    assertThat(runtime.getVariable(attendanceCase.getId(), AttendanceCase.SCHOOL_URN.name())).isEqualTo("100001");
    CaseFileClient.Page page = officer.get("/casework/failed-moves");
    org.jsoup.nodes.Element row = page.html().selectFirst("#off-roll tr[data-upn=" + upn + "]");
    assertThat(row).as(page.html().select("main").text()).isNotNull();
    assertThat(row.select("a[href=/casework/cases/" + reference + "]").text()).isEqualTo(reference);
    assertThat(row.text()).contains("UPN " + upn, "Riverside Primary School (URN 100001)",
        "Pupil no longer on the roll: left 20 November 2026 (seen in the import of 25 November 2026)");
    assertThat(CaseFileClient.signedIn(port, "school1").get("/casework/failed-moves").status()).isEqualTo(403);

    // a correction that puts the pupil back on the roll: the next import forgets it
    jdbc.update("UPDATE att_enrolment SET to_date = NULL WHERE school_urn = 100001"
        + " AND pupil_id = (SELECT pupil_id FROM att_pupil WHERE upn = ?)", upn);
    importAndIdentify("school1", "upn,urn,date,session,code\n" + upn + ",100001,2026-11-24,AM,/\n");
    assertThat(officer.get("/casework/failed-moves").html().select("#off-roll tr[data-upn=" + upn + "]")).isEmpty();
  }

  private long updatesOf(ProcessInstance attendanceCase) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(attendanceCase.getId())
        .activityId(AttendanceCase.ATTENDANCE_UPDATED_EVENT).count();
  }

  /**
   * The school page's list of new pupils whose case stayed at the school they left reads a fixed
   * number of statements however many pupils it lists: it asked the engine twice a row (the case's
   * notices, then its stage) before.
   */
  @Test
  void theListOfCasesThatStayedElsewhereTakesAFixedNumberOfStatements() {
    stayedWithTheOldSchool(Upn.of(700_460_000_011L));
    int listed = movedPupils.stayedElsewhere("100002").size();
    long one = statements(() -> movedPupils.stayedElsewhere("100002"));
    stayedWithTheOldSchool(Upn.of(700_460_000_012L));
    stayedWithTheOldSchool(Upn.of(700_460_000_013L));
    assertThat(movedPupils.stayedElsewhere("100002")).hasSize(listed + 2);
    long three = statements(() -> movedPupils.stayedElsewhere("100002"));
    assertThat(three).isEqualTo(one);
  }

  private static long statements(Runnable work) {
    return uk.schoolattendance.system.StatementCounter.onThisThread(work).values().stream().mapToLong(Long::longValue).sum();
  }

  /** A pupil of Riverside with a penalty notice open on their case moves to Hillcrest: the case stays. */
  private ProcessInstance stayedWithTheOldSchool(String upn) {
    importAndIdentify("school1", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LEFT,
        (day, session) -> day.getDayOfMonth() % 3 == 0 ? "/" : "O").text());
    Map<String, Object> start = caseStart(upn, "100001");
    start.put(AttendanceCase.ENTRY_LEVEL.name(), 4);
    start.put(AttendanceCase.PUPIL_ADDRESS.name(), "1 High Street");
    ProcessInstance attendanceCase = runtime.startProcessInstanceByKey(AttendanceCase.KEY, start);
    Task meeting = tasks.createTaskQuery().processInstanceId(attendanceCase.getId()).singleResult();
    tasks.complete(meeting.getId(), Map.of(
        "legalRoute", "penalty-notice", "legalRouteReason", "No engagement",
        "noContractReason", "Never tried: the parent would not meet", "noNoticeToImproveReason", "Support was refused at every stage",
        "offenceFrom", "2026-09-14", "offenceTo", "2026-10-09",
        "thresholdEvidenceConfirmed", true, "thresholdEvidenceSessions", 12));
    for (Job job : management.createJobQuery().processInstanceId(attendanceCase.getId()).messages().list()) {
      management.executeJob(job.getId());
    }
    assertThat(importCsv(rest, "school1", "upn,urn,date,session,code,leavingDate\n"
        + upn + ",100001," + LEFT + ",PM,O," + LEFT + "\n").getBody()).containsEntry("rowsRejected", 0);
    importAndIdentify("school2", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-23,AM,/\n"
        + upn + ",100002,2026-11-23,PM,/\n");
    assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100001");
    return attendanceCase;
  }

  private void importAndIdentify(String user, String csv) {
    Map body = importCsv(rest, user, csv).getBody();
    assertThat(body).containsEntry("rowsRejected", 0);
    int importId = (Integer) body.get("importId");
    ProcessInstance identification = runtime.createProcessInstanceQuery()
        .processDefinitionKey(IdentifyAttendanceConcerns.KEY)
        .processInstanceBusinessKey(IdentificationRequests.businessKey(importId)).singleResult();
    for (Job job : management.createJobQuery().processInstanceId(identification.getId()).list()) {
      management.executeJob(job.getId());
    }
  }

  private static Map<String, Object> caseStart(String upn, String urn) {
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", "Sam " + CsvFile.surname(upn)); // the register's name for the UPN
    start.put("pupilDateOfBirth", java.util.Date.from(LocalDate.of(2015, 5, 1).atStartOfDay(RegisterApi.LONDON).toInstant()));
    start.put("schoolUrn", urn);
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]").create());
    return start;
  }
}
