package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record withdrawal" ({@code recordWithdrawal}): the notice is withdrawn in the register, with
 * its reason and ground, today. A withdrawn notice no longer counts towards the limit.
 */
@Component("recordWithdrawal")
public class RecordWithdrawal implements JavaDelegate {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public RecordWithdrawal(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.recordWithdrawal(
        PenaltyNotice.NOTICE_NUMBER.get(execution),
        PenaltyNotice.WITHDRAWAL_REASON.get(execution),
        PenaltyNotice.WITHDRAWAL_GROUND.get(execution),
        dates.today());
  }
}
