package uk.schoolattendance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.PostgresApplication;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Closed cases by outcome on PostgreSQL, the production database: the two grouped queries (the
 * search table's outcomes, the reasons kept next to them, V631) count the cases ended in the
 * period per school, and the period's rows are read through V630's index, not a read of every case.
 */
class ClosedCasesPostgresTest {

  static PostgresApplication onPostgres;

  @BeforeAll
  static void start() throws IOException {
    onPostgres = PostgresApplication.start("closedCasesPostgresTest");
  }

  @AfterAll
  static void stop() {
    if (onPostgres != null) {
      onPostgres.close();
    }
  }

  @Test
  void theCasesEndedInThePeriodByOutcomeAndReasonPerSchoolThroughAnIndex() {
    RuntimeService runtime = onPostgres.context().getBean(RuntimeService.class);
    ClosedCases closedCases = onPostgres.context().getBean(ClosedCases.class);
    LocalDate today = onPostgres.context().getBean(SchoolCalendar.class).today();
    ClosedCaseFigures before = closedCases.between(today, today, null);
    long dayBefore = closedCases.between(today.minusDays(1), today.minusDays(1), null).total().cases();

    String hana = noLongerNeeded(runtime, CaseFixtures.TRADED_SCHOOL, "Hana Postgres", "moved-away");
    String ivo = noLongerNeeded(runtime, CaseFixtures.TRADED_SCHOOL, "Ivo Postgres", "moved-away");
    ProcessInstance closed = new CaseFileCases(runtime)
        .start(CaseFixtures.UNIVERSAL_SCHOOL, "Jon Postgres", CaseFileCases.newUpn(), "parent-1", "Kay Postgres");
    runtime.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name()).processInstanceId(closed.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Opened for the wrong pupil").correlate();

    ClosedCaseFigures after = closedCases.between(today, today, null);
    assertThat(after.total().cases()).isEqualTo(before.total().cases() + 3);
    assertThat(reason(after, CaseFixtures.TRADED_SCHOOL, "moved-away")).isEqualTo(reason(before, CaseFixtures.TRADED_SCHOOL, "moved-away") + 2);
    assertThat(school(after, CaseFixtures.UNIVERSAL_SCHOOL).counts().of(AttendanceCase.CLOSED))
        .isEqualTo(school(before, CaseFixtures.UNIVERSAL_SCHOOL).counts().of(AttendanceCase.CLOSED) + 1);
    // the cases a figure counts
    assertThat(closedCases.caseIds(today, today, AttendanceCase.NO_LONGER_NEEDED_OUTCOME, "moved-away", null, 10))
        .containsExactlyInAnyOrder(hana, ivo);
    assertThat(closedCases.caseIds(today, today, AttendanceCase.CLOSED, null, List.of(CaseFixtures.UNIVERSAL_SCHOOL), 10))
        .contains(closed.getId()).doesNotContain(hana, ivo);
    assertThat(closedCases.caseIds(today, today, AttendanceCase.NO_LONGER_NEEDED_OUTCOME, null, null, 1)).hasSize(1);
    // a school's own figures only
    ClosedCaseFigures own = closedCases.between(today, today, List.of(CaseFixtures.UNIVERSAL_SCHOOL));
    assertThat(own.schools()).extracting(ClosedCaseFigures.SchoolCounts::urn).containsExactly(CaseFixtures.UNIVERSAL_SCHOOL);
    assertThat(own.total().of(AttendanceCase.NO_LONGER_NEEDED_OUTCOME)).isZero();
    // the day before holds none of them
    assertThat(closedCases.between(today.minusDays(1), today.minusDays(1), null).total().cases()).isEqualTo(dayBefore);

    JdbcTemplate jdbc = onPostgres.context().getBean(JdbcTemplate.class);
    jdbc.execute("ANALYZE cf_case");
    List<String> plan = new TransactionTemplate(onPostgres.context().getBean(PlatformTransactionManager.class)).execute(status -> {
      jdbc.execute("SET LOCAL enable_seqscan = off");
      return jdbc.queryForList(
          "EXPLAIN SELECT c.school_urn, c.case_outcome, COUNT(*) FROM cf_case c WHERE c.closed_at >= now() - interval '1 day'"
              + " AND c.closed_at < now() GROUP BY c.school_urn, c.case_outcome", String.class);
    });
    assertThat(String.join("\n", plan)).as("the plan").contains("cf_case_closed_ix").doesNotContain("Seq Scan on cf_case");
  }

  private static ClosedCaseFigures.SchoolCounts school(ClosedCaseFigures figures, String urn) {
    return figures.schools().stream().filter(s -> s.urn().equals(urn)).findFirst().orElseThrow();
  }

  private static long reason(ClosedCaseFigures figures, String urn, String reason) {
    return school(figures, urn).counts().outcomes().stream()
        .filter(o -> AttendanceCase.NO_LONGER_NEEDED_OUTCOME.equals(o.caseOutcome()))
        .flatMap(o -> o.reasons().stream())
        .filter(r -> reason.equals(r.noLongerNeededReason()))
        .mapToLong(ClosedCaseFigures.ReasonCount::cases).sum();
  }

  private static String noLongerNeeded(RuntimeService runtime, String school, String name, String reason) {
    ProcessInstance instance = new CaseFileCases(runtime).start(school, name, CaseFileCases.newUpn(), "parent-1", "Parent " + name);
    ManagementService management = onPostgres.context().getBean(ManagementService.class);
    management.createJobQuery().processInstanceId(instance.getId()).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
    TaskService tasks = onPostgres.context().getBean(TaskService.class);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(AttendanceCase.INTERVENE_IN_SCHOOL.id()).singleResult().getId(),
        Map.of(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), AttendanceCase.NO_LONGER_NEEDED,
            AttendanceCase.NO_LONGER_NEEDED_REASON.name(), reason,
            AttendanceCase.NO_LONGER_NEEDED_EXPLANATION.name(), "The family told the school and the new council confirmed it"));
    management.createJobQuery().processInstanceId(instance.getId()).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
    return instance.getId();
  }
}
