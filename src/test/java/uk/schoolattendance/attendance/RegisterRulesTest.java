package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import uk.schoolattendance.attendance.MarkCodes.Category;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * The shipped configuration's rules without a Spring context: the code sets (a code keeps the
 * meaning of the set in force on its date), the mapping of school-system codes, and a school's
 * calendar (school days, school weeks numbered across holidays and years, the threshold's window).
 */
class RegisterRulesTest {

  static final Binder SHIPPED = binder();
  static final RegisterProperties PROPERTIES = SHIPPED.bind("attendance.register", RegisterProperties.class).get();
  static final MarkCodes CODES = new MarkCodes(PROPERTIES);
  static final LocalDate OLD = LocalDate.of(2024, 8, 18);
  static final LocalDate NEW = LocalDate.of(2024, 8, 19);

  @Test
  void aCodeCountsByTheCodeSetInForceOnItsDate() {
    assertThat(CODES.resolve("J", OLD).category()).isEqualTo(Category.PRESENT);
    assertThat(CODES.resolve("J", NEW)).isNull();
    assertThat(CODES.problem("J", NEW)).contains("2024");
    assertThat(CODES.resolve("J1", NEW).category()).isEqualTo(Category.AUTHORISED);
    assertThat(CODES.resolve("J1", OLD)).isNull();
    assertThat(CODES.resolve("H", OLD).category()).isEqualTo(Category.AUTHORISED);
    assertThat(CODES.resolve("H", NEW)).isNull();
    assertThat(CODES.resolve("Y", OLD).category()).isEqualTo(Category.NOT_POSSIBLE);
    assertThat(CODES.resolve("Y4", NEW).category()).isEqualTo(Category.NOT_POSSIBLE);
    assertThat(CODES.resolve("K", NEW).category()).isEqualTo(Category.PRESENT);
    for (String unauthorised : List.of("G", "N", "O", "U")) {
      assertThat(CODES.resolve(unauthorised, OLD).category()).isEqualTo(Category.UNAUTHORISED);
      assertThat(CODES.resolve(unauthorised, NEW).category()).isEqualTo(Category.UNAUTHORISED);
    }
    for (String neverUnauthorised : List.of("I", "L")) {
      assertThat(CODES.resolve(neverUnauthorised, NEW).category()).isNotEqualTo(Category.UNAUTHORISED);
    }
    assertThat(CODES.resolve("\\", NEW).category()).isEqualTo(Category.PRESENT);
    assertThat(CODES.resolve("#", NEW).category()).isEqualTo(Category.NOT_POSSIBLE);
    assertThat(CODES.resolve("G", LocalDate.of(2005, 1, 10))).isNull();
  }

  @Test
  void aSchoolSystemsCodeIsMappedAndKeptBesideTheStatutoryOne() {
    MarkCodes.Resolved mapped = CODES.resolve("i01", NEW);
    assertThat(mapped.code()).isEqualTo("I");
    assertThat(mapped.sourceCode()).isEqualTo("i01");
    assertThat(mapped.category()).isEqualTo(Category.AUTHORISED);
    // a statutory code in small letters is refused naming the capital it may stand for
    assertThat(CODES.resolve("o", NEW)).isNull();
    assertThat(CODES.problem("o", NEW)).isEqualTo(
        "'o' is written in small letters: attendance codes are capital letters. If the school meant O, send the row"
            + " again with O");
    assertThat(CODES.resolve("ZZ9", NEW)).isNull();
    // in a data officer's words: no configuration key
    assertThat(CODES.problem("ZZ9", NEW)).startsWith("'ZZ9' is not an attendance code of the 2024 code set")
        .doesNotContain("attendance.register");
    assertThat(CODES.resolve("/", NEW).sourceCode()).isNull();
  }

  @Test
  void schoolWeeksAreNumberedAcrossHolidaysAndYearsAndTheWindowCountsOnlySchoolWeeks() {
    CalendarProperties la = SHIPPED.bind("attendance.calendar", CalendarProperties.class).get();
    List<LocalDate> closed = new ArrayList<>(la.bankHolidays());
    SchoolDays days = new SchoolDays(la.academicYears(), closed);
    assertThat(days.isSchoolDay(LocalDate.of(2026, 10, 23))).isTrue();
    assertThat(days.isSchoolDay(LocalDate.of(2026, 10, 27))).isFalse(); // half term
    assertThat(days.isSchoolDay(LocalDate.of(2026, 5, 4))).isFalse(); // May Day bank holiday in term
    assertThat(days.isSchoolDay(LocalDate.of(2026, 10, 24))).isFalse(); // Saturday
    int beforeHalfTerm = days.schoolWeek(LocalDate.of(2026, 10, 23));
    assertThat(days.schoolWeek(LocalDate.of(2026, 10, 28))).isEqualTo(beforeHalfTerm);
    assertThat(days.schoolWeek(LocalDate.of(2026, 11, 2))).isEqualTo(beforeHalfTerm + 1);
    assertThat(days.schoolWeek(LocalDate.of(2026, 9, 3))).isEqualTo(days.schoolWeek(LocalDate.of(2026, 7, 22)) + 1);
    assertThat(days.windowStart(LocalDate.of(2026, 11, 23), 10)).isEqualTo(LocalDate.of(2026, 9, 14));
    assertThat(days.windowStart(LocalDate.of(2026, 9, 10), 10)).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(days.covers(LocalDate.of(2024, 5, 1))).isFalse();
    assertThat(SchoolDays.academicYearName(LocalDate.of(2027, 8, 31))).isEqualTo("2026-27");
    assertThat(SchoolDays.academicYearName(LocalDate.of(2027, 9, 1))).isEqualTo("2027-28");

    RegisterProperties.SchoolCalendar academy = SHIPPED.bind("attendance.register.school-calendars",
        org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, RegisterProperties.SchoolCalendar.class))
        .get().get("100002");
    closed.addAll(academy.insetDays());
    SchoolDays own = new SchoolDays(SchoolDays.merge(la.academicYears(), academy.academicYears()), closed);
    assertThat(own.isSchoolDay(LocalDate.of(2026, 10, 27))).isTrue();
    assertThat(own.isSchoolDay(LocalDate.of(2026, 10, 20))).isFalse();
    assertThat(own.isSchoolDay(LocalDate.of(2026, 11, 27))).isFalse(); // INSET day
    assertThat(own.isSchoolDay(LocalDate.of(2025, 10, 27))).isFalse(); // the LA's 2025-26 half term still applies
  }

  private static Binder binder() {
    try {
      StandardEnvironment env = new StandardEnvironment();
      for (String file : List.of("application-demo.yaml", "application.yaml")) {
        for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
          env.getPropertySources().addLast(source);
        }
      }
      return new Binder(ConfigurationPropertySources.get(env));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
