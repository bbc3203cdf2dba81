package uk.schoolattendance.casefile.index;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.schoolattendance.process.Parent;

/**
 * What one engine command changed of the case file's search table, gathered from the command's
 * history events and written once when the command ends ({@link CaseIndexWriter}): the last value
 * of each field of each case, the last state of each task, the timers created and gone.
 */
final class CaseIndexChanges {

  /** The fields of a case row that changed; a value of {@link #CLEARED} sets null. */
  static final class CaseChange {
    final String caseId;
    boolean started;
    /** Every column, read from the engine by the backfill. */
    boolean whole;
    final Map<String, Object> columns = new LinkedHashMap<>();
    String pupilName;
    boolean pupilNameChanged;
    List<Parent> parents;
    boolean parentsChanged;

    CaseChange(String caseId) {
      this.caseId = caseId;
    }

    void set(String column, Object value) {
      columns.put(column, value == null ? CLEARED : value);
    }
  }

  /** The latest state of an open task, or its end. */
  record TaskState(
      String taskId, String caseId, String name, String key, String assignee, Date due, Date created, boolean ended,
      boolean createdHere) {}

  /** A candidate added to or removed from a task. */
  record Candidate(String taskId, String caseId, char kind, String id, boolean added) {}

  /** A timer created (with its due date) or gone (fired or cancelled). */
  record Timer(String jobId, String caseId, String processDefinitionId, String activityId, Date due, boolean gone) {}

  static final Object CLEARED = new Object();

  final Map<String, CaseChange> cases = new LinkedHashMap<>();
  final Map<String, TaskState> tasks = new LinkedHashMap<>();
  final List<Candidate> candidates = new java.util.ArrayList<>();
  final Map<String, Timer> timers = new LinkedHashMap<>();

  CaseChange caseChange(String caseId) {
    return cases.computeIfAbsent(caseId, CaseChange::new);
  }

  boolean isEmpty() {
    return cases.isEmpty() && tasks.isEmpty() && candidates.isEmpty() && timers.isEmpty();
  }

  static java.sql.Date day(LocalDate day) {
    return day == null ? null : java.sql.Date.valueOf(day);
  }
}
