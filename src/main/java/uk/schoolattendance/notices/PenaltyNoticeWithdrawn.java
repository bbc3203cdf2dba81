package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;

/**
 * End of "Penalty notice withdrawn" (message or decision): records the withdrawal and its
 * grounds in the register. A withdrawn notice no longer counts towards the limit.
 */
@Component("penaltyNoticeWithdrawn")
public class PenaltyNoticeWithdrawn implements ExecutionListener {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public PenaltyNoticeWithdrawn(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reason = Inputs.requiredText(execution, PenaltyNotice.WITHDRAWAL_REASON, 500);
    String ground = Inputs.optionalOneOf(execution, PenaltyNotice.WITHDRAWAL_GROUND, PenaltyNotice.GROUNDS);
    register.recordWithdrawal(PenaltyNotice.NOTICE_NUMBER.get(execution), reason, ground, dates.today());
  }
}
