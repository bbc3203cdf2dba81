package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.CHANGE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.HISTORY;
import static uk.schoolattendance.casework.AttendanceCase.LEGAL_ROUTE;
import static uk.schoolattendance.casework.AttendanceCase.LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.NEW_LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.STAGE;
import static uk.schoolattendance.casework.AttendanceCase.SUPPORT_OUTCOME;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.process.Json;

/**
 * Where a case stands: {@code level} (Integer 1–5), {@code stage} (the DfE stage in
 * kebab-case) and the Json {@code history} list of {@code {date, level, stage, event, by,
 * reason}} that Cockpit, reports and forms show. Called from execution listeners in
 * AttendanceCase.bpmn as {@code casePathway}.
 */
@Component("casePathway")
public class CasePathway {

  /** The authority's zone ({@code attendance.calendar.zone}): the day of a history entry is its day there. */
  private final java.time.ZoneId zone;

  public CasePathway(uk.schoolattendance.schools.CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  /** The case reaches a level's work: sets level and its stage and records the event. */
  public void enter(DelegateExecution execution, int level, String event) {
    enter(execution, level, Stage.ofLevel(level).value(), event);
  }

  /** As {@link #enter(DelegateExecution, int, String)} with an explicit stage (formalise-support). */
  public void enter(DelegateExecution execution, int level, String stage, String event) {
    Stage.of(stage);
    LEVEL.set(execution, level);
    STAGE.set(execution, stage);
    record(execution, event, null);
  }

  /** Appends one entry to the case's history at the current level and stage. */
  public void record(VariableScope scope, String event, String reason) {
    ArrayNode history = Json.list(HISTORY.get(scope));
    entry(history, LEVEL.get(scope), STAGE.get(scope), event, currentUser(scope), reason);
    HISTORY.set(scope, history);
    if (NoticeToImproveReceipts.ISSUED.equals(event)
        && AttendanceCase.PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN.get(scope) != null) {
      // a Notice to Improve to every parent the case now has: none is left without one (review 2, S4)
      NoticeToImproveReceipts.show(scope, history, zone);
    }
  }

  /** Adds an entry {@code {date, level, stage, event, by, reason}} (dated now) to a history list. */
  public static ObjectNode entry(ArrayNode history, Integer level, String stage, String event, String by, String reason) {
    ObjectNode entry = history.addObject();
    entry.put("date", EngineClock.now().toInstant().toString());
    if (level == null) {
      entry.putNull("level");
    } else {
      entry.put("level", level.intValue());
    }
    entry.put("stage", stage);
    entry.put("event", event);
    entry.put("by", by);
    if (reason == null) {
      entry.putNull("reason");
    } else {
      entry.put("reason", reason);
    }
    return entry;
  }

  /** A flow back into the levels (further support, another route) asks for a level with a reason. */
  public void requestLevel(DelegateExecution execution, int level, String reason) {
    NEW_LEVEL.set(execution, level);
    CHANGE_REASON.set(execution, reason);
  }

  /** The support part of the case ends: improved, further-support or legal-route. */
  public void supportEnded(DelegateExecution execution, String outcome) {
    SUPPORT_OUTCOME.set(execution, outcome);
  }

  /** The term-time leave route with the threshold met goes straight to penalty notices. */
  public void penaltyNoticesWithoutNotice(DelegateExecution execution) {
    LEGAL_ROUTE.set(execution, AttendanceCase.PENALTY_NOTICE);
    SUPPORT_OUTCOME.set(execution, "legal-route");
    record(execution, "penalty-notices-considered", "term-time leave: national threshold met, no Notice to Improve needed");
  }

  static String currentUser(VariableScope scope) {
    if (scope instanceof ProcessEngineServicesAware aware) {
      var authentication = aware.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (authentication != null && authentication.getUserId() != null) {
        return authentication.getUserId();
      }
    }
    if (scope instanceof DelegateTask task && task.getAssignee() != null) {
      return task.getAssignee();
    }
    return "system";
  }
}
