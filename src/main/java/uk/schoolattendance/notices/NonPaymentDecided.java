package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.NON_PAYMENT_DECISION;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_NUMBER;
import static uk.schoolattendance.notices.PenaltyNotice.WITHDRAWAL_GROUND;
import static uk.schoolattendance.notices.PenaltyNotice.WITHDRAWAL_REASON;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Completing "Decide on non-payment": {@code nonPaymentDecision} is {@code prosecute} or
 * {@code withdraw} (the law allows nothing else). Withdrawal needs {@code withdrawalReason};
 * prosecution is refused once the 6-month limit for laying an information has passed. The
 * decision is recorded in the register with the completion.
 */
@Component("nonPaymentDecided")
public class NonPaymentDecided implements TaskListener {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public NonPaymentDecided(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = Inputs.oneOf(task, NON_PAYMENT_DECISION, PenaltyNotice.DECISIONS, null);
    String number = NOTICE_NUMBER.get(task);
    LocalDate today = dates.today();
    if (PenaltyNotice.WITHDRAW.equals(decision)) {
      String reason = Inputs.requiredText(task, WITHDRAWAL_REASON, 500);
      String ground = Inputs.optionalOneOf(task, WITHDRAWAL_GROUND, PenaltyNotice.GROUNDS);
      if (ground == null) {
        ground = PenaltyNotice.NOT_PROSECUTED;
        WITHDRAWAL_GROUND.set(task, ground);
      }
      register.recordWithdrawal(number, reason, ground, today);
      return;
    }
    LocalDate limit = register.get(number).informationDeadline();
    if (today.isAfter(limit)) {
      throw new InvalidInputException(
          NON_PAYMENT_DECISION.name(),
          "prosecution is time-barred: the information had to be laid by " + limit + "; withdraw the notice");
    }
    register.recordProsecution(number, today);
  }
}
