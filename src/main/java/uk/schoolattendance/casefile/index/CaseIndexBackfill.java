package uk.schoolattendance.casefile.index;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.SqlLists;

/**
 * Adds to the case file's search table every attendance case that is not in it: cases that
 * existed before the table (an upgraded council database), open, waiting or closed, and a row
 * left incomplete by an earlier version (a change to such a case wrote only the changed columns).
 * Runs when a node starts, in batches of {@value #BATCH} cases, each batch in its own transaction
 * holding the lock of {@code cf_case_backfill} (V250): nodes starting together take turns, and a
 * case is read from the engine and written while no change to it can slip between (a change to a
 * case not yet in the table waits for the same lock, {@link CaseIndexWriter}). Idempotent: a case
 * in the table is never read again, so a second start indexes nothing.
 */
@Component
public class CaseIndexBackfill {

  static final int BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(CaseIndexBackfill.class);

  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final CaseIndexWriter writer;
  private final boolean onStart;
  /** The authority's zone ({@code attendance.calendar.zone}): a date of birth kept as a Date is its day there. */
  private final java.time.ZoneId zone;

  CaseIndexBackfill(
      HistoryService history,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      CaseIndexWriter writer,
      uk.schoolattendance.schools.CalendarProperties calendar,
      @Value("${attendance.casefile.index.backfill-on-start:true}") boolean onStart) {
    this.zone = calendar.zone();
    this.history = history;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.writer = writer;
    this.onStart = onStart;
  }

  @EventListener
  @Order(20)
  public void onStart(ApplicationReadyEvent event) {
    if (onStart) {
      int indexed = run();
      if (indexed > 0) {
        LOG.info("Added {} existing cases to the case file's search table", indexed);
      }
    }
  }

  /** Indexes every case missing from the search table; the number this call indexed. */
  public int run() {
    int total = 0;
    String after = "";
    while (true) {
      String from = after;
      Batch batch = transactions.execute(status -> batch(from));
      total += batch.indexed();
      if (batch.last() == null) {
        return total;
      }
      after = batch.last();
    }
  }

  /** What one batch did: how many cases it indexed, and the last id it looked at (null: no more). */
  private record Batch(int indexed, String last) {}

  private Batch batch(String after) {
    jdbc.queryForObject("SELECT id FROM cf_case_backfill WHERE id = 1 FOR UPDATE", Integer.class);
    List<String> ids = jdbc.queryForList(
        "SELECT p.ID_ FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = ? AND p.ID_ > ?"
            + " AND NOT EXISTS (SELECT 1 FROM cf_case c WHERE c.process_instance_id = p.ID_ AND c.opened_at IS NOT NULL)"
            + " ORDER BY p.ID_ FETCH FIRST " + BATCH + " ROWS ONLY",
        String.class, AttendanceCase.KEY, after);
    if (ids.isEmpty()) {
      return new Batch(0, null);
    }
    forget(ids);
    writer.write(changes(ids));
    return new Batch(ids.size(), ids.get(ids.size() - 1));
  }

  /** An incomplete row's tasks, timers, words and parents go; the batch writes them whole. */
  private void forget(List<String> ids) {
    String in = " WHERE process_instance_id IN (" + SqlLists.placeholders(ids.size()) + ")";
    for (String table : List.of("cf_case_task_candidate", "cf_case_task", "cf_case_timer", "cf_case_word", "cf_case_parent")) {
      jdbc.update("DELETE FROM " + table + in, ids.toArray());
    }
  }

