package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record payment" ({@code recordPayment}): the checked payment goes into the register, with the
 * money received; any of it beyond the amount due that day is recorded as a refund owed.
 */
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
    String number = PenaltyNotice.NOTICE_NUMBER.get(execution);
    java.math.BigDecimal amount = PenaltyNotice.AMOUNT_PAID.get(execution);
    java.time.LocalDate paidOn = PenaltyNotice.PAID_ON.get(execution);
    // money received beyond the amount due that day is the payer's: owed back (the check let it through)
    java.math.BigDecimal excess = PaymentMatchesAmountDue.excess(register.get(number), amount, paidOn);
    register.recordPayment(number, amount, paidOn);
    if (excess.signum() > 0) {
      register.recordRefundDue(number, excess);
    }
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
