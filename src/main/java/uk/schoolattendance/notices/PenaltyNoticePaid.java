package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.system.InvalidInputException;

/**
 * End of "Penalty notice paid": the payment must be exactly the amount due on the day it was
 * made (no part payments). Anything else throws, which rolls back the whole correlation: the
 * REST caller gets a 400 naming {@code amountPaid} (or {@code paidOn}) and the notice stays
 * unpaid. An accepted payment is recorded in the register in the same transaction.
 */
@Component("penaltyNoticePaid")
public class PenaltyNoticePaid implements ExecutionListener {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public PenaltyNoticePaid(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = PenaltyNotice.NOTICE_NUMBER.get(execution);
    BigDecimal amount = Inputs.requiredPounds(execution, PenaltyNotice.AMOUNT_PAID);
    LocalDate paidOn = Inputs.optionalDate(execution, PenaltyNotice.PAID_ON, dates.zone());
    paidOn = paidOn == null ? dates.today() : paidOn;
    record(register, number, amount, paidOn, dates.today());
    PenaltyNotice.PAID_ON.set(execution, dates.startOfDay(paidOn));
  }

  /** Checks a payment against the register and records it; shared with the register API. */
  static void record(PenaltyNoticeRegister register, String number, BigDecimal amount, LocalDate paidOn, LocalDate today) {
    PenaltyNoticeEntry notice = register.get(number);
    if (!notice.awaitingPayment()) {
      throw new InvalidInputException(PenaltyNotice.NOTICE_NUMBER.name(), "notice " + number + " is " + notice.status() + ", not awaiting payment");
    }
    if (paidOn.isAfter(today)) {
      throw new InvalidInputException(PenaltyNotice.PAID_ON.name(), "must not be in the future");
    }
    BigDecimal due = notice.amountDueOn(paidOn);
    if (due == null) {
      throw new InvalidInputException(
          PenaltyNotice.PAID_ON.name(),
          "a payment on " + paidOn + " is outside the payment period " + notice.issuedOn() + " to " + notice.finalDeadline());
    }
    if (amount.compareTo(due) != 0) {
      throw new InvalidInputException(
          PenaltyNotice.AMOUNT_PAID.name(),
          "must be exactly £" + due.toPlainString() + ", the amount due on " + paidOn + " (no part payments); got £" + amount.toPlainString());
    }
    register.recordPayment(number, amount, paidOn);
  }
}
