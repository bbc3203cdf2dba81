package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.casefile.index.CaseIndexBackfill;
import uk.schoolattendance.casefile.index.CaseRow;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Cases from before the search table (an upgraded database: their rows deleted here) are found
 * after the start-up backfill, open, waiting and closed, with the same rows the engine's events
 * would have written; two nodes backfilling at once index each case once; a change to a case not
 * yet in the table writes no half row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public class CaseIndexBackfillTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseIndex index;
  @Autowired CaseIndexBackfill backfill;

  @Test
  void casesFromBeforeTheSearchTableAreFoundAfterStartUpOnceEach() throws Exception {
    List<ProcessInstance> cases = existingCases(runtimeService, taskService, "Backfill");
    List<String> ids = cases.stream().map(ProcessInstance::getId).toList();
    List<CaseRow> asWritten = index.rows(ids);
    assertThat(asWritten).extracting(CaseRow::state)
        .containsExactly(CaseRow.State.OPEN, CaseRow.State.WAITING, CaseRow.State.CLOSED);
    assertThat(asWritten.get(1).timers()).isNotEmpty();

    forget(jdbc, ids);
    String upn = asWritten.get(0).pupilUpn();
    assertThat(index.byUpn(upn, 10)).isEmpty();
    // a change to a case not yet in the table writes no half row; the backfill takes the new value
    runtimeService.setVariable(ids.get(0), AttendanceCase.PUPIL_NAME.name(), "Bryony Backfill-Renamed");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_case WHERE process_instance_id = ?", Integer.class, ids.get(0)))
        .isZero();

    assertThat(twoNodesAtOnce(backfill)).isEqualTo(ids.size());

    List<CaseRow> backfilled = index.rows(ids);
    assertThat(backfilled.get(0).pupilName()).isEqualTo("Bryony Backfill-Renamed");
    assertThat(backfilled.subList(1, 3)).isEqualTo(asWritten.subList(1, 3));
    assertThat(backfilled.get(0).tasks()).isEqualTo(asWritten.get(0).tasks());
    assertThat(backfilled.get(0).parents()).isEqualTo(asWritten.get(0).parents());
    assertThat(index.byUpn(upn, 10)).containsExactly(ids.get(0));
    assertThat(index.byNameWords(List.of("renamed"), 10)).containsExactly(ids.get(0));
    assertThat(index.byNameWords(List.of("backfill", "cara"), 10)).containsExactly(ids.get(2));
    assertThat(index.byReference(asWritten.get(1).caseReference(), 10)).containsExactly(ids.get(1));
    assertThat(index.siblings(List.of(ids.get(0))).get(ids.get(0))).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    assertThat(backfill.run()).isZero();
  }

  /** An open, a waiting (on its review date) and a closed case of one family. */
  public static List<ProcessInstance> existingCases(RuntimeService runtime, TaskService tasks, String family) {
    CaseFileCases cases = new CaseFileCases(runtime);
    String parent = "PB-" + CaseFileCases.newUpn();
    ProcessInstance open = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Bryony " + family, CaseFileCases.newUpn(), parent, "Pat " + family);
    ProcessInstance waiting = cases.start(CaseFixtures.TRADED_SCHOOL, "Ben " + family, CaseFileCases.newUpn(), parent, "Pat " + family);
    complete(tasks, waiting, Map.of(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), "refer-to-la"));
    complete(tasks, waiting, Map.of(AttendanceCase.ATTENDANCE_TARGET.name(), 92.0));
    ProcessInstance closed = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Cara " + family, CaseFileCases.newUpn(), parent, "Pat " + family);
    runtime.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name())
        .processInstanceId(closed.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Moved out of the area")
        .correlate();
    return List.of(open, waiting, closed);
  }

  private static void complete(TaskService tasks, ProcessInstance instance, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), variables);
  }

  /** What the table held before it existed: nothing of these cases. */
  public static void forget(JdbcTemplate jdbc, List<String> ids) {
    String in = " WHERE process_instance_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
    for (String table : List.of("cf_case_task_candidate", "cf_case_task", "cf_case_timer", "cf_case_word", "cf_case_parent", "cf_case")) {
      jdbc.update("DELETE FROM " + table + in, ids.toArray());
    }
  }

  /** Two nodes starting at once: both backfills finish without an error; the cases each indexed. */
  public static int twoNodesAtOnce(CaseIndexBackfill backfill) throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> start = backfill::run;
      List<Future<Integer>> done = nodes.invokeAll(List.of(start, start));
      return done.get(0).get() + done.get(1).get();
    } finally {
      nodes.shutdown();
    }
  }
}
