package uk.schoolattendance.casefile.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLinkType;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;

/**
 * Keeps the case file's search table ({@code cf_*}, V170) in step with the engine, from the
 * engine's own history events, in the same transaction: an attendance case started, changed
 * (pupil, school, parents, level, stage, outcome, lead officer) or ended; a user task of it (or
 * of a process it called) created, reassigned, given candidates or ended; a timer it waits on
 * created or gone. Nothing in the models has to call it. Each command's changes are gathered and
 * written once, as its transaction commits ({@link CaseIndexWriter}); a command that fails writes
 * nothing.
 */
final class CaseIndexHandler implements HistoryEventHandler {


  /** The case variables the table keeps, with their columns. */
  static final Map<String, String> COLUMNS =
      Map.of(
          AttendanceCase.CASE_REFERENCE.name(), "case_reference",
          AttendanceCase.PUPIL_UPN.name(), "pupil_upn",
          AttendanceCase.SCHOOL_URN.name(), "school_urn",
          AttendanceCase.LEVEL.name(), "level_no",
          AttendanceCase.STAGE.name(), "stage",
          AttendanceCase.ATTENDANCE_PERCENT.name(), "attendance_percent",
          AttendanceCase.CASE_OUTCOME.name(), "case_outcome",
          AttendanceCase.CLOSURE_REASON.name(), "closure_reason",
          AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "no_longer_needed_reason",
          AttendanceCase.CASE_OFFICER.name(), "case_officer");

