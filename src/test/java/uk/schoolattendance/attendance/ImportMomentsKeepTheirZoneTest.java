package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import uk.schoolattendance.JvmZone;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * The two moments V637 and V638 added (when an import found a case off its school's roll, when an
 * import's rejected rows were removed) are, like every other (ADR 0011, V642), the same moment and
 * the same day in England whatever the zone of the JVM that wrote them and of the one that reads
 * them: written by {@link OffRollCases} and {@link RejectedRowsRetention} in London, read by the
 * failed-moves page's and the import page's own reads in Auckland.
 */
class ImportMomentsKeepTheirZoneTest {

  /** England's calendar (the national default zone), as the application configures it. */
  private static final CalendarProperties ENGLAND = new CalendarProperties(null, null, null, null);

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** 00:30 on Friday 28 May 2027 in England (British Summer Time), still 27 May in UTC; 11:30am in Auckland. */
  static final Instant AT = Instant.parse("2027-05-27T23:30:00Z");

  static ProcessEngineFixture fixture;
  static ProcessEngine engine;

  @RegisterExtension
  static final JvmZone ZONE = new JvmZone();

  @BeforeAll
  static void startEngine() {
    fixture = ProcessEngineFixture.builder("import-moments-keep-their-zone-test").build();
    engine = fixture.configuration.buildProcessEngine(); // the engine's tables and all the project's migrations
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @AfterEach
  void theTestsClock() {
    TestClock.reset();
  }

  @Test
  void aCaseNoticedOffTheRollInLondonIsNoticedAtTheSameMomentReadInAuckland() {
    int importId = anImport(AT.minusSeconds(3600), 0);
    fixture.jdbc.update("INSERT INTO cf_case (process_instance_id, case_reference, pupil_upn, pupil_name, school_urn, updated_at)"
        + " VALUES ('off-roll-zone-1', 'ATT-ZONE-000001', 'A123456789012', 'Sam Roll', '100001', ?)", Timestamp.from(AT));
    OffRollCases offRoll = new OffRollCases(fixture.jdbc);
    JvmZone.set("Europe/London");
    offRoll.checked(importId, AT, List.of(new OffRollCases.Checked("ATT-ZONE-000001", "A123456789012", "100001", LocalDate.of(2027, 5, 20))));

    for (String zone : List.of("Pacific/Auckland", "America/Los_Angeles", "UTC", "Europe/London")) {
      JvmZone.set(zone);
      OffRollCases.OffRollCase found = offRoll.open().stream()
          .filter(c -> c.caseReference().equals("ATT-ZONE-000001")).findFirst().orElseThrow();
      assertThat(found.noticedAt()).as("noticed, read in " + zone).isEqualTo(AT);
      assertThat(found.noticedAt().atZone(LONDON).toLocalDate()).as("the day noticed in England, read in " + zone)
          .isEqualTo(LocalDate.of(2027, 5, 28));
    }
  }

  @Test
  void rejectedRowsRemovedInLondonAreRemovedAtTheSameMomentReadInAuckland() {
    int importId = anImport(AT.minusSeconds(100L * 24 * 3600), 1);
    fixture.jdbc.update("INSERT INTO att_import_rejection (import_id, row_no, rows_covered, field, reason, sent_row)"
        + " VALUES (?, 2, 1, 'upn', 'not a UPN', 'X,100001,2027-02-01,AM,/')", importId);
    RejectedRowsRetention retention = new RejectedRowsRetention(fixture.jdbc,
        new DataSourceTransactionManager(fixture.dataSource), new ImportRetentionProperties(90, "-"), ENGLAND);
    JvmZone.set("Europe/London");
    ClockUtil.setCurrentTime(Date.from(AT));
    assertThat(retention.removeExpired()).as("imports whose rows this run removed").isPositive();
    assertThat(fixture.jdbc.queryForObject("SELECT sent_row FROM att_import_rejection WHERE import_id = ?", String.class, importId))
        .as("the rows of the import the run marked").isNull();

    ImportRecords records = new ImportRecords(fixture.jdbc);
    for (String zone : List.of("Pacific/Auckland", "America/Los_Angeles", "UTC", "Europe/London")) {
      JvmZone.set(zone);
      Instant removed = records.get(importId).orElseThrow().rejectedRowsRemovedAt();
      assertThat(removed).as("removed, read in " + zone).isEqualTo(AT);
      assertThat(removed.atZone(LONDON).toLocalDate()).as("the day removed in England, read in " + zone)
          .isEqualTo(LocalDate.of(2027, 5, 28));
    }
  }

  @Test
  void inTheHourTheClocksGoBackTheSecondHalfPastOneIsKeptAsItself() {
    // 01:30 GMT on Sunday 25 October 2026: the second 01:30 in England that night (the first was 00:30 GMT)
    Instant second = Instant.parse("2026-10-25T01:30:00Z");
    JvmZone.set("Europe/London");
    int importId = anImport(second.minusSeconds(100L * 24 * 3600), 1);
    fixture.jdbc.update("INSERT INTO cf_case (process_instance_id, case_reference, pupil_upn, pupil_name, school_urn, updated_at)"
        + " VALUES ('off-roll-zone-2', 'ATT-ZONE-000002', 'A123456789013', 'Sam Clocks', '100001', ?)", Timestamp.from(second));
    OffRollCases offRoll = new OffRollCases(fixture.jdbc);
    offRoll.checked(importId, second, List.of(new OffRollCases.Checked("ATT-ZONE-000002", "A123456789013", "100001", LocalDate.of(2026, 10, 20))));
    ClockUtil.setCurrentTime(Date.from(second));
    new RejectedRowsRetention(fixture.jdbc, new DataSourceTransactionManager(fixture.dataSource), new ImportRetentionProperties(90, "-"), ENGLAND)
        .removeExpired();

    JvmZone.set("UTC");
    assertThat(offRoll.open().stream().filter(c -> c.caseReference().equals("ATT-ZONE-000002")).findFirst().orElseThrow().noticedAt())
        .as("noticed").isEqualTo(second);
    assertThat(new ImportRecords(fixture.jdbc).get(importId).orElseThrow().rejectedRowsRemovedAt()).as("removed").isEqualTo(second);
  }

  private static int anImport(Instant finished, int rejected) {
    fixture.jdbc.update("INSERT INTO att_import (file_format, submitted_by, submitted_at, state, bytes_read, rows_read, rows_accepted,"
            + " rows_unchanged, rows_rejected, updated_at, finished_at) VALUES ('csv', 'datateam', ?, 'completed', 400, 40, ?, 0, ?, ?, ?)",
        Timestamp.from(finished), 40 - rejected, rejected, Timestamp.from(finished), Timestamp.from(finished));
    Integer id = fixture.jdbc.queryForObject("SELECT MAX(import_id) FROM att_import", Integer.class);
    return id == null ? 0 : id;
  }
}
