package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.JvmZone;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * A moment the application keeps (here when a print run was printed and last copied) is the same
 * moment, and the same day in England, whatever the zone of the JVM that wrote it and of the one
 * that reads it: a server restarted with another TZ, or a second node of a cluster set up elsewhere,
 * shows what the first wrote (V640: the columns are TIMESTAMP WITH TIME ZONE). Kept without a zone,
 * 00:30 on 28 May in England written in London read as 00:30 in Auckland: 12:30pm on 27 May.
 */
class InstantsKeepTheirZoneTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** 00:30 on Friday 28 May 2027 in England (British Summer Time), still 27 May in UTC. */
  static final Instant PRINTED = Instant.parse("2027-05-27T23:30:00Z");
  static final Instant COPIED = Instant.parse("2027-05-28T22:45:00Z");

  static ProcessEngineFixture fixture;
  static ProcessEngine engine;

  @RegisterExtension
  static final JvmZone ZONE = new JvmZone();

  @BeforeAll
  static void startEngine() {
    fixture = ProcessEngineFixture.builder("instants-keep-their-zone-test").build();
    engine = fixture.configuration.buildProcessEngine(); // the engine's tables and all the project's migrations
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void aPrintRunWrittenInLondonReadsAsTheSameMomentAndDayInAuckland() {
    assertThat(fixture.calendar.properties().zone()).isEqualTo(LONDON);
    PrintRuns runs = new PrintRuns(fixture.jdbc);
    JvmZone.set("Europe/London");
    long id = runs.record("compliance", "Casey Compliance", PRINTED, "post", LocalDate.of(2027, 5, 28), List.of(), true);
    runs.copy(id, "compliance", COPIED, copy -> copy);

    for (String zone : List.of("Pacific/Auckland", "America/Los_Angeles", "UTC", "Europe/London")) {
      JvmZone.set(zone);
      PrintRuns.PrintRun run = runs.find(id).orElseThrow();
      assertThat(run.printedAt()).as("printed, read in " + zone).isEqualTo(PRINTED);
      assertThat(run.printedAt().atZone(LONDON).toLocalDate()).as("the day printed in England, read in " + zone)
          .isEqualTo(LocalDate.of(2027, 5, 28));
      assertThat(run.lastCopyAt()).as("last copied, read in " + zone).isEqualTo(COPIED);
    }
  }

  @Test
  void aPrintRunWrittenInAucklandReadsAsTheSameMomentInLondon() {
    PrintRuns runs = new PrintRuns(fixture.jdbc);
    JvmZone.set("Pacific/Auckland");
    long id = runs.record("compliance", "Casey Compliance", PRINTED, "post", LocalDate.of(2027, 5, 28), List.of(), true);
    JvmZone.set("Europe/London");
    assertThat(runs.find(id).orElseThrow().printedAt()).isEqualTo(PRINTED);
  }
}
