package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark notice unpaid" ({@code markNoticeUnpaid}, in the payment period timer's job, retried with it): the register shows the notice unpaid. */
@Component("markNoticeUnpaid")
public class MarkNoticeUnpaid implements JavaDelegate {

  private final PenaltyNoticeRegister register;

  public MarkNoticeUnpaid(PenaltyNoticeRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.markUnpaid(PenaltyNotice.NOTICE_NUMBER.get(execution));
  }
}
