package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.attendance.RegisterApi.get;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;
import static uk.schoolattendance.attendance.RegisterApi.today;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.process.Upn;

/**
 * {@code POST /api/attendance/imports} with the CSV layout, on the running application (H2): who
 * may import what, the same file twice, corrections, and each kind of bad row rejected with its
 * row number, field and reason while the good rows are kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings({"rawtypes", "unchecked"})
class AttendanceImportApiTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired JdbcTemplate jdbc;
  @Autowired MarkImporter importer;
  @Autowired javax.sql.DataSource dataSource;

  /** Whatever an import did, each pupil's totals of the year are those counted from the marks. */
  @org.junit.jupiter.api.AfterEach
  void theYearsTotalsAreTheMarksCounted() {
    assertThat(totalsDifferingFromMarks(jdbc, "CAST(YEAR(DATEADD(MONTH, -8, mark_date)) AS SMALLINT)")).isZero();
  }

  static int totalsDifferingFromMarks(JdbcTemplate jdbc, String academicYear) {
    String counted = "SELECT pupil_id, " + academicYear + " AS y,"
        + " SUM(CASE WHEN category <> 'X' THEN 1 ELSE 0 END) AS possible,"
        + " SUM(CASE WHEN category = 'P' THEN 1 ELSE 0 END) AS present,"
        + " SUM(CASE WHEN category = 'A' THEN 1 ELSE 0 END) AS authorised,"
        + " SUM(CASE WHEN category = 'U' THEN 1 ELSE 0 END) AS unauthorised"
        + " FROM att_mark GROUP BY pupil_id, " + academicYear;
    Integer missing = jdbc.queryForObject("SELECT COUNT(*) FROM (" + counted + ") a LEFT JOIN att_pupil_year t"
        + " ON t.pupil_id = a.pupil_id AND t.academic_year = a.y WHERE t.pupil_id IS NULL OR t.possible_sessions <> a.possible"
        + " OR t.present_sessions <> a.present OR t.authorised_absence <> a.authorised"
        + " OR t.unauthorised_absence <> a.unauthorised", Integer.class);
    Integer extra = jdbc.queryForObject("SELECT COUNT(*) FROM att_pupil_year t LEFT JOIN (" + counted + ") a"
        + " ON t.pupil_id = a.pupil_id AND t.academic_year = a.y WHERE a.pupil_id IS NULL", Integer.class);
    return missing + extra;
  }

  @Test
  void theSameFileTwiceChangesNothingAndACorrectionKeepsTheOldValue() {
    String upn = Upn.of(700_100_000_001L);
    CsvFile file = new CsvFile().days(upn, "100001", calendars.of(100001),
        LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13), (day, session) -> "/");

    ResponseEntity<Map> first = importCsv(rest, "datateam", file.text());
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody())
        .containsEntry("rowsRead", 20).containsEntry("rowsAccepted", 20)
        .containsEntry("rowsUnchanged", 0).containsEntry("rowsRejected", 0)
        .containsEntry("state", "completed");
    ResponseEntity<Map> again = importCsv(rest, "datateam", file.text());
    assertThat(again.getBody())
        .containsEntry("rowsRead", 20).containsEntry("rowsAccepted", 0).containsEntry("rowsUnchanged", 20);
    assertThat(marks(upn)).isEqualTo(20);

    ResponseEntity<Map> correction = importCsv(rest, "school1", CsvFile.HEADER + upn + ",100001,2026-11-03,PM,N\n");
    assertThat(correction.getBody()).containsEntry("rowsAccepted", 1).containsEntry("rowsRejected", 0);
    Map<String, Object> change = jdbc.queryForMap(
        "SELECT c.old_code, c.new_code, i.submitted_by FROM att_mark_change c JOIN att_import i ON i.import_id = c.import_id"
            + " JOIN att_pupil p ON p.pupil_id = c.pupil_id WHERE p.upn = ?", upn);
    assertThat(change).containsEntry("OLD_CODE", "/").containsEntry("NEW_CODE", "N").containsEntry("SUBMITTED_BY", "school1");
    assertThat(marks(upn)).isEqualTo(20);
  }

  @Test
  void eachBadRowIsRejectedWithItsRowFieldAndReasonAndTheGoodRowsAreKept() {
    String known = Upn.of(700_100_000_002L);
    String right = Upn.of(700_100_000_003L);
    String wrongLetter = (right.charAt(0) == 'A' ? "B" : "A") + right.substring(1);
    String csv = CsvFile.HEADER
        + known + ",100001,2026-11-02,AM,/,Sam,Known,2015-05-01,6,,\n"          // row 2: good
        + known + ",100001,2026-11-02,PM,Q9\n"                                   // row 3: unknown code
        + known + ",100001,2026-10-27,AM,/\n"                                    // row 4: half term
        + known + ",100001,2026-11-30,AM,/\n"                                    // row 5: the future
        + known + ",999999,2026-11-03,AM,/\n"                                    // row 6: unknown school
        + wrongLetter + ",100001,2026-11-03,AM,/,Sam,Wrong,2015-05-01,6,,\n"    // row 7: check letter
        + Upn.of(700_100_000_004L) + ",100001,2026-11-03,AM,/\n"                 // row 8: new pupil, no names
        + known + ",100001,2026-11-03,XX,/\n"                                    // row 9: session
        + known + ",100001,2026-11-03,AM,I01\n";                                 // row 10: mapped code, good
    ResponseEntity<Map> answer = importCsv(rest, "datateam", csv);
    assertThat(answer.getBody()).containsEntry("rowsRead", 9).containsEntry("rowsAccepted", 2).containsEntry("rowsRejected", 7);
    List<Map<String, Object>> rejections = (List<Map<String, Object>>) answer.getBody().get("rejections");
    assertThat(rejections).extracting(r -> r.get("row") + " " + r.get("field")).containsExactly(
        "3 code", "4 date", "5 date", "6 urn", "7 upn", "8 forename", "9 session");
    assertThat(rejections.get(0).get("reason").toString()).contains("Q9").contains("2024");
    // which kind of day it is, as the school's calendar has it
    assertThat(rejections.get(1).get("reason").toString())
        .isEqualTo("27 October 2026 is not a school day at school 100001: it is half term, 26 to 30 October 2026");
    assertThat(rejections.get(2).get("reason").toString()).contains("future");
    assertThat(rejections.get(3).get("reason").toString()).contains("999999");
    assertThat(rejections.get(4).get("reason").toString()).contains("check letter");
    assertThat(rejections.get(5).get("reason").toString()).contains("first row needs forename");
    assertThat(jdbc.queryForObject("SELECT source_code FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id"
        + " WHERE p.upn = ? AND m.code = 'I'", String.class, known)).isEqualTo("I01");

    ResponseEntity<Map> status = get(rest, "datateam", "/api/attendance/imports/" + answer.getBody().get("importId"));
    assertThat(status.getBody()).containsEntry("rowsRejected", 7).containsEntry("rejectionsTotal", 7);
  }

  @Test
  void aRowWithSeveralFaultsNamesEachOfThemOnOneLineAndTheGoodRowsAreKept() {
    String upn = Upn.of(700_100_000_010L);
    String csv = CsvFile.HEADER
        + upn + ",100001,2026-11-02,AM,/,Sam,Faults,2015-05-01,6,,\n"   // row 2: good
        + upn + ",100001,2026-13-27,XX,N\n"                             // row 3: date and session
        + upn + ",100001,27/11/2026,AM,Q9\n"                            // row 4: date and code
        + upn + ",100001,2026-10-27,PM,Q9\n";                           // row 5: half term and code
    ResponseEntity<Map> answer = importCsv(rest, "school1", csv);
    assertThat(answer.getBody()).containsEntry("rowsRead", 4).containsEntry("rowsAccepted", 1)
        .containsEntry("rowsRejected", 3);
    List<Map<String, Object>> rejections = (List<Map<String, Object>>) answer.getBody().get("rejections");
    assertThat(rejections).extracting(r -> r.get("row") + " " + r.get("field"))
        .containsExactly("3 date, session", "4 date, code", "5 date, code");
    assertThat(rejections.get(0).get("reason").toString())
        .isEqualTo("date: '2026-13-27' is not a date (YYYY-MM-DD); session: 'XX' is not AM or PM");
    assertThat(rejections.get(1).get("reason").toString())
        .startsWith("date: '27/11/2026' is not a date (YYYY-MM-DD); code: 'Q9' is not an attendance code");
    assertThat(rejections.get(2).get("reason").toString())
        .startsWith("date: 27 October 2026 is not a school day at school 100001: it is half term")
        .contains("; code: 'Q9' is not an attendance code");
    assertThat(marks(upn)).isEqualTo(1);
  }

  @Test
  void twoDifferentMarksForOneSessionInOneFileAreRefusedNamingTheFirstRowAndTheGoodRowsAreKept() {
    String upn = Upn.of(700_100_000_009L);
    String csv = CsvFile.HEADER
        + upn + ",100001,2026-11-02,AM,/,Sam,Twice,2015-05-01,6,,\n"   // row 2: good
        + upn + ",100001,2026-11-03,AM,N\n"                             // row 3: good, the first mark of the session
        + upn + ",100001,2026-11-03,AM,/\n"                             // row 4: a different mark for the same session
        + upn + ",100001,2026-11-02,AM,/\n"                             // row 5: the same mark again
        + upn + ",100001,2026-11-03,PM,/\n";                            // row 6: good
    ResponseEntity<Map> answer = importCsv(rest, "datateam", csv);
    assertThat(answer.getBody()).containsEntry("rowsRead", 5).containsEntry("rowsAccepted", 3)
        .containsEntry("rowsRejected", 2);
    List<Map<String, Object>> rejections = (List<Map<String, Object>>) answer.getBody().get("rejections");
    assertThat(rejections).extracting(r -> r.get("row") + " " + r.get("field")).containsExactly("4 code", "5 session");
    assertThat(rejections.get(0).get("reason").toString())
        .startsWith("3 November 2026 AM already has N in row 3 of this file")
        .contains("row 3's N is the one this file sends for it");
    assertThat(rejections.get(1).get("reason").toString())
        .contains("the same mark / in row 2").contains("the row this file sends for it");
    assertThat(jdbc.queryForObject("SELECT m.code FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id"
        + " WHERE p.upn = ? AND m.mark_date = DATE '2026-11-03' AND m.session_no = 0", String.class, upn)).isEqualTo("N");
    assertThat(marks(upn)).isEqualTo(3);
  }

  @Test
  void aSchoolImportsItsOwnUrnOnlyAndOtherRolesAreRefused() {
    String upn = Upn.of(700_100_000_005L);
    String csv = CsvFile.HEADER
        + upn + ",100002,2026-11-04,AM,/,Sam,Other,2015-05-01,6,,\n"
        + upn + ",100001,2026-11-04,AM,/,Sam,Other,2015-05-01,6,,\n";
    ResponseEntity<Map> answer = importCsv(rest, "school1", csv);
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 1).containsEntry("rowsRejected", 1);
    Map<String, Object> rejection = ((List<Map<String, Object>>) answer.getBody().get("rejections")).get(0);
    assertThat(rejection).containsEntry("row", 2).containsEntry("field", "urn");
    assertThat(rejection.get("reason").toString()).contains("100002");

    assertThat(importCsv(rest, "officer", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(importCsv(rest, "manager", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(RegisterApi.post(rest, "datateam", csv, MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    // an import is visible to its sender and the data team, not to another school
    Object id = answer.getBody().get("importId");
    assertThat(get(rest, "school1", "/api/attendance/imports/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(rest, "datateam", "/api/attendance/imports/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(rest, "school2", "/api/attendance/imports/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aRowForAnotherSchoolsPupilIsRefusedNamingBothSchoolsAndGivesThatSchoolNothing() {
    String upn = Upn.of(700_100_000_031L);
    importCsv(rest, "datateam", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 25), (day, session) -> "/").text());
    Map<String, Object> before = get(rest, "datateam", "/api/pupils/" + upn + "/attendance?asOf=2026-11-25").getBody();
    assertThat(before).containsEntry("possibleSessions", 16);

    String newcomer = Upn.of(700_100_000_032L);
    String csv = CsvFile.HEADER
        + upn + ",100002,2026-11-24,AM,O\n" // a session Riverside has a mark for, sent under Hillcrest
        + newcomer + ",100002,2026-11-24,AM,/,Sam,Other,2015-05-01,6,,\n";
    ResponseEntity<Map> answer = importCsv(rest, "datateam", csv);
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 1).containsEntry("rowsRejected", 1);
    Map<String, Object> rejection = ((List<Map<String, Object>>) answer.getBody().get("rejections")).get(0);
    assertThat(rejection).containsEntry("row", 2).containsEntry("field", "urn");
    assertThat(rejection.get("reason").toString())
        .contains("main registration is at Riverside Primary School (100001)")
        .contains("Hillcrest Academy (100002)").contains("registration=dual");

    // one main registration, nothing counted twice, and Hillcrest may not read the pupil
    assertThat(get(rest, "datateam", "/api/pupils/" + upn + "/attendance?asOf=2026-11-25").getBody())
        .isEqualTo(before);
    assertThat(jdbc.queryForList("SELECT e.school_urn FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE p.upn = ?", Integer.class, upn)).containsExactly(100001);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(rest, "school1", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.OK);
    // the same refusal when the other school itself sends the row, telling it nothing of Riverside's
    ResponseEntity<Map> bySchool =
        importCsv(rest, "school2", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-25,PM,/\n");
    assertThat(bySchool.getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 1);
    assertThat(((List<Map<String, Object>>) bySchool.getBody().get("rejections")).get(0))
        .containsEntry("field", "urn")
        .satisfies(r -> assertThat(r.get("reason").toString())
            .contains("pupil " + upn + " cannot be added to your school's roll by an import: ask the data team")
            .doesNotContain("registered at").doesNotContain("another school")
            .doesNotContain("Riverside").doesNotContain("100001").doesNotContain("November"));
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aDualRegisteredPupilsSessionCountsAtOneSchoolOnly() {
    String upn = Upn.of(700_100_000_033L);
    // Riverside expects the pupil at Hillcrest on Friday afternoons: D, not a possible session there
    importCsv(rest, "datateam", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 20), (day, session) -> day.getDayOfWeek().getValue() == 5 && session.equals("PM") ? "D" : "/")
        .text());
    String csv = "upn,urn,date,session,code,registration\n"
        + upn + ",100002,2026-11-20,PM,O,dual\n" // the session Riverside marked D: Hillcrest's to count
        + upn + ",100002,2026-11-19,PM,/,dual\n"; // a session Riverside already counts
    ResponseEntity<Map> answer = importCsv(rest, "datateam", csv);
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 1).containsEntry("rowsRejected", 1);
    Map<String, Object> rejection = ((List<Map<String, Object>>) answer.getBody().get("rejections")).get(0);
    assertThat(rejection).containsEntry("row", 3).containsEntry("field", "session");
    assertThat(rejection.get("reason").toString()).contains("PM session of 19 November 2026")
        .contains("already counted at Riverside Primary School (100001) (code /)");

    Map<String, Object> figures = get(rest, "school1", "/api/pupils/" + upn + "/attendance?asOf=2026-11-20").getBody();
    assertThat(figures).containsEntry("possibleSessions", 10).containsEntry("presentSessions", 9)
        .containsEntry("unauthorisedAbsence", 1);
    // the school the pupil is dual-registered at reads the pupil it registers
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.OK);
    // and, sending a session Riverside counts, is told it is counted elsewhere, not where or with which code
    ResponseEntity<Map> bySchool = importCsv(rest, "school2",
        "upn,urn,date,session,code,registration\n" + upn + ",100002,2026-11-18,AM,/,dual\n");
    assertThat(bySchool.getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 1);
    assertThat(((List<Map<String, Object>>) bySchool.getBody().get("rejections")).get(0))
        .containsEntry("field", "session")
        .satisfies(r -> assertThat(r.get("reason").toString())
            .contains("AM session of 18 November 2026 of pupil " + upn + " is already counted at another school")
            .doesNotContain("Riverside").doesNotContain("100001").doesNotContain("code"));
  }

  @Test
  void aSchoolCannotPutAnotherSchoolsPupilOnItsRollByADualRow() {
    String upn = Upn.of(700_100_000_041L);
    importCsv(rest, "datateam", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 20), (day, session) -> "/").text());
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // D is no possible session, and Riverside has not marked the 23rd yet: only the registration rule can refuse it
    ResponseEntity<Map> answer = importCsv(rest, "school2",
        "upn,urn,date,session,code,registration\n" + upn + ",100002,2026-11-23,AM,D,dual\n");
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 1);
    assertThat(((List<Map<String, Object>>) answer.getBody().get("rejections")).get(0))
        .containsEntry("row", 2).containsEntry("field", "registration")
        .satisfies(r -> assertThat(r.get("reason").toString())
            .contains("pupil " + upn + " cannot be added to your school's roll by an import: ask the data team")
            .doesNotContain("registered at").doesNotContain("another school")
            .doesNotContain("Riverside").doesNotContain("100001").doesNotContain("November"));
    assertThat(jdbc.queryForList("SELECT e.school_urn FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE p.upn = ?", Integer.class, upn)).containsExactly(100001);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // a main row dated before Riverside's registration (an earlier school's history) opens no door either
    assertThat(importCsv(rest, "school2", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-09,AM,/\n")
        .getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 1);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // the data team records the dual registration the schools agreed; then the school sends its own sessions
    assertThat(importCsv(rest, "datateam", "upn,urn,date,session,code,registration\n"
        + upn + ",100002,2026-11-23,AM,D,dual\n").getBody()).containsEntry("rowsAccepted", 1);
    assertThat(importCsv(rest, "school2", "upn,urn,date,session,code,registration\n"
        + upn + ",100002,2026-11-23,PM,D,dual\n").getBody()).containsEntry("rowsAccepted", 1);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theMainSchoolChangesOnlyWithALeavingDateNotWithTheOrderFilesArriveIn() {
    String upn = Upn.of(700_100_000_042L);
    importCsv(rest, "school1", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 20), (day, session) -> "/").text());

    // Riverside's feed for this week has not arrived: a row of Hillcrest's dated after its last mark is no move
    ResponseEntity<Map> early = importCsv(rest, "school2", "upn,urn,date,session,code\n"
        + upn + ",100002,2026-11-24,AM,/\n");
    assertThat(early.getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 1);
    assertThat(((List<Map<String, Object>>) early.getBody().get("rejections")).get(0)).containsEntry("field", "urn");
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, upn))
        .isEqualTo(100001);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // so Riverside's own marks of the week still arrive
    assertThat(importCsv(rest, "school1", "upn,urn,date,session,code\n" + upn + ",100001,2026-11-23,AM,/\n"
        + upn + ",100001,2026-11-23,PM,/\n").getBody()).containsEntry("rowsAccepted", 2).containsEntry("rowsRejected", 0);

    // Riverside sends the pupil's leaving date: now Hillcrest's registration from the next day is a move
    assertThat(importCsv(rest, "school1", "upn,urn,date,session,code,leavingDate\n"
        + upn + ",100001,2026-11-23,PM,/,2026-11-23\n").getBody()).containsEntry("rowsRejected", 0);
    assertThat(jdbc.queryForObject("SELECT e.to_date FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE p.upn = ? AND e.school_urn = 100001", java.sql.Date.class, upn))
        .isEqualTo(java.sql.Date.valueOf("2026-11-23"));
    assertThat(importCsv(rest, "school2", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-24,AM,/\n"
        + upn + ",100002,2026-11-24,PM,O\n").getBody()).containsEntry("rowsAccepted", 2).containsEntry("rowsRejected", 0);
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, upn))
        .isEqualTo(100002);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance?asOf=2026-11-24").getBody())
        .containsEntry("possibleSessions", 14).containsEntry("unauthorisedAbsence", 1);
    // Riverside's mark for a day of Hillcrest's registration is refused, telling it nothing of Hillcrest's
    ResponseEntity<Map> late = importCsv(rest, "school1", "upn,urn,date,session,code\n"
        + upn + ",100001,2026-11-25,AM,/\n");
    assertThat(late.getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 1);
    assertThat(((List<Map<String, Object>>) late.getBody().get("rejections")).get(0).get("reason").toString())
        .contains("cannot be added to your school's roll by an import").doesNotContain("Hillcrest").doesNotContain("100002");
  }

  @Test
  void aCommonTransferFilesLeavingDateEndsTheOldRegistrationOnlyFromTheDataTeamOrThatSchool() {
    String upn = Upn.of(700_100_000_043L);
    importCsv(rest, "school1", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 20), (day, session) -> "/").text());
    String ctf = "<CTfile><Header><SourceSchool><LEA>882</LEA><Estab>2002</Estab><URN>100002</URN></SourceSchool>"
        + "</Header><CTFpupilData><Pupil><UPN>" + upn + "</UPN><Surname>Other</Surname><Forename>Sam</Forename>"
        + "<DOB>2015-05-01</DOB><BasicDetails><NCyearActual>6</NCyearActual><EnrolStatus>C</EnrolStatus></BasicDetails>"
        + "%s<Attendance><YearData><Year>2026</Year><URN>100002</URN><AttendSessions>"
        + "<AttendanceStartDate>2026-11-24</AttendanceStartDate><AttendanceMarks>//</AttendanceMarks>"
        + "</AttendSessions></YearData></Attendance></Pupil></CTFpupilData></CTfile>";
    assertThat(RegisterApi.importCtf(rest, "school2", String.format(ctf, "")).getBody())
        .containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 2);
    String history = String.format(ctf, "<SchoolHistory><School><URN>100001</URN>"
        + "<EntryDate>2022-09-01</EntryDate><LeavingDate>2026-11-20</LeavingDate></School></SchoolHistory>");
    // another school's file is not evidence enough to take the pupil off Riverside's roll
    assertThat(RegisterApi.importCtf(rest, "school2", history).getBody())
        .containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 2);
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, upn))
        .isEqualTo(100001);
    // the data team, who import for every school, may
    assertThat(RegisterApi.importCtf(rest, "datateam", history).getBody())
        .containsEntry("rowsAccepted", 2).containsEntry("rowsRejected", 0);
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, upn))
        .isEqualTo(100002);
  }

  @Test
  void twoImportsAtOnceCheckAPupilOfTwoSchoolsOneAfterTheOther() throws Exception {
    String upn = Upn.of(700_100_000_044L);
    importCsv(rest, "datateam", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 20), (day, session) -> "/").text());
    java.util.concurrent.CompletableFuture<ResponseEntity<Map>> second;
    // another import's transaction holds the pupil (as the registration check of a batch does)
    try (java.sql.Connection first = dataSource.getConnection()) {
      first.setAutoCommit(false);
      try (java.sql.PreparedStatement lock = first.prepareStatement(
          "SELECT pupil_id FROM att_pupil WHERE upn = ? FOR UPDATE")) {
        lock.setString(1, upn);
        lock.executeQuery().close();
      }
      second = java.util.concurrent.CompletableFuture.supplyAsync(() -> importCsv(rest, "datateam",
          "upn,urn,date,session,code,registration\n" + upn + ",100002,2026-11-23,AM,/,dual\n"));
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
          .until(() -> second.isDone() || waitingForALock());
      // the second import reads the pupil's stored marks only once the first one has committed
      assertThat(second).isNotDone();
      first.commit();
    }
    assertThat(second.get(5, java.util.concurrent.TimeUnit.MINUTES).getBody()).containsEntry("rowsAccepted", 1);
  }

  private boolean waitingForALock() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL",
        Integer.class) > 0;
  }

  @Test
  void aPupilWhoMovesSchoolTakesTheFiguresAlongCountedOnce() {
    String upn = Upn.of(700_100_000_034L);
    CsvFile file = new CsvFile()
        .days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 6),
            (day, session) -> "/")
        .days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 13),
            (day, session) -> session.equals("AM") ? "O" : "/");
    assertThat(importCsv(rest, "datateam", file.text()).getBody())
        .containsEntry("rowsAccepted", 20).containsEntry("rowsRejected", 0);
    assertThat(get(rest, "datateam", "/api/pupils/" + upn + "/attendance?asOf=2026-11-13").getBody())
        .containsEntry("possibleSessions", 20).containsEntry("presentSessions", 15).containsEntry("unauthorisedAbsence", 5);
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, upn)).isEqualTo(100002);

    String csv = "upn,urn,date,session,code\n"
        + upn + ",100001,2026-11-06,PM,I\n" // Riverside corrects a day of its own registration
        + upn + ",100001,2026-11-10,AM,/\n"; // a day the pupil is on Hillcrest's roll
    ResponseEntity<Map> answer = importCsv(rest, "datateam", csv);
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 1).containsEntry("rowsRejected", 1);
    Map<String, Object> rejection = ((List<Map<String, Object>>) answer.getBody().get("rejections")).get(0);
    assertThat(rejection).containsEntry("row", 3).containsEntry("field", "urn");
    assertThat(rejection.get("reason").toString()).contains("main registration is at Hillcrest Academy (100002)")
        .contains("from 9 November 2026 to 13 November 2026");
    assertThat(get(rest, "datateam", "/api/pupils/" + upn + "/attendance?asOf=2026-11-13").getBody())
        .containsEntry("possibleSessions", 20).containsEntry("presentSessions", 14).containsEntry("authorisedAbsence", 1);
  }

  @Test
  void aFileSeparatedBySemicolonsIsToldTheLayoutNeedsCommas() {
    ResponseEntity<Map> answer = importCsv(rest, "datateam", "upn;urn;date;session;code\nA;1;2;3;4\n");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("field", "header");
    assertThat(answer.getBody().get("rule").toString())
        .contains("seems to use semicolons (;) between its columns").contains("needs commas");
  }

  @Test
  void namesWithMarkupOrExpressionsAreRejectedAsRows() {
    String csv = CsvFile.HEADER
        + Upn.of(700_100_000_006L) + ",100001,2026-11-04,AM,/,<script>alert(1)</script>,Pupil,2015-05-01,6,,\n"
        + Upn.of(700_100_000_007L) + ",100001,2026-11-04,AM,/,Sam,${7*7},2015-05-01,6,,\n";
    ResponseEntity<Map> answer = importCsv(rest, "datateam", csv);
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 2);
    assertThat((List<Map<String, Object>>) answer.getBody().get("rejections"))
        .extracting(r -> r.get("row") + " " + r.get("field")).containsExactly("2 forename", "3 surname");
  }

  @Test
  void aFileWithoutTheRequiredColumnsIsRefusedNamingThem() {
    ResponseEntity<Map> answer = importCsv(rest, "datateam", "upn,urn,day,code\nA,1,2,3\n");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("field", "header");
    assertThat(answer.getBody().get("rule").toString()).contains("date, session");
  }

  @Test
  void aFileRefusedBeforeItsFirstRowLeavesNoImportInTheList() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM att_import", Integer.class);
    ResponseEntity<Map> noCode = importCsv(rest, "school1", "upn,urn,date,session\nA,100001,2026-11-02,AM\n");
    assertThat(noCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noCode.getBody()).containsEntry("field", "header").doesNotContainKey("importId");
    ResponseEntity<Map> empty = importCsv(rest, "school1", "");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> broken = RegisterApi.importCtf(rest, "school1", "<CTfile><Header>");
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(broken.getBody()).containsEntry("field", "body");
    // a refusal changes nothing: no "failed" import is left in the school's list
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_import", Integer.class)).isEqualTo(before);
    ResponseEntity<List> listed = rest.withBasicAuth("school1", "school1").getForEntity("/api/attendance/imports", List.class);
    assertThat((List<Map<String, Object>>) listed.getBody()).noneMatch(i -> "failed".equals(i.get("state")));
  }

  @Test
  void aFileRefusedPartWayKeepsItsFirstRowsAndTheRefusalNamesTheImport() {
    CsvFile file = new CsvFile();
    for (int n = 0; n < 200; n++) { // more than a batch (attendance.register.batch-size) before the fault
      file.days(Upn.of(700_100_300_000L + n), "100001", calendars.of(100001), LocalDate.of(2026, 9, 3),
          LocalDate.of(2026, 11, 20), (day, session) -> "/");
    }
    String csv = file.text() + Upn.of(700_100_300_000L) + ",100001,2026-11-23,AM" + ",x".repeat(20_000) + "\n";
    ResponseEntity<Map> refused = importCsv(rest, "datateam", csv);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("field", "body").containsKey("importId");
    Object importId = refused.getBody().get("importId");
    ResponseEntity<Map> listed = get(rest, "datateam", "/api/attendance/imports/" + importId);
    assertThat(listed.getBody()).containsEntry("state", "failed");
    Object kept = listed.getBody().get("rowsAccepted");
    // every good row before the fault is kept, not only the batches already written
    assertThat((Integer) kept).isEqualTo(file.rows());
    assertThat(refused.getBody().get("rule").toString())
        .contains("the file is not well-formed CSV").contains("import " + importId + " keeps the " + kept + " rows");
  }

  @Test
  void aCommonTransferFileBringsMarksPupilsAndContactsButNeverASecondMainRegistration() throws Exception {
    String ctf = new String(getClass().getResourceAsStream("/register/ctf-riverside-2026-11-20.xml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    ResponseEntity<Map> answer = RegisterApi.importCtf(rest, "school1", ctf);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody())
        .containsEntry("format", "ctf")
        .containsEntry("rowsRead", 332)
        .containsEntry("rowsAccepted", 302)
        .containsEntry("rowsRejected", 30);
    List<Map<String, Object>> rejections = (List<Map<String, Object>>) answer.getBody().get("rejections");
    assertThat(rejections).extracting(r -> r.get("row") + "+" + r.get("rows") + " " + r.get("field"))
        .containsExactly("209+20 urn", "323+10 upn");
    assertThat(rejections.get(0).get("reason").toString()).contains("LEA 881").contains("Estab 3005")
        .contains("the attendance of the academic year 2025-26 for pupil Z700300000003");

    Map<String, Object> pupil = jdbc.queryForMap(
        "SELECT forename, surname, year_group, sen_provision, free_school_meals, address FROM att_pupil WHERE upn = ?",
        "W700300000001");
    assertThat(pupil).containsEntry("FORENAME", "Amara").containsEntry("YEAR_GROUP", "5")
        .containsEntry("SEN_PROVISION", "K").containsEntry("FREE_SCHOOL_MEALS", true)
        .containsEntry("ADDRESS", "3 Church Lane, Southend-on-Sea, SS1 2BB");
    assertThat(jdbc.queryForList(
        "SELECT c.name, c.relationship, c.parental_responsibility, c.address FROM att_contact c"
            + " JOIN att_pupil p ON p.pupil_id = c.pupil_id WHERE p.upn = ? ORDER BY c.contact_order", "K700300000002"))
        .extracting(c -> c.get("NAME") + " | " + c.get("RELATIONSHIP") + " | " + c.get("ADDRESS"))
        .containsExactly(
            "Mrs Jo Bloggs | mother | 14 Station Road, Southend-on-Sea, SS1 1AA",
            "Mr Chris Bloggs | father | 22 Mill Lane, Southend-on-Sea, SS2 6XY");
    Map figures = get(rest, "school1", "/api/pupils/K700300000002/attendance?asOf=2026-11-20").getBody();
    assertThat(figures)
        .containsEntry("possibleSessions", 104)
        .containsEntry("unauthorisedAbsence", 12)
        .containsEntry("thresholdMetOn", "2026-10-16")
        .containsEntry("thresholdWindowFrom", "2026-07-06");
    assertThat(get(rest, "school1", "/api/pupils/W700300000001/attendance?asOf=2026-11-20").getBody())
        .containsEntry("presentSessions", 103).containsEntry("authorisedAbsence", 1);
    assertThat(marks("Z700300000003")).isEqualTo(94);

    assertThat(RegisterApi.importCtf(rest, "school1", ctf).getBody())
        .containsEntry("rowsAccepted", 0).containsEntry("rowsUnchanged", 302);
    // the same pupils and marks, sent as Hillcrest's own (single registration, EnrolStatus C)
    ResponseEntity<Map> asHillcrest =
        RegisterApi.importCtf(rest, "datateam", ctf.replace("<URN>100001</URN>", "<URN>100002</URN>"));
    assertThat(asHillcrest.getBody()).containsEntry("rowsAccepted", 0);
    assertThat((List<Map<String, Object>>) asHillcrest.getBody().get("rejections"))
        .anySatisfy(r -> assertThat(r.get("reason").toString())
            .contains("pupil W700300000001's main registration is at Riverside Primary School (100001)"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
        + " WHERE e.school_urn = 100002 AND p.upn IN ('W700300000001', 'K700300000002', 'Z700300000003')", Integer.class))
        .isZero();
    assertThat(get(rest, "school2", "/api/pupils/W700300000001/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(RegisterApi.importCtf(rest, "datateam", "<CTfile><Header>").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(RegisterApi.importCtf(rest, "datateam", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CTfile>&e;</CTfile>")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aSecondMarkForASessionIsRefusedInWordsThatStayTrueWhenTheFirstRowIsRefusedToo() {
    String upn = Upn.of(700_100_000_019L);
    String csv = CsvFile.HEADER
        + upn + ",100001,2026-11-03,AM,N\n"   // row 2: a pupil new to the register with no names: refused later
        + upn + ",100001,2026-11-03,AM,/\n";  // row 3: a different mark for the same session
    ResponseEntity<Map> answer = importCsv(rest, "datateam", csv);
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 0).containsEntry("rowsRejected", 2);
    List<Map<String, Object>> rejections = (List<Map<String, Object>>) answer.getBody().get("rejections");
    assertThat(rejections).extracting(r -> r.get("row") + " " + r.get("field")).containsExactlyInAnyOrder("2 forename", "3 code");
    // row 2 is refused after row 3 was checked against it: row 3's words must not promise row 2's N is kept
    assertThat(rejections).filteredOn(r -> Integer.valueOf(3).equals(r.get("row"))).singleElement()
        .satisfies(r -> assertThat(r.get("reason").toString())
            .contains("row 2's N is the one this file sends for it").doesNotContain("stays").doesNotContain("imported once"));
    assertThat(marks(upn)).isZero();
  }

  @Test
  void aCommonTransferFileSendingOneSessionTwiceWithDifferentMarksIsRefusedNamingTheFirstRow() throws Exception {
    String ctf = new String(getClass().getResourceAsStream("/register/ctf-riverside-2026-11-20.xml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8)
        // pupils of their own, so that the file's other test finds its pupils new
        .replace("W700300000001", Upn.of(700_300_000_901L)).replace("Z700300000003", Upn.of(700_300_000_903L))
        .replace("K700300000002", Upn.of(700_300_000_902L));
    String k = Upn.of(700_300_000_902L);
    // K700300000002's year sent again after it, starting on the same day: 3 September N and \\
    int at = ctf.indexOf("</YearData>", ctf.indexOf("<UPN>" + k + "</UPN>")) + "</YearData>".length();
    String twice = ctf.substring(0, at) + "<YearData><Year>2026</Year><LEA>882</LEA><Estab>2001</Estab>"
        + "<AttendSessions><AttendanceStartDate>2026-09-03</AttendanceStartDate><AttendanceMarks>N\\</AttendanceMarks>"
        + "</AttendSessions></YearData>" + ctf.substring(at);
    ResponseEntity<Map> answer = RegisterApi.importCtf(rest, "school1", twice);
    assertThat(answer.getBody()).containsEntry("rowsRead", 334).containsEntry("rowsAccepted", 302)
        .containsEntry("rowsRejected", 32);
    List<Map<String, Object>> rejections = (List<Map<String, Object>>) answer.getBody().get("rejections");
    assertThat(rejections).anySatisfy(r -> assertThat(r.get("reason").toString())
        .matches("3 September 2026 AM already has / in row \\d+ of this file.*"));
    assertThat(rejections).anySatisfy(r -> assertThat(r.get("reason").toString())
        .containsPattern("the same mark \\\\ in row \\d+, the row this file sends for it"));
    assertThat(get(rest, "school1", "/api/pupils/" + k + "/attendance?asOf=2026-11-20").getBody())
        .containsEntry("unauthorisedAbsence", 12);
  }

  @Test
  void aFileCutOffMidwayKeepsItsCommittedBatchesAndImportingItAgainDoublesNothing() {
    CsvFile file = new CsvFile();
    for (int n = 0; n < 400; n++) { // about 45,000 rows: more than two batches
      file.days(Upn.of(700_100_100_000L + n), "100001", calendars.of(100001), LocalDate.of(2026, 9, 3),
          LocalDate.of(2026, 11, 20), (day, session) -> day.getDayOfMonth() == 9 ? "N" : "/");
    }
    byte[] bytes = file.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.InputStream cut = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
      int read;

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (read > bytes.length * 0.9) {
          throw new java.io.IOException("connection reset by peer");
        }
        int n = super.read(b, off, Math.min(len, 4096));
        read += Math.max(n, 0);
        return n;
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importFile(MarkImporter.Format.CSV, cut,
            (long) bytes.length, "datateam", urn -> true, TODAY))
        .isInstanceOf(java.io.UncheckedIOException.class);
    Map<String, Object> failed = jdbc.queryForMap(
        "SELECT state, rows_accepted, failure FROM att_import WHERE import_id = (SELECT MAX(import_id) FROM att_import)");
    assertThat(failed.get("STATE")).isEqualTo("failed");
    assertThat((Integer) failed.get("ROWS_ACCEPTED")).isPositive().isLessThan(file.rows());
    assertThat(failed.get("FAILURE").toString()).contains("import it again");

    ResponseEntity<Map> again = importCsv(rest, "datateam", file.text());
    assertThat(again.getBody()).containsEntry("rowsRead", file.rows()).containsEntry("rowsRejected", 0);
    assertThat((Integer) again.getBody().get("rowsUnchanged")).isEqualTo(failed.get("ROWS_ACCEPTED"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id"
        + " WHERE p.upn LIKE '%7001001%'", Integer.class)).isEqualTo(file.rows());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_mark_change c JOIN att_pupil p ON p.pupil_id = c.pupil_id"
        + " WHERE p.upn LIKE '%7001001%'", Integer.class)).isZero();
  }

  @Test
  void aFileThatStopsArrivingBeforeItsFirstBatchIsWrittenStaysListedAsFailed() {
    CsvFile file = new CsvFile();
    file.days(Upn.of(700_100_400_000L), "100001", calendars.of(100001), LocalDate.of(2026, 9, 3),
        LocalDate.of(2026, 11, 20), (day, session) -> "/");
    byte[] bytes = file.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.InputStream cut = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
      int read;

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (read > bytes.length / 2) {
          throw new java.io.IOException("connection reset by peer");
        }
        int n = super.read(b, off, Math.min(len, 512));
        read += Math.max(n, 0);
        return n;
      }
    };
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM att_import", Integer.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importFile(MarkImporter.Format.CSV, cut,
            (long) bytes.length, "datateam", urn -> true, TODAY))
        .isInstanceOf(java.io.UncheckedIOException.class);
    // not the sender's bad input: the import is listed as failed and says to send the file again
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_import", Integer.class)).isEqualTo(before + 1);
    Map<String, Object> failed = jdbc.queryForMap(
        "SELECT state, rows_accepted, failure FROM att_import WHERE import_id = (SELECT MAX(import_id) FROM att_import)");
    assertThat(failed.get("STATE")).isEqualTo("failed");
    assertThat(failed.get("FAILURE").toString()).contains("the file stopped arriving").contains("import it again");
  }

  @Test
  void aLargeImportShowsItsProgressWhileItRuns() throws Exception {
    CsvFile file = new CsvFile();
    for (int n = 0; n < 250; n++) { // about 28,000 rows: the first batch is written while the rest waits
      file.days(Upn.of(700_100_200_000L + n), "100001", calendars.of(100001), LocalDate.of(2026, 9, 3),
          LocalDate.of(2026, 11, 20), (day, session) -> "/");
    }
    byte[] bytes = file.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.io.InputStream slow = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
      int read;

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (read > bytes.length * 0.9) {
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
        }
        int n = super.read(b, off, Math.min(len, 8192));
        read += Math.max(n, 0);
        return n;
      }
    };
    java.util.concurrent.CompletableFuture<Integer> running = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> importer.importFile(MarkImporter.Format.CSV, slow, (long) bytes.length, "datateam", urn -> true, TODAY));
    try {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10)).untilAsserted(() -> {
        Map latest = rest.withBasicAuth("datateam", "datateam")
            .getForObject("/api/attendance/imports?limit=1", Map[].class)[0];
        assertThat(latest).containsEntry("state", "running");
        assertThat((Integer) latest.get("rowsRead")).isGreaterThanOrEqualTo(20_000);
        assertThat((Integer) ((Map) latest.get("progress")).get("percent")).isBetween(1, 99);
      });
    } finally {
      release.countDown();
    }
    int importId = running.get(10, java.util.concurrent.TimeUnit.MINUTES);
    assertThat(get(rest, "datateam", "/api/attendance/imports/" + importId).getBody())
        .containsEntry("state", "completed").containsEntry("rowsRead", file.rows());
  }

  private int marks(String upn) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id WHERE p.upn = ?", Integer.class, upn);
  }
}