  private CaseIndexChanges changes(List<String> ids) {
    CaseIndexChanges changes = new CaseIndexChanges();
    String[] idArray = ids.toArray(String[]::new);
    for (HistoricProcessInstance instance :
        history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).listPage(0, ids.size())) {
      CaseIndexChanges.CaseChange change = changes.caseChange(instance.getId());
      change.whole = true;
      CaseIndexHandler.COLUMNS.values().forEach(column -> change.set(column, null));
      List.of("pupil_name", "pupil_name_key", "pupil_date_of_birth").forEach(column -> change.set(column, null));
      change.set("case_reference", instance.getBusinessKey());
      change.set("opened_at", timestamp(instance.getStartTime()));
      change.set("closed_at", timestamp(instance.getEndTime()));
      change.pupilNameChanged = true;
      change.parents = List.of();
      change.parentsChanged = true;
    }
    String[] names = Stream.concat(CaseIndexHandler.COLUMNS.keySet().stream(), CaseIndexHandler.KEPT.stream())
        .toArray(String[]::new);
    // the case's own variables (not a sub-process's local ones of the same name)
    for (HistoricVariableInstance variable :
        history.createHistoricVariableInstanceQuery().processInstanceIdIn(idArray).executionIdIn(idArray)
            .variableNameIn(names).listPage(0, ids.size() * names.length)) {
      CaseIndexChanges.CaseChange change = changes.cases.get(variable.getProcessInstanceId());
      if (change != null) {
        variable(change, variable.getName(), variable.getValue());
      }
    }
    tasks(changes, ids);
    timers(changes, ids);
    return changes;
  }

  private void variable(CaseIndexChanges.CaseChange change, String name, Object value) {
    if (name.equals(AttendanceCase.PUPIL_NAME.name())) {
      change.pupilName = value == null ? null : value.toString();
      change.set("pupil_name", change.pupilName);
      change.set("pupil_name_key", NameWords.key(change.pupilName));
    } else if (name.equals(AttendanceCase.PUPIL_DATE_OF_BIRTH.name())) {
      change.set("pupil_date_of_birth", CaseIndexChanges.day(day(value)));
    } else if (name.equals(AttendanceCase.PARENTS.name())) {
      change.parents = parents(value, zone);
    } else if (name.equals(AttendanceCase.LEVEL.name())) {
      change.set("level_no", value instanceof Number number ? number.intValue() : null);
    } else if (name.equals(AttendanceCase.ATTENDANCE_PERCENT.name())) {
      change.set("attendance_percent", value instanceof Number number ? number.doubleValue() : null);
    } else {
      String text = value == null ? null : value.toString();
      change.set(CaseIndexHandler.COLUMNS.get(name), text == null || text.length() <= 4000 ? text : text.substring(0, 4000));
    }
  }

  /** The open user tasks of the cases and of the processes they called, with their candidates. */
  private void tasks(CaseIndexChanges changes, List<String> ids) {
    Map<String, String> caseOfTask = new HashMap<>();
    jdbc.query(
        "SELECT t.ID_, e.ROOT_PROC_INST_ID_, t.NAME_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.DUE_DATE_, t.CREATE_TIME_"
            + " FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
            + " WHERE e.ROOT_PROC_INST_ID_ IN (" + SqlLists.placeholders(ids.size()) + ")",
        rs -> {
          String taskId = rs.getString(1);
          caseOfTask.put(taskId, rs.getString(2));
          changes.tasks.put(taskId, new CaseIndexChanges.TaskState(
              taskId, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getTimestamp(6), rs.getTimestamp(7), false, false));
        },
        ids.toArray());
    for (List<String> chunk : CaseIndex.chunks(caseOfTask.keySet())) {
      jdbc.query(
          "SELECT TASK_ID_, GROUP_ID_, USER_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate'"
              + " AND TASK_ID_ IN (" + SqlLists.placeholders(chunk.size()) + ")",
          rs -> {
            String taskId = rs.getString(1);
            String group = rs.getString(2);
            changes.candidates.add(new CaseIndexChanges.Candidate(
                taskId, caseOfTask.get(taskId), group != null ? 'g' : 'u', group != null ? group : rs.getString(3), true));
          },
          chunk.toArray());
    }
  }

  /** The timers the cases (and the processes they called) wait on. */
  private void timers(CaseIndexChanges changes, List<String> ids) {
    jdbc.query(
        "SELECT j.ID_, j.ROOT_PROC_INST_ID_, j.PROCESS_DEF_ID_, d.ACT_ID_, j.DUEDATE_"
            + " FROM ACT_RU_JOB j LEFT JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
            + " WHERE j.TYPE_ = 'timer' AND j.ROOT_PROC_INST_ID_ IN (" + SqlLists.placeholders(ids.size()) + ")",
        rs -> {
          changes.timers.put(rs.getString(1), new CaseIndexChanges.Timer(
              rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5), false));
        },
        ids.toArray());
  }

  /** A date of birth kept as a Date (the contract) or as ISO-8601 text (Tasklist's forms). */
  private LocalDate day(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    if (value instanceof String text && text.length() >= 10) {
      try {
        return LocalDate.parse(text.substring(0, 10));
      } catch (java.time.DateTimeException notIso) {
        return null;
      }
    }
    return value instanceof LocalDate day ? day : null;
  }

  private static List<Parent> parents(Object value, java.time.ZoneId zone) {
    if (value == null) {
      return List.of();
    }
    try {
      return new ArrayList<>(Parents.parse(AttendanceCase.PARENTS.name(), Json.parse(AttendanceCase.PARENTS.name(), value), zone));
    } catch (RuntimeException unreadable) {
      return List.of();
    }
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
