package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * The place (1st, 2nd) an issued notice's letter printed. The register gives a notice as its letter
 * was sent, whoever renders it. V470 gives notices issued before it existed the place their letter printed: only notices that were
 * sent (posted or handed over), not those prepared or withdrawn before they were ever issued.
 */
class LetterSequenceTest {

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

  @Test
  void theRegisterGivesAnIssuedNoticeWithThePlaceItsLetterPrintedNotItsPlaceNow() {
    ProcessEngineFixture records = ProcessEngineFixture.builder("letter-sequence-as-sent").build();
    ProcessEngine engine = records.configuration.buildProcessEngine();
    try {
      NoticeBuilder.notice().number("PN-2026-000011").processInstance("pi-11").issue(records.register, records.dates);
      records.register.insertIfAbsent(
          NoticeBuilder.notice().number("PN-2026-000012").processInstance("pi-12").parent("P-12").prepared());
      // a notice issued earlier but recorded later moves the register's place on
      records.jdbc.update("UPDATE pn_notice SET notice_sequence = 2 WHERE notice_number = 'PN-2026-000011'");

      assertThat(records.register.get("PN-2026-000011").sequence()).as("its place now").isEqualTo(2);
      assertThat(records.register.asSent("PN-2026-000011")).get().extracting(PenaltyNoticeEntry::sequence)
          .as("the place its letter printed").isEqualTo(1);
      assertThat(records.register.asSent("PN-2026-000012")).as("prepared: no letter was sent").isEmpty();
      assertThat(records.register.asSent("PN-2026-999999")).isEmpty();
    } finally {
      engine.close();
    }
  }

  private static Integer letterSequence(ProcessEngineFixture records, String number) {
    return records.jdbc.queryForObject("SELECT letter_sequence FROM pn_notice WHERE notice_number = ?", Integer.class, number);
  }
}
