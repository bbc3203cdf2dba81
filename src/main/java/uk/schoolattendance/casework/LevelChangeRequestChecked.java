package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.ChangeCaseLevel.CASE_REFERENCE;
import static uk.schoolattendance.casework.ChangeCaseLevel.CHANGE_REASON;
import static uk.schoolattendance.casework.ChangeCaseLevel.NEW_LEVEL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;

/**
 * Checks the start of ChangeCaseLevel ({@code levelChangeRequestChecked}): a case reference, a new
 * level from 1 to 4 and a reason; the request takes the case reference as its business key. "Send
 * level change" then sends it to the case.
 */
@Component("levelChangeRequestChecked")
public class LevelChangeRequestChecked implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String reference = Inputs.requiredText(execution, CASE_REFERENCE, 64);
    Inputs.wholeNumber(execution, NEW_LEVEL, 1, 4, null);
    Inputs.requiredText(execution, CHANGE_REASON, Inputs.TEXT_MAX);
    execution.setProcessBusinessKey(reference);
  }
}
