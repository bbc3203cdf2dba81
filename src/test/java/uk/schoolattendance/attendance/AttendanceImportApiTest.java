package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.attendance.RegisterApi.get;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;
import static uk.schoolattendance.attendance.RegisterApi.today;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.Upn;

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

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void today() {
    RegisterApi.today(TODAY);
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
    assertThat(rejections.get(1).get("reason").toString()).contains("not a school day");
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
  void aFileWithoutTheRequiredColumnsIsRefusedNamingThem() {
    ResponseEntity<Map> answer = importCsv(rest, "datateam", "upn,urn,day,code\nA,1,2,3\n");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("field", "header");
    assertThat(answer.getBody().get("rule").toString()).contains("date, session");
  }

  private int marks(String upn) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id WHERE p.upn = ?", Integer.class, upn);
  }
}
