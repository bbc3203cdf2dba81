package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.CHANGE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.ENTRY_LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.LEGAL_ROUTE;
import static uk.schoolattendance.casework.AttendanceCase.LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.NEW_LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.ROUTE;
import static uk.schoolattendance.casework.AttendanceCase.SUPPORT_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

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
    Integer from = LEVEL.get(execution);
    int level = Inputs.wholeNumber(execution, NEW_LEVEL, 1, 4, null);
    String reason = Inputs.optionalText(execution, CHANGE_REASON, Inputs.TEXT_MAX);
    if (reason == null) {
      throw new InvalidInputException(CHANGE_REASON.name(), "is required: say why the level changes");
    }
    ENTRY_LEVEL.set(execution, level);
    ROUTE.set(execution, AttendanceCase.SUPPORT_FIRST);
    SUPPORT_OUTCOME.set(execution, null);
    LEGAL_ROUTE.set(execution, null);
    LEVEL.set(execution, level);
    // the new level's stage beside it in the timeline, not the old level's (walk 11, defect 15)
    AttendanceCase.STAGE.set(execution, Stage.ofLevel(level).value());
    pathway.record(execution, "level-changed", "from level " + from + " to " + level + ": " + reason);
  }
}
