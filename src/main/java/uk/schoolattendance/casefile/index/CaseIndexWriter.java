package uk.schoolattendance.casefile.index;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.schoolattendance.engine.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.persons.AddressWords;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.SqlLists;

/**
 * Writes one command's {@link CaseIndexChanges} to the search table, inside the command's own
 * transaction (the engine and this writer share the data source and Spring's transaction). A
 * task or timer of a process that no attendance case called (a Targeting Support Meeting) has
 * no case row and is left out.
 */
@Component
class CaseIndexWriter {

  /** The ids the start form gives a case's own parents: they name no person across cases. */
  static final Pattern CASE_LOCAL_PARENT = Pattern.compile("parent-\\d+");

  private final JdbcTemplate jdbc;

  /**
   * Its own JdbcTemplate on the data source: the engine (which holds this writer in a plugin) is
   * made before Flyway runs, and Spring Boot's JdbcTemplate waits for Flyway. Spring's transaction
   * binds one connection to the thread, so the writer still writes in the engine's transaction.
   */
  CaseIndexWriter(javax.sql.DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void write(CaseIndexChanges changes) {
    Timestamp now = new Timestamp(EngineClock.now().getTime());
    changes.cases.values().forEach(change -> writeCase(change, now));
    changes.tasks.values().forEach(this::writeTask);
    writeCandidates(changes.candidates);
    changes.timers.values().forEach(this::writeTimer);
  }

  private void writeCase(CaseIndexChanges.CaseChange change, Timestamp now) {
    List<String> columns = new ArrayList<>(change.columns.keySet());
    List<Object> values = new ArrayList<>();
    for (String column : columns) {
      Object value = change.columns.get(column);
      values.add(value == CaseIndexChanges.CLEARED ? null : value);
    }
    columns.add("updated_at");
    values.add(now);
    // a case started in this command has no row, words or parents yet: insert at once
    boolean insert = change.started;
    if (!insert) {
      StringBuilder update = new StringBuilder("UPDATE cf_case SET ");
      for (int i = 0; i < columns.size(); i++) {
        update.append(i == 0 ? "" : ", ").append(columns.get(i)).append(" = ?");
      }
      update.append(" WHERE process_instance_id = ?");
      List<Object> updateValues = new ArrayList<>(values);
      updateValues.add(change.caseId);
      if (jdbc.update(update.toString(), updateValues.toArray()) == 0) {
        insert = change.whole;
        if (!insert) {
          // A case from before the search table: the backfill adds it whole (CaseIndexBackfill).
          // Should it be adding it now, wait for its batch and then change the row it wrote.
          jdbc.queryForObject("SELECT id FROM cf_case_backfill WHERE id = 1 FOR UPDATE", Integer.class);
          if (jdbc.update(update.toString(), updateValues.toArray()) == 0) {
            return;
          }
        }
      }
    }
    if (insert) {
      columns.add(0, "process_instance_id");
      values.add(0, change.caseId);
      jdbc.update(
          "INSERT INTO cf_case (" + String.join(", ", columns) + ") VALUES " + SqlLists.row(columns.size()),
          values.toArray());
    }
    // the case's words, pupil's and parents', in one statement
    Map<String, Set<String>> words = new LinkedHashMap<>();
    if (change.pupilNameChanged) {
      words.put("p", NameWords.words(change.pupilName));
    }
    if (change.parentsChanged) {
      if (!change.started) {
        jdbc.update("DELETE FROM cf_case_parent WHERE process_instance_id = ?", change.caseId);
      }
      Set<String> parentWords = new LinkedHashSet<>();
      Set<String> addressWords = new LinkedHashSet<>();
      List<Object[]> rows = new ArrayList<>();
      for (Parent parent : change.parents) {
        // the relationship with the row, so a search that matched it names the parent as the row has them
        rows.add(new Object[] {change.caseId, parent.id(), parent.name(), familyKey(parent.id()), parent.standing().relationship()});
        parentWords.addAll(NameWords.words(parent.name()));
        addressWords.addAll(AddressWords.words(parent.address()));
      }
      insertRows("cf_case_parent (process_instance_id, parent_id, parent_name, family_key, relationship)", rows);
      words.put("r", parentWords);
      // the words of where they live, for "Find a pupil" by address (never matched as a name)
      words.put(CaseIndex.ADDRESS_WORDS, addressWords);
    }
    words(change, words);
  }

  /** Replaces the case's words of each source given (a case started here has none to delete). */
  private void words(CaseIndexChanges.CaseChange change, Map<String, Set<String>> wordsBySource) {
    String caseId = change.caseId;
    List<Object[]> rows = new ArrayList<>();
    if (!change.started && !wordsBySource.isEmpty()) {
      // every source replaced in one statement (the parents' names and their addresses change together)
      List<Object> args = new ArrayList<>();
      args.add(caseId);
      args.addAll(wordsBySource.keySet());
      jdbc.update(
          "DELETE FROM cf_case_word WHERE process_instance_id = ? AND source IN ("
              + SqlLists.placeholders(wordsBySource.size()) + ")",
          args.toArray());
    }
    wordsBySource.forEach((source, words) -> words.forEach(word -> rows.add(new Object[] {word, caseId, source})));
    insertRows("cf_case_word (word, process_instance_id, source)", rows);
  }

  /**
   * Inserts the rows in one statement, a multi-row {@code VALUES} (H2 and PostgreSQL): one round
   * trip where a JDBC batch sends one statement per row. Nothing when there are no rows.
   */
  private void insertRows(String tableAndColumns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.update(
        "INSERT INTO " + tableAndColumns + " VALUES " + SqlLists.rows(rows.size(), rows.get(0).length),
        rows.stream().flatMap(Arrays::stream).toArray());
  }

  /**
   * A task created in this command has no row yet: it is inserted at once (and one that also
   * ended in it is never written); any other is updated, or inserted when it has no row (a task
   * of a case from before the search table).
   */
  private void writeTask(CaseIndexChanges.TaskState task) {
    if (task.ended()) {
      if (!task.createdHere()) {
        // its candidates go with it (ON DELETE CASCADE, V300)
        jdbc.update("DELETE FROM cf_case_task WHERE task_id = ?", task.taskId());
      }
      return;
    }
    if (task.createdHere()
        || jdbc.update(
                "UPDATE cf_case_task SET task_name = ?, task_key = ?, assignee = ?, due_at = ? WHERE task_id = ?",
                task.name(), task.key(), task.assignee(), timestamp(task.due()), task.taskId())
            == 0) {
      jdbc.update(
          "INSERT INTO cf_case_task (task_id, process_instance_id, task_name, task_key, assignee, due_at, created_at)"
              + " SELECT ?, ?, ?, ?, ?, ?, ? FROM cf_case WHERE process_instance_id = ?",
          task.taskId(), task.caseId(), task.name(), task.key(), task.assignee(), timestamp(task.due()),
          timestamp(task.created()), task.caseId());
    }
  }

  /**
   * In the order the engine changed them: each run of candidates added to one task in one
   * statement (a traded school's task has its group and its officer), each removal on its own.
   */
  private void writeCandidates(List<CaseIndexChanges.Candidate> candidates) {
    List<CaseIndexChanges.Candidate> run = new ArrayList<>();
    for (CaseIndexChanges.Candidate candidate : candidates) {
      if (!run.isEmpty() && (!candidate.added() || !candidate.taskId().equals(run.get(0).taskId()))) {
        addCandidates(run);
        run.clear();
      }
      if (candidate.added()) {
        run.add(candidate);
      } else {
        jdbc.update(
            "DELETE FROM cf_case_task_candidate WHERE task_id = ? AND kind = ? AND candidate = ?",
            candidate.taskId(), String.valueOf(candidate.kind()), candidate.id());
      }
    }
    addCandidates(run);
  }

  /** Candidates of one task, each once, to a task that has a row and not already holding them. */
  private void addCandidates(List<CaseIndexChanges.Candidate> run) {
    Set<List<String>> distinct = new LinkedHashSet<>();
    run.forEach(candidate -> distinct.add(List.of(String.valueOf(candidate.kind()), candidate.id())));
    if (distinct.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>();
    distinct.forEach(args::addAll);
    args.add(run.get(0).taskId());
    jdbc.update(
        "INSERT INTO cf_case_task_candidate (task_id, kind, candidate, process_instance_id)"
            + " SELECT t.task_id, c.kind, c.candidate, t.process_instance_id FROM cf_case_task t,"
            + " (VALUES " + SqlLists.rows(distinct.size(), 2)
            + ") c (kind, candidate) WHERE t.task_id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM cf_case_task_candidate k WHERE k.task_id = t.task_id AND k.kind = c.kind"
            + " AND k.candidate = c.candidate)",
        args.toArray());
  }

  private void writeTimer(CaseIndexChanges.Timer timer) {
    if (timer.gone()) {
      jdbc.update("DELETE FROM cf_case_timer WHERE job_id = ?", timer.jobId());
      return;
    }
    jdbc.update(
        "INSERT INTO cf_case_timer (job_id, process_instance_id, process_definition_id, activity_id, due_at)"
            + " SELECT ?, ?, ?, ?, ? FROM cf_case WHERE process_instance_id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM cf_case_timer WHERE job_id = ?)",
        timer.jobId(), timer.caseId(), timer.processDefinitionId(), timer.activityId(), timestamp(timer.due()),
        timer.caseId(), timer.jobId());
  }

  /** The parent's id when it names a person across cases; null for a case's own {@code parent-1}. */
  static String familyKey(String parentId) {
    return parentId == null || CASE_LOCAL_PARENT.matcher(parentId).matches() ? null : parentId;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
