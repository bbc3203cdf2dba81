package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record payment" ({@code recordPayment}): the checked payment goes into the register. */
@Component("recordPayment")
public class RecordPayment implements JavaDelegate {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public RecordPayment(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.recordPayment(
        PenaltyNotice.NOTICE_NUMBER.get(execution),
        PenaltyNotice.AMOUNT_PAID.get(execution),
        PenaltyNotice.PAID_ON.get(execution));
  }
}
