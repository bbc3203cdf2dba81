package uk.schoolattendance.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.system.InvalidInputException;

/**
 * "Record level change" ({@code recordLevelChange}): an officer escalated or stepped the case
 * down (message {@code ChangeLevel} with {@code newLevel} 1–4 and {@code changeReason}), or the
 * case returns to Level 3 support (further support, another route). Sets the level the case
 * re-enters at and records who changed it and why. Bad input rolls back the message.
 */
@Component("recordLevelChange")
public class RecordLevelChange implements JavaDelegate {

  private final CasePathway pathway;

  public RecordLevelChange(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object from = execution.getVariable(CasePathway.LEVEL);
    int level = Inputs.integer(execution, "newLevel", 1, 4, null);
    String reason = Inputs.optionalText(execution, "changeReason", 4000);
    if (reason == null) {
      throw new InvalidInputException("changeReason", "is required: say why the level changes");
    }
    execution.setVariable("entryLevel", level);
    execution.setVariable("route", "support-first");
    execution.setVariable("supportOutcome", null);
    execution.setVariable("legalRoute", null);
    execution.setVariable(CasePathway.LEVEL, level);
    pathway.record(execution, "level-changed", "from level " + from + " to " + level + ": " + reason);
  }
}
