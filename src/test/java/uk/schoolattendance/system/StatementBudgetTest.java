package uk.schoolattendance.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SQL statements of one Level 2 case, held to a budget, so a change cannot make every case
 * cost more unnoticed (docs/benchmarks.md, section 1, "The statement budget"). The case is the
 * cost benchmark's (ProductBenchmark, (1)), driven the same way: started with validation, the
 * school check and the AttendanceBand decision, the attendance meeting, the review timer's job
 * executed by the test, the review with its target met, the case closed. Only the statements this
 * test's thread sends count ({@link StatementCounter#onThisThread}), so other threads and other
 * tests of the shared context never do; a first case before it fills the caches a running
 * service has warm (the decisions' definitions, its parents as persons), as the benchmark's
 * warm-up does.
 *
 * <p>A change that adds statements to a case fails here with the statements that grew, by kind
 * and table; if they are wanted, raise {@link #BUDGET} in the same commit and say why in
 * docs/benchmarks.md. A change that removes some lowers it, so the budget stays tight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class StatementBudgetTest {

  /** Statements per case, by kind and table, as the benchmark measures them. */
  static final String BUDGET = """
      26 insert ACT_HI_VARINST
      22 delete ACT_RU_VARIABLE
      22 insert ACT_RU_VARIABLE
      18 insert ACT_HI_ACTINST
      16 insert ACT_HI_DETAIL
      9 insert ACT_GE_BYTEARRAY
      8 select ACT_RU_TASK
      7 select ACT_RU_EXECUTION
      6 update ACT_HI_ACTINST
      6 update ACT_HI_VARINST
      5 delete ACT_GE_BYTEARRAY
      5 select ACT_GE_BYTEARRAY
      5 select ACT_HI_ACTINST
      5 select ACT_HI_VARINST
      5 select ACT_RU_VARIABLE
      4 delete ACT_RU_EXECUTION
      4 insert ACT_HI_DEC_IN
      4 insert ACT_RU_AUTHORIZATION
      4 insert ACT_RU_EXECUTION
      4 select ACT_RE_PROCDEF
      3 delete ACT_RU_AUTHORIZATION
      3 delete ACT_RU_EVENT_SUBSCR
      3 insert ACT_HI_DECINST
      3 insert ACT_HI_DEC_OUT
      3 insert ACT_RU_EVENT_SUBSCR
      3 select ACT_RE_DECISION_DEF
      3 select ACT_RU_JOB
      3 update ACT_HI_TASKINST
      2 delete ACT_RU_IDENTITYLINK
      2 delete ACT_RU_TASK
      2 delete CF_CASE_TASK
      2 insert ACT_HI_IDENTITYLINK
      2 insert ACT_HI_JOB_LOG
      2 insert ACT_HI_TASKINST
      2 insert ACT_RU_IDENTITYLINK
      2 insert ACT_RU_TASK
      2 insert CF_CASE_TASK
      2 insert CF_CASE_TASK_CANDIDATE
      2 select ACT_HI_PROCINST
      2 select ACT_HI_TASKINST
      2 select ACT_RU_EVENT_SUBSCR
      2 select ACT_RU_IDENTITYLINK
      2 select ACT_RU_JOBDEF
      2 update ACT_HI_PROCINST
      2 update ACT_RU_EXECUTION
      1 delete ACT_RU_JOB
      1 delete AC_OPEN_CASE
      1 delete CF_CASE_TIMER
      1 insert ACT_HI_PROCINST
      1 insert ACT_RU_JOB
      1 insert AC_OPEN_CASE
      1 insert CF_CASE
      1 insert CF_CASE_PARENT
      1 insert CF_CASE_TIMER
      1 insert CF_CASE_WORD
      1 select ACT_RU_INCIDENT
      1 select ATT_MARK
      1 select PERSON
      1 update ACT_GE_BYTEARRAY
      1 update ACT_HI_ATTACHMENT
      1 update ACT_HI_COMMENT
      1 update ACT_HI_DECINST
      1 update ACT_HI_DEC_IN
      1 update ACT_HI_DEC_OUT
      1 update ACT_HI_DETAIL
      1 update ACT_HI_EXT_TASK_LOG
      1 update ACT_HI_IDENTITYLINK
      1 update ACT_HI_INCIDENT
      1 update ACT_HI_JOB_LOG
      1 update ACT_HI_OP_LOG
      1 update ACT_RU_AUTHORIZATION
      1 update ACT_RU_VARIABLE
      1 update CF_CASE
      """;

  @Autowired ProcessEngine engine;

  @Test
  void aLevel2CaseStaysWithinItsStatementBudget() {
    ProductBenchmark.targetMetCase(engine, reference());
    Map<String, Long> statements = StatementCounter.onThisThread(() -> ProductBenchmark.targetMetCase(engine, reference()));

    Map<String, Long> budget = budget();
    long total = statements.values().stream().mapToLong(Long::longValue).sum();
    long allowed = budget.values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).as(() -> againstTheBudget(statements, budget, total, allowed)).isLessThanOrEqualTo(allowed);
  }

  private static String reference() {
    return "AC-BUDGET-" + UUID.randomUUID();
  }

  static Map<String, Long> budget() {
    Map<String, Long> budget = new TreeMap<>();
    BUDGET.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
      int space = line.indexOf(' ');
      budget.put(line.substring(space + 1), Long.parseLong(line.substring(0, space)));
    });
    return budget;
  }

  /** Each kind whose count differs from its budget, then the whole count as the budget would list it. */
  static String againstTheBudget(Map<String, Long> statements, Map<String, Long> budget, long total, long allowed) {
    StringBuilder text = new StringBuilder()
        .append("one Level 2 case sent ").append(total).append(" SQL statements; its budget is ").append(allowed)
        .append(". By kind and table, budget -> now:\n");
    TreeSet<String> kinds = new TreeSet<>(budget.keySet());
    kinds.addAll(statements.keySet());
    for (String kind : kinds) {
      long was = budget.getOrDefault(kind, 0L);
      long now = statements.getOrDefault(kind, 0L);
      if (was != now) {
        text.append(String.format("  %-32s %3d -> %3d (%+d)%n", kind, was, now, now - was));
      }
    }
    text.append("The case's statements now (StatementBudgetTest.BUDGET's form):\n");
    statements.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(entry -> text.append("      ").append(entry.getValue()).append(' ').append(entry.getKey()).append('\n'));
    return text.toString();
  }
}
