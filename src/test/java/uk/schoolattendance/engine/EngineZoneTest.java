package uk.schoolattendance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.process.VariableType;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * A calendar day kept as a Date by an earlier version ({@link VariableType#DAY}) is read in the zone
 * the application is configured with ({@code attendance.calendar.zone}), found through the engine
 * running the command ({@link EngineZone}): two engines with different zones in one JVM each read
 * their own, and none leaks into the other.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class EngineZoneTest {

  /** Midnight of 28 May 2027 in Auckland; 27 May 2027 13:00 in London, 05:00 in Los Angeles. */
  static final Date STORED = Date.from(Instant.parse("2027-05-27T12:00:00Z"));

  @Autowired ProcessEngine engine;

  @Test
  void theApplicationsEngineKnowsTheConfiguredZone() {
    assertThat(inCommand(engine, EngineZone::ofCurrentCommand)).contains(ZoneId.of("Europe/London"));
    assertThat(inCommand(engine, () -> VariableType.DAY.read("offenceFrom", Date.from(Instant.parse("2027-05-27T23:00:00Z")))))
        .as("midnight of 28 May 2027 in London (BST), 23:00 UTC the day before")
        .isEqualTo(LocalDate.of(2027, 5, 28));
  }

  @Test
  void eachEngineReadsADayKeptAsADateInItsOwnConfiguredZone() {
    ProcessEngine auckland = standalone("zone-auckland", "Pacific/Auckland");
    ProcessEngine losAngeles = standalone("zone-los-angeles", "America/Los_Angeles");
    try {
      assertThat(inCommand(auckland, () -> VariableType.DAY.read("offenceFrom", STORED))).isEqualTo(LocalDate.of(2027, 5, 28));
      assertThat(inCommand(losAngeles, () -> VariableType.DAY.read("offenceFrom", STORED))).isEqualTo(LocalDate.of(2027, 5, 27));
      assertThat(inCommand(auckland, EngineZone::ofCurrentCommand)).contains(ZoneId.of("Pacific/Auckland"));
    } finally {
      auckland.close();
      losAngeles.close();
    }
    // nothing kept: outside a command no zone is known, and code with the zone says it
    assertThat(EngineZone.ofCurrentCommand()).isEmpty();
    assertThat(VariableType.day(ZoneId.of("Pacific/Auckland")).read("offenceFrom", STORED)).isEqualTo(LocalDate.of(2027, 5, 28));
    assertThat(VariableType.DAY.read("offenceFrom", "2027-05-28")).isEqualTo(LocalDate.of(2027, 5, 28));
  }

  private static ProcessEngine standalone(String name, String zone) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    configuration.getProcessEnginePlugins()
        .add(new EngineZone(new CalendarProperties(ZoneId.of(zone), null, null, null)));
    return configuration.buildProcessEngine();
  }

  private static <T> T inCommand(ProcessEngine engine, java.util.function.Supplier<T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> work.get());
  }

}
