package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Checks a {@code PenaltyNoticePaid} message as it arrives (end of "Penalty notice paid"): the
 * notice awaits payment, the day is not in the future and lies in the payment period, and the
 * amount is at least the amount due on that day (no part payments; money received beyond it is
 * recorded as a refund owed by "Record payment"). Anything else rolls back the
 * correlation: the caller gets 400 naming {@code amountPaid} or {@code paidOn} and the notice stays
 * unpaid. The payment is recorded by the service task that follows ("Record payment").
 */
@Component("paymentMatchesAmountDue")
public class PaymentMatchesAmountDue implements ExecutionListener {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public PaymentMatchesAmountDue(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = PenaltyNotice.NOTICE_NUMBER.get(execution);
    BigDecimal amount = Inputs.requiredPounds(execution, PenaltyNotice.AMOUNT_PAID);
    LocalDate paidOn = Inputs.optionalDay(execution, PenaltyNotice.PAID_ON, dates.zone());
    paidOn = paidOn == null ? dates.today() : paidOn;
    check(register.get(number), amount, paidOn, dates.today());
    PenaltyNotice.PAID_ON.set(execution, paidOn);
  }

  static void check(PenaltyNoticeEntry notice, BigDecimal amount, LocalDate paidOn, LocalDate today) {
    if (!notice.awaitingPayment()) {
      throw new InvalidInputException(
          PenaltyNotice.NOTICE_NUMBER.name(), "notice " + notice.noticeNumber() + " is " + notice.status() + ", not awaiting payment");
    }
    if (paidOn.isAfter(today)) {
      throw new InvalidInputException(PenaltyNotice.PAID_ON.name(), "must not be in the future");
    }
    requireAmountDue(notice, amount, paidOn, true);
  }

  /**
   * The money received beyond the amount due on {@code paidOn}: the refund the authority owes the
   * payer; zero when exactly the amount due was paid (or no amount is due that day).
   */
  public static BigDecimal excess(PenaltyNoticeEntry notice, BigDecimal amount, LocalDate paidOn) {
    BigDecimal due = notice.amountDueOn(paidOn);
    return due == null || amount == null || amount.compareTo(due) <= 0 ? BigDecimal.ZERO : amount.subtract(due);
  }

  /**
   * The most a payment may be recorded at: the notice's full (higher) amount. Paying the full amount
   * while the reduced amount was due is the overpayment a compliance team sees (the letter names both
   * amounts); anything above it is far likelier a mistyped amount than money received, and a paid
   * notice cannot be unpaid, so it is refused naming {@code amountPaid} and changes nothing.
   */
  public static BigDecimal mostAccepted(PenaltyNoticeEntry notice) {
    return notice.fullAmount();
  }

  /**
   * The payment rule for every payment, the authority's own and one an issuer reports ({@link
   * ExternalNoticeReports#paid}): paid in the payment period, and exactly the amount due that day by
   * the notice's deadlines ({@link PenaltyNoticeEntry#amountDueOn}), the reduced amount only in the
   * reduced period; else refused naming {@code paidOn} or {@code amountPaid}. A refused day's rule
   * carries its own words, the day of issue or the last day of the period, so a page shows it after
   * the field's label ("Date of the payment must be on or after …") without deriving it again.
   */
  public static void requireAmountDue(PenaltyNoticeEntry notice, BigDecimal amount, LocalDate paidOn) {
    requireAmountDue(notice, amount, paidOn, false);
  }

  /**
   * As above; with {@code overpaymentAccepted} (the authority's own notices: it records the money it
   * received) more than the amount due pays the notice and the excess is a refund owed ({@link
   * #excess}); less is still refused (no part payments).
   */
  public static void requireAmountDue(PenaltyNoticeEntry notice, BigDecimal amount, LocalDate paidOn, boolean overpaymentAccepted) {
    BigDecimal due = notice.amountDueOn(paidOn);
    if (due == null) {
      String period = notice.issuedOn() == null || notice.finalDeadline() == null
          ? "the payment period"
          : "the payment period, " + Days.shown(notice.issuedOn(), notice.finalDeadline());
      if (notice.issuedOn() != null && paidOn.isBefore(notice.issuedOn())) {
        throw new InvalidInputException(
            PenaltyNotice.PAID_ON.name(),
            "must be on or after " + Days.shown(notice.issuedOn()) + ", the day the notice was issued (a payment on "
                + Days.shown(paidOn) + " is outside " + period + ")");
      }
      throw new InvalidInputException(
          PenaltyNotice.PAID_ON.name(),
          "must be within " + period + " (a payment on " + Days.shown(paidOn) + " is outside it)"
              + (notice.finalDeadline() != null && paidOn.isAfter(notice.finalDeadline())
                  ? ": a payment after the last day of the period cannot be recorded; decide on non-payment instead"
                  : ""));
    }
    if (overpaymentAccepted && amount.compareTo(due) > 0 && amount.compareTo(mostAccepted(notice)) > 0) {
      // a paid notice cannot be unpaid: a mistyped £800 for £80 must change nothing (and never overflow the register)
      throw new InvalidInputException(
          PenaltyNotice.AMOUNT_PAID.name(),
          "must be no more than £" + mostAccepted(notice).toPlainString() + ", the full amount of the notice, when more than the £"
              + due.toPlainString() + " due on " + Days.shown(paidOn) + " was paid; got £" + amount.toPlainString()
              + ": check the amount received");
    }
    if (amount.compareTo(due) != 0 && !(overpaymentAccepted && amount.compareTo(due) > 0)) {
      throw new InvalidInputException(
          PenaltyNotice.AMOUNT_PAID.name(),
          "must be exactly £" + due.toPlainString() + ", the amount due on " + Days.shown(paidOn)
              + " (no part payments); got £" + amount.toPlainString());
    }
  }
}
