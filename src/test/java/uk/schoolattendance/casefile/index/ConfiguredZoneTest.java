package uk.schoolattendance.casefile.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.junit.jupiter.api.Test;

/**
 * The case file's search table keeps a date of birth stored as a Date as its day in the
 * authority's configured zone ({@code attendance.calendar.zone}), not always London's: a Date
 * written at midnight in another zone is the previous day in London.
 */
class ConfiguredZoneTest {

  @Test
  void aDateOfBirthKeptAsADateIsItsDayInTheConfiguredZone() {
    ZoneId auckland = ZoneId.of("Pacific/Auckland");
    HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
    event.setLongValue(LocalDate.of(2016, 5, 28).atStartOfDay(auckland).toInstant().toEpochMilli());

    assertThat(new CaseIndexHandler(null, auckland).day(event)).isEqualTo(LocalDate.of(2016, 5, 28));
    // the same moment is the 27th in London: the zone decides the day
    assertThat(new CaseIndexHandler(null, ZoneId.of("Europe/London")).day(event)).isEqualTo(LocalDate.of(2016, 5, 27));
  }
}
