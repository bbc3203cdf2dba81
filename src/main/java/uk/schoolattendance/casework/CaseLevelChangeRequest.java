package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.ChangeCaseLevel.CASE_REFERENCE;
import static uk.schoolattendance.casework.ChangeCaseLevel.CHANGE_REASON;
import static uk.schoolattendance.casework.ChangeCaseLevel.NEW_LEVEL;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Start listener of ChangeCaseLevel ({@code caseLevelChangeRequest}): sends the message
 * {@code ChangeLevel} with {@code newLevel} and {@code changeReason} to the AttendanceCase with
 * the given {@code caseReference}, in the same transaction. Bad input, an unknown case or a
 * case outside Levels 1–4 is refused (nothing is started, the case is unchanged).
 */
@Component("caseLevelChangeRequest")
public class CaseLevelChangeRequest implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String reference = Inputs.requiredText(execution, CASE_REFERENCE, 64);
    int level = Inputs.wholeNumber(execution, NEW_LEVEL, 1, 4, null);
    String reason = Inputs.requiredText(execution, CHANGE_REASON, 4000);
    execution.setProcessBusinessKey(reference);
    Map<String, Object> message = new HashMap<>();
    NEW_LEVEL.put(message, level);
    CHANGE_REASON.put(message, reason);
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(AttendanceCase.CHANGE_LEVEL.name())
          .processInstanceBusinessKey(reference)
          .setVariables(message)
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidInputException(
          CASE_REFERENCE.name(), "no open case " + reference + " in Levels 1 to 4 (cases in enforcement cannot change level)");
    }
  }
}
