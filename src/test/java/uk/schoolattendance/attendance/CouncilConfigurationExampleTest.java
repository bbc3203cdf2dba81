package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolsProperties;

/**
 * The council's starting point, {@code config/application.example.yaml}, binds as the application
 * binds it: its schools, its term dates (a valid calendar), a school's own calendar under its URN,
 * the warning weeks and the authority block that lets penalty notices be issued.
 */
class CouncilConfigurationExampleTest {

  @Test
  void theExampleBindsWithItsSchoolsTheShippedTermDatesTheAuthorityAndItsWaysToPay() throws Exception {
    StandardEnvironment env = new StandardEnvironment();
    for (PropertySource<?> source : new YamlPropertySourceLoader().load("example",
        new FileSystemResource(Path.of("config", "application.example.yaml")))) {
      env.getPropertySources().addLast(source);
    }
    Binder binder = new Binder(ConfigurationPropertySources.get(env));

    SchoolsProperties schools = binder.bind("attendance", SchoolsProperties.class).get();
    assertThat(schools.schools()).extracting(s -> s.urn() + " " + s.serviceLevel().name().toLowerCase(java.util.Locale.ROOT) + " " + s.namedOfficer())
        .containsExactly("100001 traded officer", "100002 universal officer");

    CalendarProperties calendar = binder.bind("attendance.calendar", CalendarProperties.class).get();
    SchoolCalendar days = new SchoolCalendar(calendar);
    assertThat(days.isSchoolDay(LocalDate.of(2026, 9, 3))).isTrue();
    assertThat(days.isSchoolDay(LocalDate.of(2027, 3, 29))).as("Easter Monday").isFalse();
    // its list replaces the shipped one, so it never gives a council fewer term dates than the default
    CalendarProperties shipped = uk.schoolattendance.schools.TestCalendars.shipped().properties();
    assertThat(calendar.academicYears()).isEqualTo(shipped.academicYears());
    assertThat(calendar.bankHolidays()).isEqualTo(shipped.bankHolidays());

    RegisterProperties register = binder.bind("attendance.register", RegisterProperties.class).get();
    assertThat(register.schoolCalendars()).containsOnlyKeys("100002");
    assertThat(register.schoolCalendars().get("100002").insetDays()).contains(LocalDate.of(2026, 11, 27));
    assertThat(binder.bind("attendance.term-dates-warning-weeks", Integer.class).get()).isEqualTo(26);

    assertThat(binder.bind("attendance.penalty-notices.authority.name", String.class).get()).isNotBlank();
    assertThat(binder.bind("attendance.penalty-notices.authority.address", String.class).get()).isNotBlank();
    assertThat(binder.bind("attendance.penalty-notices.authority.payment-web-address", String.class).get())
        .startsWith("https://");
  }
}
