package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;

/**
 * Checks a {@code PenaltyNoticeWithdrawn} message as it arrives: a reason is required, a ground
 * must be one of the statutory grounds (domain notes §5). A bad one rolls the correlation back
 * (400 naming the variable). "Record withdrawal" then writes it to the register.
 */
@Component("withdrawalHasReason")
public class WithdrawalHasReason implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Inputs.requiredText(execution, PenaltyNotice.WITHDRAWAL_REASON, 500);
    Inputs.optionalOneOf(execution, PenaltyNotice.WITHDRAWAL_GROUND, PenaltyNotice.GROUNDS);
  }
}
