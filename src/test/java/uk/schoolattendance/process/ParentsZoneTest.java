package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parent's date of birth sent as a date-time is its calendar day in the authority's configured
 * zone ({@code attendance.calendar.zone}), not one written into the reader: 23:30 UTC on 27 May
 * is already 28 May in London (British Summer Time), still 27 May in Los Angeles.
 */
class ParentsZoneTest {

  static final String PARENTS =
      "[{\"name\":\"Gail Marsh\",\"address\":\"1 High Street\",\"dateOfBirth\":\"1990-05-27T23:30:00Z\"}]";

  @Test
  void aDateOfBirthSentAsADateTimeIsItsDayInTheConfiguredZone() {
    assertThat(born(Parents.parse("parents", PARENTS, ZoneId.of("Europe/London")))).isEqualTo(LocalDate.of(1990, 5, 28));
    assertThat(born(Parents.parse("parents", PARENTS, ZoneId.of("America/Los_Angeles")))).isEqualTo(LocalDate.of(1990, 5, 27));
    assertThat(born(Parents.given("parents", PARENTS, List.of(), ParentRelationships.national(), ZoneId.of("America/Los_Angeles"))))
        .isEqualTo(LocalDate.of(1990, 5, 27));
  }

  @Test
  void aDaySentAsADayIsThatDayInAnyZone() {
    String day = PARENTS.replace("1990-05-27T23:30:00Z", "1990-05-28");
    assertThat(born(Parents.parse("parents", day, ZoneId.of("Pacific/Auckland")))).isEqualTo(LocalDate.of(1990, 5, 28));
    assertThat(born(Parents.parse("parents", day, ZoneId.of("America/Los_Angeles")))).isEqualTo(LocalDate.of(1990, 5, 28));
  }

  private static LocalDate born(List<Parent> parents) {
    return parents.get(0).dateOfBirth();
  }
}
