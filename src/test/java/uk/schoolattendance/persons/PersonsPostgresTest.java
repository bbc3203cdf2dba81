package uk.schoolattendance.persons;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import uk.schoolattendance.notices.NoticeBuilder;
import uk.schoolattendance.notices.PenaltyNoticeRegister;

/**
 * V230 and persons on a real PostgreSQL: matching, a merge, the register counting per person, and
 * the start-up backfill that gives a person to a notice written before persons existed.
 */
class PersonsPostgresTest {

  static EmbeddedPostgres postgres;
  static JdbcTemplate jdbc;
  static Persons persons;
  static PenaltyNoticeRegister register;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    uk.schoolattendance.PostgresSchema.migrate(postgres.getPostgresDatabase());
    persons = new Persons(jdbc);
    register = new PenaltyNoticeRegister(jdbc, persons, new uk.schoolattendance.schools.CalendarProperties(null, null, null, null));
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void aNoticeWrittenBeforePersonsIsGivenItsPersonAndCountsForTheCaseThatNamesThemAfterAMerge() {
    String upn = "A123456789012";
    // two notices to Alex written before V230 under the position ids of two cases (parent-1, then parent-2)
    register.insertIfAbsent(NoticeBuilder.notice().number("PN-2025-000001").processInstance("pi-1").pupil(upn)
        .parent("parent-1").parentName("Alex Parent").parentAddress("1 Station Road, Southend SS1 1AA")
        .offence(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 26)).issuedOn(LocalDate.of(2025, 10, 1)).prepared());
    register.insertIfAbsent(NoticeBuilder.notice().number("PN-2026-000001").processInstance("pi-2").pupil(upn)
        .parent("parent-2").parentName("Alex Parent").parentAddress("1 Station Rd, Southend SS1 1AA")
        .offence(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 23)).issuedOn(LocalDate.of(2026, 2, 2)).prepared());
    jdbc.update("UPDATE pn_notice SET person_id = NULL");
    jdbc.update("DELETE FROM person");

    PersonBackfill backfill = new PersonBackfill(jdbc, persons, new DataSourceTransactionManager(postgres.getPostgresDatabase()));
    assertThat(backfill.backfill()).isEqualTo(2);
    assertThat(backfill.backfill()).isZero();

    // a later case names Alex as its second parent, spaced and cased its own way
    String alex = persons.resolve("parent-2", " alex  PARENT", "1 Station Road, Southend ss11aa", null);
    LocalDate today = LocalDate.of(2026, 11, 2);
    assertThat(register.countStanding(alex, upn, today.minusYears(3), today)).isEqualTo(1);
    // "Station Rd" is no match (no guessing) until an officer merges the two
    String rd = persons.match("Alex Parent", "1 Station Rd, Southend SS1 1AA", null).orElseThrow();
    assertThat(rd).isNotEqualTo(alex);
    persons.merge(alex, rd, "senior", "Road and Rd: one address");
    assertThat(register.countStanding(alex, upn, today.minusYears(3), today)).isEqualTo(2);
    assertThat(register.countStanding(rd, upn, today.minusYears(3), today)).isEqualTo(2);
    assertThat(register.standingOverlapping(rd, upn, LocalDate.of(2025, 9, 20), LocalDate.of(2026, 1, 6))).hasSize(2);
    Person survivor = persons.find(rd).orElseThrow();
    assertThat(survivor.personId()).isEqualTo(alex);
    assertThat(survivor.mergedIds()).containsExactly(rd);
    assertThat(survivor.merges()).singleElement().satisfies(merge -> {
      assertThat(merge.mergedBy()).isEqualTo("senior");
      assertThat(merge.reason()).isEqualTo("Road and Rd: one address");
    });
  }
}
