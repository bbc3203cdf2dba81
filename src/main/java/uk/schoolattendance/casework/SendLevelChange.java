package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.ChangeCaseLevel.CASE_REFERENCE;
import static uk.schoolattendance.casework.ChangeCaseLevel.CHANGE_REASON;
import static uk.schoolattendance.casework.ChangeCaseLevel.NEW_LEVEL;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.VariableValues;
import uk.schoolattendance.process.InvalidInputException;

/**
 * "Send level change" ({@code sendLevelChange}): the message {@code ChangeLevel} with the new
 * level and the reason goes to the case, in the same transaction; an unknown case or one outside
 * Levels 1–4 refuses the request (nothing is started, the case is unchanged).
 */
@Component("sendLevelChange")
public class SendLevelChange implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CASE_REFERENCE.get(execution);
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(AttendanceCase.CHANGE_LEVEL.name())
          .processInstanceBusinessKey(reference)
          .setVariables(
              VariableValues.with(NEW_LEVEL, NEW_LEVEL.get(execution)).and(CHANGE_REASON, CHANGE_REASON.get(execution)))
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidInputException(
          CASE_REFERENCE.name(), "no open case " + reference + " in Levels 1 to 4 (cases in enforcement cannot change level)");
    }
  }
}
