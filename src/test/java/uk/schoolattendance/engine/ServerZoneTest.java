package uk.schoolattendance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TimeZone;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * The engine's due dates and timers are kept in the JVM's zone of the database's first start: a
 * later start in a zone with other rules is refused, saying which zone to run in; a start in the
 * same zone (or another name for the same rules) goes ahead.
 */
class ServerZoneTest {

  static ProcessEngineFixture fixture;
  static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    fixture = ProcessEngineFixture.builder("server-zone-test").build();
    engine = fixture.configuration.buildProcessEngine(); // the engine's tables and all the project's migrations
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void aStartInAnotherZoneThanTheFirstIsRefusedNamingTheZoneToRunIn() {
    fixture.jdbc.update("DELETE FROM att_server_zone");
    ServerZone zone = new ServerZone(fixture.jdbc);
    zone.check(TimeZone.getTimeZone("Europe/London")); // the first start
    assertThat(fixture.jdbc.queryForObject("SELECT zone FROM att_server_zone", String.class)).isEqualTo("Europe/London");

    zone.check(TimeZone.getTimeZone("Europe/London"));
    zone.check(TimeZone.getTimeZone("GB")); // another name for England's rules
    assertThatThrownBy(() -> zone.check(TimeZone.getTimeZone("UTC")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs in the zone UTC")
        .hasMessageContaining("kept in Europe/London")
        .hasMessageContaining("TZ=Europe/London");
    assertThat(fixture.jdbc.queryForObject("SELECT zone FROM att_server_zone", String.class)).isEqualTo("Europe/London");
  }
}
