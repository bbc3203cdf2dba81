package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import uk.schoolattendance.court.CourtProceedingsRecord;
import uk.schoolattendance.court.CourtProceedingsRepository;
import uk.schoolattendance.schools.TestCalendars;

/**
 * The register's SQL on a real PostgreSQL (the H2 tests run the same calls): migrations, insert
 * if absent, the standing-notice constraint, counts, paging, school scoping, notice numbers.
 */
class PenaltyNoticeRegisterPostgresTest {

  static EmbeddedPostgres postgres;
  static JdbcTemplate jdbc;
  static PenaltyNoticeRegister register;
  static PenaltyNoticeNumbers numbers;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    uk.schoolattendance.PostgresSchema.migrate(postgres.getPostgresDatabase());
    register = new PenaltyNoticeRegister(jdbc, new uk.schoolattendance.persons.Persons(jdbc),
        new uk.schoolattendance.schools.CalendarProperties(null, null, null, null));
    numbers = new PenaltyNoticeNumbers(
        jdbc, new DataSourceTransactionManager(postgres.getPostgresDatabase()), TestCalendars.shipped());
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void theRegisterWorksOnPostgres() {
    String first = numbers.next(LocalDate.of(2026, 11, 2));
    String second = numbers.next(LocalDate.of(2026, 11, 2));
    assertThat(first).isEqualTo("PN-2026-000001");
    assertThat(second).isEqualTo("PN-2026-000002");

    PenaltyNoticeEntry notice = entry(first, "pi-1", "100001", LocalDate.of(2026, 11, 2));
    assertThat(register.insertIfAbsent(notice)).isEqualTo(register.insertIfAbsent(notice));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pn_notice", Integer.class)).isEqualTo(1);
    assertThatThrownBy(() -> register.insertIfAbsent(entry(second, "pi-2", "100001", LocalDate.of(2026, 11, 2))))
        .hasMessageContaining("already stands");
    // prepared, not yet posted: it counts towards the limit from the day it was prepared
    assertThat(register.get(first).status()).isEqualTo("prepared");
    assertThat(register.countStanding("P-1", "A123456789012", LocalDate.of(2023, 11, 2), LocalDate.of(2026, 11, 2))).isEqualTo(1);
    // issued when posted; never issued twice
    register.recordDispatch(first, "post", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 24),
        LocalDate.of(2026, 12, 1), "officer", "Dana Officer");
    assertThat(register.get(first).status()).isEqualTo("issued");
    assertThat(register.get(first).deliveryMethod()).isEqualTo("post");
    assertThat(register.get(first).issuingOfficerName()).isEqualTo("Dana Officer");
    assertThatThrownBy(() -> register.recordDispatch(first, "hand", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3),
        LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30), "officer", "Dana Officer"))
        .hasMessageContaining("is issued");

    // the other parent, same child and period: another notice, the same occasion (handed over)
    NoticeBuilder.notice().number(numbers.next(LocalDate.of(2026, 11, 3))).processInstance("pi-3").school("100002")
        .issuedOn(LocalDate.of(2026, 9, 1)).parent("P-2").handed()
        .issue(register, new NoticeDates(TestCalendars.shipped(), PenaltyNoticeProperties.defaults()));
    assertThat(register.countStanding("P-1", "A123456789012", LocalDate.of(2023, 11, 2), LocalDate.of(2026, 11, 2))).isEqualTo(1);
    assertThat(register.countOccasionsForChild("A123456789012", LocalDate.of(2025, 11, 2), LocalDate.of(2026, 11, 30))).isEqualTo(1);
    assertThat(register.search(RegisterQuery.ofFilters(null, "A123456789012", null, "issued", 0, 1, null))).hasSize(1);
    assertThat(register.count(RegisterQuery.ofFilters(null, null, null, null, 0, 10, Set.of("100002")))).isEqualTo(1);
    assertThat(register.count(RegisterQuery.ofFilters(null, null, null, null, 0, 10, Set.of()))).isZero();

    register.recordPayment(first, new BigDecimal("80.00"), LocalDate.of(2026, 11, 20));
    assertThat(register.get(first).paidOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(register.issuedBetween(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31))).hasSize(2);
    assertThat(register.countProsecutedBetween(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31))).isZero();

    CourtProceedingsRepository court = new CourtProceedingsRepository(jdbc);
    court.insertIfAbsent(new CourtProceedingsRecord("court-1", "AC-1", first, "A123456789012", "Sam Pupil", "100001",
        "P-1", "prosecution", null, LocalDate.of(2027, 4, 16), null, null, null, null, null, null, null));
    court.recordOutcome("court-1", "parenting-order", null, null, 12, LocalDate.of(2028, 1, 20), LocalDate.of(2027, 1, 20));
    assertThat(court.outcomesRecordedBetween(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31)))
        .containsEntry("parenting-order", 1L);
  }

  private static PenaltyNoticeEntry entry(String number, String processInstance, String school, LocalDate issuedOn) {
    return entry(number, processInstance, school, issuedOn, "P-1");
  }

  private static PenaltyNoticeEntry entry(
      String number, String processInstance, String school, LocalDate issuedOn, String parent) {
    return NoticeBuilder.notice().number(number).processInstance(processInstance).school(school).parent(parent)
        .issuedOn(issuedOn).prepared();
  }
}