  static final Set<String> KEPT =
      Set.of(AttendanceCase.PUPIL_NAME.name(), AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), AttendanceCase.PARENTS.name());

  private final CaseIndexWriter writer;
  private final ThreadLocal<Map<CommandContext, CaseIndexChanges>> pending =
      ThreadLocal.withInitial(IdentityHashMap::new);

  /** The authority's zone ({@code attendance.calendar.zone}): a date of birth kept as a Date is its day there. */
  private final ZoneId zone;

  CaseIndexHandler(CaseIndexWriter writer, ZoneId zone) {
    this.writer = writer;
    this.zone = zone;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      variable(variable);
    } else if (event instanceof HistoricTaskInstanceEventEntity task) {
      task(task);
    } else if (event instanceof HistoricIdentityLinkLogEventEntity link) {
      candidate(link);
    } else if (event instanceof HistoricJobLogEvent job) {
      timer(job);
    } else if (event instanceof HistoricProcessInstanceEventEntity instance) {
      instance(instance);
    }
  }

  private void instance(HistoricProcessInstanceEventEntity event) {
    if (!AttendanceCase.KEY.equals(event.getProcessDefinitionKey())) {
      return;
    }
    CaseIndexChanges.CaseChange change = changes().caseChange(event.getProcessInstanceId());
    if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
      change.started = true;
      change.set("opened_at", timestamp(event.getStartTime()));
    }
    if (event.getBusinessKey() != null) {
      change.set("case_reference", event.getBusinessKey());
    }
    if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
      change.set("closed_at", timestamp(event.getEndTime()));
    }
  }

  private void variable(HistoricVariableUpdateEventEntity event) {
    String name = event.getVariableName();
    if (!AttendanceCase.KEY.equals(event.getProcessDefinitionKey()) || (!COLUMNS.containsKey(name) && !KEPT.contains(name))
        || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL)) {
      return;
    }
    boolean deleted = event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE);
    CaseIndexChanges.CaseChange change = changes().caseChange(event.getProcessInstanceId());
    if (name.equals(AttendanceCase.PUPIL_NAME.name())) {
      change.pupilName = deleted ? null : event.getTextValue();
      change.pupilNameChanged = true;
      change.set("pupil_name", change.pupilName);
      change.set("pupil_name_key", NameWords.key(change.pupilName));
    } else if (name.equals(AttendanceCase.PUPIL_DATE_OF_BIRTH.name())) {
      change.set("pupil_date_of_birth", deleted ? null : CaseIndexChanges.day(day(event)));
    } else if (name.equals(AttendanceCase.PARENTS.name())) {
      change.parents = deleted ? List.of() : parents(event, zone);
      change.parentsChanged = true;
    } else {
      change.set(COLUMNS.get(name), deleted ? null : value(name, event));
    }
  }

  private void task(HistoricTaskInstanceEventEntity event) {
    String caseId = event.getRootProcessInstanceId();
    if (caseId == null || event.getTaskId() == null) {
      return;
    }
    boolean ended = event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
        || event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE);
    CaseIndexChanges.TaskState before = changes().tasks.get(event.getTaskId());
    boolean createdHere = event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)
        || (before != null && before.createdHere());
    changes().tasks.put(
        event.getTaskId(),
        new CaseIndexChanges.TaskState(
            event.getTaskId(), caseId, event.getName(), event.getTaskDefinitionKey(), event.getAssignee(),
            event.getDueDate(), event.getStartTime(), ended, createdHere));
  }

  private void candidate(HistoricIdentityLinkLogEventEntity event) {
    if (event.getTaskId() == null || event.getRootProcessInstanceId() == null
        || !IdentityLinkType.CANDIDATE.equals(event.getType())) {
      return;
    }
    boolean added = event.isEventOfType(HistoryEventTypes.IDENTITY_LINK_ADD);
    String caseId = event.getRootProcessInstanceId();
    if (event.getGroupId() != null) {
      changes().candidates.add(new CaseIndexChanges.Candidate(event.getTaskId(), caseId, 'g', event.getGroupId(), added));
    } else if (event.getUserId() != null) {
      changes().candidates.add(new CaseIndexChanges.Candidate(event.getTaskId(), caseId, 'u', event.getUserId(), added));
    }
  }

  private void timer(HistoricJobLogEvent event) {
    String type = event.getJobDefinitionType();
    String caseId = event.getRootProcessInstanceId();
    if (type == null || !type.startsWith("timer") || caseId == null || event.getJobId() == null) {
      return;
    }
    // a job log event tells its kind by its state (its event type is not set)
    boolean created = event.getState() == JobState.CREATED.getStateCode();
    boolean gone = event.getState() == JobState.SUCCESSFUL.getStateCode() || event.getState() == JobState.DELETED.getStateCode();
    if (created || gone) {
      changes().timers.put(
          event.getJobId(),
          new CaseIndexChanges.Timer(
              event.getJobId(), caseId, event.getProcessDefinitionId(), event.getActivityId(), event.getJobDueDate(), gone));
    }
  }

  /**
   * The changes of the running command, written just before its transaction commits (after the
   * engine has written its own rows); dropped when it rolls back.
   */
  private CaseIndexChanges changes() {
    CommandContext context = Context.getCommandContext();
    Map<CommandContext, CaseIndexChanges> open = pending.get();
    CaseIndexChanges changes = open.get(context);
    if (changes == null) {
      CaseIndexChanges created = new CaseIndexChanges();
      open.put(context, created);
      context.getTransactionContext().addTransactionListener(
          TransactionState.COMMITTING,
          committing -> {
            pending.get().remove(context);
            if (!created.isEmpty()) {
              writer.write(created);
            }
          });
      context.getTransactionContext().addTransactionListener(
          TransactionState.ROLLED_BACK, rolledBack -> pending.get().remove(context));
      changes = created;
    }
    return changes;
  }

  private static Object value(String name, HistoricVariableUpdateEventEntity event) {
    if (name.equals(AttendanceCase.LEVEL.name())) {
      return event.getLongValue() == null ? null : event.getLongValue().intValue();
    }
    if (name.equals(AttendanceCase.ATTENDANCE_PERCENT.name())) {
      return event.getDoubleValue() != null ? event.getDoubleValue()
          : event.getLongValue() != null ? event.getLongValue().doubleValue() : null;
    }
    String text = event.getTextValue();
    return text == null ? null : text.length() > 4000 ? text.substring(0, 4000) : text;
  }

  /** A date of birth kept as a Date (the contract) or as ISO-8601 text (Tasklist's forms). */
  LocalDate day(HistoricVariableUpdateEventEntity event) {
    String text = event.getTextValue();
    if (text != null && text.length() >= 10) {
      try {
        return LocalDate.parse(text.substring(0, 10));
      } catch (java.time.DateTimeException notIso) {
        return null;
      }
    }
    Long millis = event.getLongValue();
    return millis == null ? null : Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
  }

  private static List<Parent> parents(HistoricVariableUpdateEventEntity event, ZoneId zone) {
    String json = event.getByteValue() != null ? new String(event.getByteValue(), StandardCharsets.UTF_8) : event.getTextValue();
    if (json == null) {
      return List.of();
    }
    try {
      JsonNode node = Json.parse(AttendanceCase.PARENTS.name(), json);
      return Parents.parse(AttendanceCase.PARENTS.name(), node, zone);
    } catch (RuntimeException unreadable) {
      return List.of();
    }
  }

  private static java.sql.Timestamp timestamp(Date date) {
    return date == null ? null : new java.sql.Timestamp(date.getTime());
  }
}
