package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
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
    String decision = Inputs.oneOf(task, "nonPaymentDecision", Set.of("prosecute", "withdraw"));
    String number = (String) task.getVariable("noticeNumber");
    LocalDate today = dates.today();
    if ("withdraw".equals(decision)) {
      String reason = Inputs.requiredText(task, "withdrawalReason", 500);
      String ground =
          task.getVariable("withdrawalGround") == null
              ? "not-prosecuted"
              : Inputs.oneOf(task, "withdrawalGround", PenaltyNoticeWithdrawn.GROUNDS);
      task.setVariable("withdrawalGround", ground);
      register.recordWithdrawal(number, reason, ground, today);
      return;
    }
    LocalDate limit = register.get(number).informationDeadline();
    if (today.isAfter(limit)) {
      throw new InvalidInputException(
          "nonPaymentDecision",
          "prosecution is time-barred: the information had to be laid by " + limit + "; withdraw the notice");
    }
    register.recordProsecution(number, today);
  }
}
