package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.attendance.RegisterApi.get;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.process.Upn;

/**
 * The figures from marks at the rules' edges (shared/domain/attendance-codes.md, domain notes §3):
 * what counts as present, authorised and unauthorised; the national threshold's window of school
 * weeks across half-term, the summer holiday and one school's own term dates and INSET days; a
 * correction that un-meets the threshold. On the running application, through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class AttendanceFiguresTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;

  @Test
  void illnessAndLateNeverCountAsUnauthorisedLateAfterTheRegisterClosedAlwaysDoes() {
    String upn = Upn.of(700_200_000_001L);
    CsvFile file = new CsvFile()
        .mark(upn, "100001", LocalDate.of(2026, 11, 2), "AM", "/")
        .mark(upn, "100001", LocalDate.of(2026, 11, 2), "PM", "\\")
        .mark(upn, "100001", LocalDate.of(2026, 11, 3), "AM", "L")
        .mark(upn, "100001", LocalDate.of(2026, 11, 3), "PM", "I")
        .mark(upn, "100001", LocalDate.of(2026, 11, 4), "AM", "I")
        .mark(upn, "100001", LocalDate.of(2026, 11, 4), "PM", "U")
        .mark(upn, "100001", LocalDate.of(2026, 11, 5), "AM", "G")
        .mark(upn, "100001", LocalDate.of(2026, 11, 5), "PM", "X")
        .mark(upn, "100001", LocalDate.of(2026, 11, 6), "AM", "Y2")
        .mark(upn, "100001", LocalDate.of(2026, 11, 6), "PM", "#");
    assertThat(importCsv(rest, "datateam", file.text()).getBody()).containsEntry("rowsAccepted", 10);

    Map figures = figures("officer", upn, "2026-11-06");
    assertThat(figures)
        .containsEntry("upn", upn)
        .containsEntry("asOf", "2026-11-06")
        .containsEntry("academicYear", "2026-27")
        .containsEntry("possibleSessions", 7)
        .containsEntry("presentSessions", 3)
        .containsEntry("authorisedAbsence", 2)
        .containsEntry("unauthorisedAbsence", 2)
        .containsEntry("attendancePercent", 42.9)
        .containsEntry("band", "severe")
        .containsEntry("unauthorisedInLast10SchoolWeeks", 2)
        .containsEntry("thresholdMetOn", null);
    assertThat(figures.keySet()).containsExactly("upn", "asOf", "academicYear", "possibleSessions", "presentSessions",
        "authorisedAbsence", "unauthorisedAbsence", "attendancePercent", "band", "unauthorisedInLast10SchoolWeeks",
        "thresholdMetOn", "thresholdWindowFrom", "thresholdWindowTo");
    // as of an earlier day, only the marks up to it
    assertThat(figures("officer", upn, "2026-11-03")).containsEntry("possibleSessions", 4).containsEntry("presentSessions", 3);
  }

  @Test
  void theWindowCountsSchoolWeeksSoHalfTermIsNotAWeek() {
    // LA calendar: October half term 26-30 October 2026. One unauthorised session each Monday from
    // 14 September to 23 November: ten sessions in ten school weeks, eleven calendar weeks.
    String upn = Upn.of(700_200_000_002L);
    CsvFile file = new CsvFile();
    for (LocalDate monday : mondays(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 11, 23))) {
      file.mark(upn, "100001", monday, "AM", "O");
    }
    assertThat(importCsv(rest, "datateam", file.text()).getBody()).containsEntry("rowsAccepted", 10);
    assertThat(figures("officer", upn, "2026-11-25"))
        .containsEntry("unauthorisedInLast10SchoolWeeks", 10)
        .containsEntry("thresholdMetOn", "2026-11-23")
        .containsEntry("thresholdWindowFrom", "2026-09-14")
        .containsEntry("thresholdWindowTo", "2026-11-23");

    // the same ten sessions a week earlier span eleven school weeks: not met
    String earlier = Upn.of(700_200_000_003L);
    CsvFile late = new CsvFile();
    for (LocalDate monday : mondays(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 23))) {
      if (!monday.equals(LocalDate.of(2026, 9, 14))) {
        late.mark(earlier, "100001", monday, "AM", "O");
      }
    }
    importCsv(rest, "datateam", late.text());
    assertThat(figures("officer", earlier, "2026-11-25"))
        .containsEntry("unauthorisedInLast10SchoolWeeks", 9)
        .containsEntry("thresholdMetOn", null);
  }

  @Test
  void theWindowReachesBackOverTheSummerHolidayIntoTheLastAcademicYear() {
    String upn = Upn.of(700_200_000_004L);
    CsvFile file = new CsvFile()
        .days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 15),
            (day, session) -> "AM".equals(session) || day.getDayOfMonth() == 13 ? "G" : "/")
        .days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11),
            (day, session) -> "PM".equals(session) ? "N" : "/");
    assertThat(importCsv(rest, "datateam", file.text()).getBody()).containsEntry("rowsRejected", 0);
    // 4 sessions in July (13 AM and PM, 14 AM, 15 AM), then one each afternoon from 7 September:
    // the 10th on Friday 11 September; the window's first week is the week of 1 June 2026.
    Map figures = figures("officer", upn, "2026-09-11");
    assertThat(figures)
        .containsEntry("academicYear", "2026-27")
        .containsEntry("unauthorisedAbsence", 5)
        .containsEntry("unauthorisedInLast10SchoolWeeks", 9)
        .containsEntry("thresholdMetOn", null);
    String upn2 = Upn.of(700_200_000_005L);
    importCsv(rest, "datateam", new CsvFile()
        .days(upn2, "100001", calendars.of(100001), LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 15),
            (day, session) -> "G")
        .days(upn2, "100001", calendars.of(100001), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11),
            (day, session) -> "PM".equals(session) ? "N" : "/").text());
    assertThat(figures("officer", upn2, "2026-09-11"))
        .containsEntry("unauthorisedAbsence", 5)
        .containsEntry("unauthorisedInLast10SchoolWeeks", 11)
        .containsEntry("thresholdMetOn", "2026-09-10")
        .containsEntry("thresholdWindowFrom", "2026-06-01")
        .containsEntry("thresholdWindowTo", "2026-09-10");
  }

  @Test
  void anAcademyCountsItsOwnTermDatesAndInsetDays() {
    // Hillcrest Academy (100002): October half term 19-23 October, INSET day 27 November 2026.
    String upn = Upn.of(700_200_000_006L);
    CsvFile file = new CsvFile();
    for (LocalDate monday : mondays(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 11, 23))) {
      if (!monday.equals(LocalDate.of(2026, 10, 19))) {
        file.mark(upn, "100002", monday.plusDays(1), "PM", "N");
      }
    }
    file.mark(upn, "100002", LocalDate.of(2026, 10, 20), "AM", "/");
    ResponseEntity<Map> answer = importCsv(rest, "school2", file.text());
    assertThat(answer.getBody()).containsEntry("rowsAccepted", 10).containsEntry("rowsRejected", 1);
    assertThat(((List<Map>) answer.getBody().get("rejections")).get(0)).containsEntry("field", "date");
    assertThat(figures("school2", upn, "2026-11-24"))
        .containsEntry("thresholdMetOn", "2026-11-24")
        .containsEntry("thresholdWindowFrom", "2026-09-14");
    // the academy's INSET day is not a school day there, and is one at a school on the LA's calendar
    RegisterApi.today(LocalDate.of(2026, 11, 27));
    String inset = CsvFile.HEADER + upn + ",100002,2026-11-27,AM,/\n";
    assertThat(importCsv(rest, "datateam", inset).getBody()).containsEntry("rowsRejected", 1);
    String other = Upn.of(700_200_000_007L);
    assertThat(importCsv(rest, "datateam", new CsvFile().mark(other, "100001", LocalDate.of(2026, 11, 27), "AM", "/").text())
        .getBody()).containsEntry("rowsAccepted", 1);
  }

  @Test
  void aCorrectionThatUnmeetsTheThresholdTakesTheDateAway() {
    String upn = Upn.of(700_200_000_008L);
    CsvFile file = new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 11, 2),
        LocalDate.of(2026, 11, 13), (day, session) -> day.getDayOfMonth() <= 6 ? "N" : "/");
    importCsv(rest, "datateam", file.text());
    assertThat(figures("officer", upn, "2026-11-13")).containsEntry("thresholdMetOn", "2026-11-06");
    importCsv(rest, "school1", CsvFile.HEADER + upn + ",100001,2026-11-02,AM,M\n");
    assertThat(figures("officer", upn, "2026-11-13"))
        .containsEntry("unauthorisedInLast10SchoolWeeks", 9)
        .containsEntry("authorisedAbsence", 1)
        .containsEntry("thresholdMetOn", null)
        .containsEntry("thresholdWindowFrom", null);
  }

  @Test
  void aPupilIsReadThroughTheSchoolsWhereEnrolledOtherwiseNotFound() {
    String upn = Upn.of(700_200_000_009L);
    importCsv(rest, "datateam", new CsvFile().mark(upn, "100001", LocalDate.of(2026, 11, 2), "AM", "/").text());
    assertThat(get(rest, "school1", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(rest, "manager", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(rest, "school2", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(rest, "analyst", "/api/pupils/" + upn + "/attendance").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(rest, "officer", "/api/pupils/" + Upn.of(700_299_999_999L) + "/attendance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(rest, "officer", "/api/pupils/" + upn + "/attendance?asOf=yesterday").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private Map figures(String user, String upn, String asOf) {
    ResponseEntity<Map> answer = get(rest, user, "/api/pupils/" + upn + "/attendance?asOf=" + asOf);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static List<LocalDate> mondays(LocalDate from, LocalDate to) {
    return from.datesUntil(to.plusDays(1), java.time.Period.ofWeeks(1)).toList();
  }
}
