package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import uk.schoolattendance.improvement.ImprovementPeriod;
import uk.schoolattendance.schools.CalendarNotConfigured;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;
import uk.schoolattendance.schools.SchoolCalendar;
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
  void theAuthorityIsWarnedFromTheConfiguredWeeksBeforeTheLastDayACaseCanStartItsLongestPeriod() {
    TermDatesRunningOut warning = new TermDatesRunningOut(SHIPPED, register(Map.of()), 26);
    // The shipped years end on Friday 21 July 2028. A Notice to Improve issued on Wednesday 7 June
    // is received on Friday 9 June and its 6 school weeks end in the last term's last week; one
    // issued a day later would need a school week after it. 26 weeks before 7 June is 8 December 2027.
    assertThat(warning.warnings(LocalDate.of(2027, 12, 7))).isEmpty();
    assertThat(warning.warnings(LocalDate.of(2027, 12, 8))).containsExactly(
        "The last configured school day is 21 July 2028 (the local authority's term dates): a review or a Notice to"
            + " Improve period (up to 6 school weeks) started after 7 June 2028 runs past it and is refused; add the"
            + " academic year 2028-29 (its terms and holidays) to attendance.calendar.academic-years by 7 June 2028,"
            + " then POST /api/calendar/recalculate-timers so that running timers count by it (docs/analysts.md).");
    assertThat(warning.warnings(LocalDate.of(2028, 6, 8))).singleElement().asString()
        .startsWith("The last configured school day is 21 July 2028 (the local authority's term dates): since"
            + " 8 June 2028 a review or a Notice to Improve period (up to 6 school weeks) runs past it and is refused;"
            + " add the academic year 2028-29");
    assertThat(warning.warnings(LocalDate.of(2028, 9, 1))).singleElement().asString()
        .startsWith("No term dates after 21 July 2028 (the local authority's term dates): school weeks after it"
            + " cannot be counted; add the academic year 2028-29");
    // the weeks are configuration
    assertThat(new TermDatesRunningOut(SHIPPED, register(Map.of()), 4).warnings(LocalDate.of(2028, 5, 9))).isEmpty();
    assertThat(new TermDatesRunningOut(SHIPPED, register(Map.of()), 4).warnings(LocalDate.of(2028, 5, 10))).hasSize(1);
    assertThatThrownBy(() -> new TermDatesRunningOut(SHIPPED, register(Map.of()), -1))
        .hasMessageContaining("attendance.term-dates-warning-weeks");
  }

  @Test
  void theDayNamedIsTheLastOnWhichTheCasesPeriodsCanStillBeCounted() {
    SchoolCalendar calendar = new SchoolCalendar(SHIPPED);
    ImprovementPeriod period = new ImprovementPeriod(calendar, null, null) {
      @Override
      public LocalDate receivedOn(LocalDate issuedOn) {
        return calendar.addWorkingDays(issuedOn, 2);
      }
    };
    // a Notice to Improve issued on the day named is counted; one issued the next day is refused (503)
    assertThat(period.of(LocalDate.of(2028, 6, 7), 6).lastDay()).isEqualTo(LocalDate.of(2028, 7, 20));
    assertThatThrownBy(() -> period.of(LocalDate.of(2028, 6, 8), 6)).isInstanceOf(CalendarNotConfigured.class);
    // reviews (4 school weeks) and a longer configured review period move the day
    TermDatesRunningOut longReviews = new TermDatesRunningOut(SHIPPED, register(Map.of()), 0, 8, 4, 6, 2);
    assertThat(longReviews.warnings(LocalDate.of(2028, 5, 19))).singleElement().asString()
        .contains("(up to 8 school weeks) started after 19 May 2028");
    assertThatThrownBy(() -> calendar.addSchoolWeeks(LocalDate.of(2028, 5, 20), 8))
        .isInstanceOf(CalendarNotConfigured.class);
    calendar.addSchoolWeeks(LocalDate.of(2028, 5, 19), 8);
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
