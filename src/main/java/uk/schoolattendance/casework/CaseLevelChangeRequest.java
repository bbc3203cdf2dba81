package uk.schoolattendance.casework;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
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
    String reference = Inputs.requiredText(execution, "caseReference", 64);
    int level = Inputs.integer(execution, "newLevel", 1, 4, null);
    String reason = Inputs.requiredText(execution, "changeReason", 4000);
    execution.setProcessBusinessKey(reference);
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation("ChangeLevel")
          .processInstanceBusinessKey(reference)
          .setVariable("newLevel", level)
          .setVariable("changeReason", reason)
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidInputException(
          "caseReference", "no open case " + reference + " in Levels 1 to 4 (cases in enforcement cannot change level)");
    }
  }
}
