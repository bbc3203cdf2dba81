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
    String by = recordedBy(execution);
    if (by != null) {
      PenaltyNotice.PAYMENT_RECORDED_BY.set(execution, by);
    }
  }

  /** The signed-in person whose action this is, or null when the application acts. */
  static String recordedBy(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
