package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * V470 gives notices issued before it existed the place their letter printed: only notices that were
 * sent (posted or handed over), not those prepared or withdrawn before they were ever issued.
 */
class LetterSequenceMigrationTest {

  @Test
  void onlyNoticesThatWereIssuedGetTheirLettersPlace() {
    ProcessEngineFixture records = ProcessEngineFixture.builder("letter-sequence-migration").build();
    ProcessEngine engine = records.configuration.buildProcessEngine();
    try {
      NoticeBuilder.notice().number("PN-2026-000001").processInstance("pi-1").issue(records.register, records.dates);
      records.register.insertIfAbsent(
          NoticeBuilder.notice().number("PN-2026-000002").processInstance("pi-2").parent("P-2").prepared());
      records.register.insertIfAbsent(
          NoticeBuilder.notice().number("PN-2026-000003").processInstance("pi-3").parent("P-3").prepared());
      records.register.recordWithdrawal("PN-2026-000003", "Wrong parent", "wrong-recipient", LocalDate.of(2026, 11, 2));

      // the database as it was before V470, then V470 again
      records.jdbc.execute("ALTER TABLE pn_notice DROP COLUMN letter_sequence");
      records.jdbc.update("DELETE FROM \"attendance_schema_history\" WHERE \"version\" = '470'");
      Flyway.configure().dataSource(records.dataSource).table("attendance_schema_history").target("470").outOfOrder(true)
          .load().migrate();

      assertThat(letterSequence(records, "PN-2026-000001")).as("issued").isEqualTo(1);
      assertThat(letterSequence(records, "PN-2026-000002")).as("prepared, never sent").isNull();
      assertThat(letterSequence(records, "PN-2026-000003")).as("withdrawn before it was issued").isNull();
    } finally {
      engine.close();
    }
  }

  private static Integer letterSequence(ProcessEngineFixture records, String number) {
    return records.jdbc.queryForObject("SELECT letter_sequence FROM pn_notice WHERE notice_number = ?", Integer.class, number);
  }
}
