package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Payment period ended": the register shows the notice as unpaid. */
@Component("penaltyNoticeUnpaid")
public class PenaltyNoticeUnpaid implements ExecutionListener {

  private final PenaltyNoticeRegister register;

  public PenaltyNoticeUnpaid(PenaltyNoticeRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    register.markUnpaid(PenaltyNotice.NOTICE_NUMBER.get(execution));
  }
}
