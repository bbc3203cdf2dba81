package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;

/** A rejected row's date says which kind of day it is, as the school's calendar is configured. */
class SchoolCalendarViewTest {

  static final SchoolCalendarView CALENDAR = new SchoolCalendarView(
      List.of(new AcademicYear("2026-27",
          List.of(new Period(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 12, 18)),
              new Period(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 25))),
          List.of(new Period(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))))),
      List.of(LocalDate.of(2026, 11, 27)), List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 4)), false);

  @Test
  void eachKindOfDayIsNamedWithItsDates() {
    assertThat(CALENDAR.whyClosed(LocalDate.of(2026, 10, 28))).isEqualTo("half term, 26 to 30 October 2026");
    assertThat(CALENDAR.whyClosed(LocalDate.of(2026, 11, 27))).startsWith("an INSET day");
    assertThat(CALENDAR.whyClosed(LocalDate.of(2027, 1, 4))).isEqualTo("a bank holiday");
    assertThat(CALENDAR.whyClosed(LocalDate.of(2026, 12, 22)))
        .isEqualTo("the holiday between terms, 19 December 2026 to 3 January 2027");
    assertThat(CALENDAR.whyClosed(LocalDate.of(2026, 11, 28))).isEqualTo("a Saturday, a weekend");
    assertThat(CALENDAR.years().get(0).entries()).extracting(e -> e.kind() + " " + e.dates()).containsExactly(
        "Term 3 September to 18 December 2026", "Half term 26 to 30 October 2026", "INSET day 27 November 2026",
        "Holiday between terms 19 December 2026 to 3 January 2027", "Term 4 January to 25 March 2027",
        "Bank holiday 4 January 2027");
  }
}
