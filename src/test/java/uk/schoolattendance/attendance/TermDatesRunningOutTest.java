package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;
import uk.schoolattendance.schools.TestCalendars;

/**
 * Before the configured term dates run out the data team is told what to configure: from the
 * configured number of weeks before the last school day (the authority's, or a school's own that
 * runs later), and plainly once it has passed.
 */
class TermDatesRunningOutTest {

  static final CalendarProperties SHIPPED = TestCalendars.shipped().properties();

  static RegisterProperties register(Map<String, RegisterProperties.SchoolCalendar> own) {
    return new RegisterProperties(null, null, null, own, 20000, false, Duration.ofMinutes(10), 1000,
        DataSize.ofGigabytes(4), DataSize.ofMegabytes(15), null);
  }

  @Test
  void theAuthoritysLastSchoolDayIsNamedFromTheConfiguredWeeksBeforeIt() {
    TermDatesRunningOut warning = new TermDatesRunningOut(SHIPPED, register(Map.of()), 26);
    // the shipped years end on 21 July 2028; 26 weeks before is 21 January 2028
    assertThat(warning.warnings(LocalDate.of(2028, 1, 20))).isEmpty();
    assertThat(warning.warnings(LocalDate.of(2028, 1, 21))).containsExactly(
        "The last configured school day is 21 July 2028 (the local authority's term dates): add the academic year"
            + " 2028-29 (its terms and holidays) to attendance.calendar.academic-years before then, then POST"
            + " /api/calendar/recalculate-timers so that running timers count by it (docs/analysts.md).");
    assertThat(warning.warnings(LocalDate.of(2028, 9, 1))).singleElement().asString()
        .startsWith("No term dates after 21 July 2028 (the local authority's term dates): school weeks after it"
            + " cannot be counted; add the academic year 2028-29");
    // the weeks are configuration
    assertThat(new TermDatesRunningOut(SHIPPED, register(Map.of()), 4).warnings(LocalDate.of(2028, 1, 21))).isEmpty();
    assertThatThrownBy(() -> new TermDatesRunningOut(SHIPPED, register(Map.of()), -1))
        .hasMessageContaining("attendance.term-dates-warning-weeks");
  }

  @Test
  void aSchoolWhoseOwnTermDatesRunLaterIsWarnedOfByItsOwnKey() {
    AcademicYear later = new AcademicYear("2028-29",
        List.of(new Period(LocalDate.of(2028, 9, 4), LocalDate.of(2029, 7, 20))), List.of());
    TermDatesRunningOut warning = new TermDatesRunningOut(SHIPPED,
        register(Map.of("100002", new RegisterProperties.SchoolCalendar(List.of(later), List.of()))), 26);
    assertThat(warning.warnings(LocalDate.of(2028, 2, 1))).singleElement().asString()
        .contains("21 July 2028 (the local authority's term dates)");
    assertThat(warning.warnings(LocalDate.of(2029, 2, 1))).hasSize(2).last().asString()
        .isEqualTo("The last configured school day is 20 July 2029 (the term dates of school 100002): add the academic"
            + " year 2029-30 (its terms and holidays) to attendance.register.school-calendars.\"[100002]\".academic-years"
            + " before then, then POST /api/calendar/recalculate-timers so that running timers count by it"
            + " (docs/analysts.md).");
  }
}
