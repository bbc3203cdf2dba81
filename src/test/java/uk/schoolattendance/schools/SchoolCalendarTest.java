package uk.schoolattendance.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {

  /** The calendar as the application ships it. */
  static SchoolCalendar shippedCalendar() {
    return TestCalendars.shipped();
  }

  private final SchoolCalendar calendar = shippedCalendar();

  @Test
  void aFourWeekReviewSkipsTheOctoberHalfTerm() {
    // Meeting on Wednesday 15 October 2025; half term is 27–31 October.
    LocalDate due = calendar.addSchoolWeeks(LocalDate.of(2025, 10, 15), 4);
    // 20 Oct (1), [27 Oct half term], 3 Nov (2), 10 Nov (3), 17 Nov (4)
    assertThat(due).isEqualTo(LocalDate.of(2025, 11, 19));
  }

  @Test
  void aReviewNeverFallsInAHoliday() {
    LocalDate from = LocalDate.of(2025, 9, 3);
    for (int i = 0; i < 600; i++) {
      LocalDate start = from.plusDays(i);
      LocalDate due = calendar.addSchoolWeeks(start, 4);
      assertThat(calendar.isSchoolDay(due)).as("4 school weeks after %s is %s", start, due).isTrue();
    }
  }

  @Test
  void sixSchoolWeeksAcrossChristmas() {
    // Notice to Improve issued Monday 1 December 2025; Christmas holiday 20 Dec – 4 Jan.
    LocalDate end = calendar.addSchoolWeeks(LocalDate.of(2025, 12, 1), 6);
    // 8 Dec (1), 15 Dec (2), [22, 29 Dec], 5 Jan (3), 12 Jan (4), 19 Jan (5), 26 Jan (6)
    assertThat(end).isEqualTo(LocalDate.of(2026, 1, 26));
    assertThat(calendar.schoolWeeksBetween(LocalDate.of(2025, 12, 1), end)).isEqualTo(6);
  }

  @Test
  void aPeriodOfSixSchoolWeeksEndsOnTheLastSchoolDayOfTheSixthWeekNotOnTheMondayOfASeventh() {
    // issued Sunday 29 November 2026 (the demo's today): the timer fires Monday 25 January 2027,
    // the first school day of the 7th week; the period itself ends on Friday 22 January
    assertThat(calendar.addSchoolWeeks(LocalDate.of(2026, 11, 29), 6)).isEqualTo(LocalDate.of(2027, 1, 25));
    assertThat(calendar.lastSchoolDayOf(LocalDate.of(2026, 11, 29), 6)).isEqualTo(LocalDate.of(2027, 1, 22));
    // issued Monday 1 December 2025: 1, 8, 15 Dec, [Christmas], 5, 12, 19 Jan: ends Friday 23 January
    assertThat(calendar.lastSchoolDayOf(LocalDate.of(2025, 12, 1), 6)).isEqualTo(LocalDate.of(2026, 1, 23));
    // issued on a Wednesday: six whole weeks end on the Tuesday
    assertThat(calendar.lastSchoolDayOf(LocalDate.of(2025, 12, 3), 6)).isEqualTo(LocalDate.of(2026, 1, 27));
    for (int i = 0; i < 400; i++) {
      LocalDate from = LocalDate.of(2025, 9, 3).plusDays(i);
      LocalDate last = calendar.lastSchoolDayOf(from, 6);
      assertThat(calendar.isSchoolDay(last)).as("the period from %s ends on %s", from, last).isTrue();
      assertThat(last).isBefore(calendar.addSchoolWeeks(from, 6));
      assertThat(calendar.schoolWeeksBetween(from, last)).as("the period from %s ends on %s", from, last).isLessThanOrEqualTo(6);
    }
  }

  @Test
  void halfTermAndBankHolidaysAreNotSchoolDays() {
    assertThat(calendar.isSchoolDay(LocalDate.of(2025, 10, 28))).isFalse();
    assertThat(calendar.isSchoolDay(LocalDate.of(2026, 5, 4))).isFalse(); // early May bank holiday
    assertThat(calendar.isSchoolDay(LocalDate.of(2026, 5, 5))).isTrue();
    assertThat(calendar.isSchoolDay(LocalDate.of(2026, 8, 10))).isFalse(); // summer holiday
    assertThat(calendar.isSchoolWeek(LocalDate.of(2026, 2, 18))).isFalse();
    assertThat(calendar.isSchoolWeek(LocalDate.of(2026, 4, 6))).isFalse(); // Easter Monday week, no term
  }

  @Test
  void deemedReceiptSkipsWeekendsAndBankHolidays() {
    // Posted Thursday 24 December 2026: 25 and 28 December are bank holidays.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 30));
    // Posted Friday 6 November 2026: Monday, Tuesday.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 6), 2)).isEqualTo(LocalDate.of(2026, 11, 10));
  }

  @Test
  void aDayWithoutTermDatesIsAClearError() {
    assertThatThrownBy(() -> calendar.isSchoolDay(LocalDate.of(2031, 1, 6)))
        .isInstanceOf(CalendarNotConfigured.class)
        .hasMessage("No term dates for 6 January 2031 (2031-01-06): add the academic year 2030-31 to"
            + " attendance.calendar.academic-years, and its bank holidays to attendance.calendar.bank-holidays");
  }

  @Test
  void datesArriveAsTasklistSubmitsThem() {
    ZoneId london = ZoneId.of("Europe/London");
    assertThat(DateValues.toLocalDate("2026-11-30", london)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(DateValues.toLocalDate("2026-11-30T00:30:00Z", london)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(DateValues.toLocalDate("2026-06-30T23:30:00Z", london)).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(DateValues.toLocalDate("2026-11-30T10:15", london)).isEqualTo(LocalDate.of(2026, 11, 30));
  }
}
