package uk.schoolattendance.casework;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Start listener of AttendanceCase ({@code caseStart}): refuses a start with a missing or
 * invalid variable (the whole start rolls back, nothing is created), fills the defaults,
 * builds {@code parents} from the start form's fields, allocates the case reference when the
 * caller gave no business key, and opens the case's level, stage and history.
 */
@Component("caseStart")
public class CaseStartListener implements ExecutionListener {

  static final List<String> ROUTES = List.of("support-first", "term-time-leave");

  private final SchoolDirectory schools;
  private final CaseReferences references;
  private final CasePathway pathway;

  public CaseStartListener(SchoolDirectory schools, CaseReferences references, CasePathway pathway) {
    this.schools = schools;
    this.references = references;
    this.pathway = pathway;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String upn = Inputs.requiredText(execution, "pupilUpn", 20).toUpperCase(java.util.Locale.ROOT);
    String problem = Upn.problem(upn);
    if (problem != null) {
      throw new InvalidInputException("pupilUpn", problem);
    }
    Inputs.store(execution, "pupilUpn", upn);
    Inputs.requiredText(execution, "pupilName", 200);
    String urn = Inputs.requiredText(execution, "schoolUrn", 6);
    if (!urn.matches("\\d{6}")) {
      throw new InvalidInputException("schoolUrn", "must be the school's 6-digit URN");
    }
    if (!schools.isKnown(urn)) {
      throw new InvalidInputException("schoolUrn", "no school with URN " + urn + " is served by this authority");
    }
    Inputs.oneOf(execution, "route", ROUTES, "support-first");
    int entryLevel = Inputs.integer(execution, "entryLevel", 1, 4, 1);
    double attendance = Inputs.percent(execution, "attendancePercent", true);
    Inputs.integer(execution, "unauthorisedSessions", 0, 1000, null);
    Parents.validate(execution);
    Boolean previousNotice = Inputs.bool(execution, "previousNoticeToImprove", false);
    Inputs.store(execution, "previousNoticeToImprove", Boolean.TRUE.equals(previousNotice));
    Inputs.optionalText(execution, "supportSoFar", 4000);

    String reference = caseReference(execution);
    execution.setVariable("caseReference", reference);
    execution.setVariable(
        "attendanceBand",
        Decisions.attendanceBand(execution.getProcessEngineServices().getDecisionService(), attendance));
    execution.setVariable("openedOn", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
    execution.setVariable("reviewCount", 0);
    execution.setVariable(CasePathway.LEVEL, entryLevel);
    execution.setVariable(CasePathway.STAGE, Stage.MONITOR.value());
    pathway.record(
        execution,
        "case-opened",
        "term-time-leave".equals(execution.getVariable("route"))
            ? "term-time leave"
            : "entry at level " + entryLevel);
  }

  private String caseReference(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      key = references.next();
      execution.setProcessBusinessKey(key);
    } else if (key.length() > 64) {
      throw new InvalidInputException("businessKey", "the case reference must be at most 64 characters");
    }
    long existing =
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey("AttendanceCase")
            .processInstanceBusinessKey(key)
            .count();
    if (existing > 0) {
      throw new InvalidInputException("businessKey", "case reference " + key + " is already in use");
    }
    return key;
  }
}
