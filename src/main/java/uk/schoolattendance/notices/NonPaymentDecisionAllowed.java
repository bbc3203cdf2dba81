package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.NON_PAYMENT_DECISION;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_NUMBER;
import static uk.schoolattendance.notices.PenaltyNotice.WITHDRAWAL_GROUND;
import static uk.schoolattendance.notices.PenaltyNotice.WITHDRAWAL_REASON;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Checks the completion of "Decide on non-payment": {@code nonPaymentDecision} is
 * {@code prosecute} or {@code withdraw} (the law allows nothing else); withdrawing needs a reason
 * (ground {@code not-prosecuted} unless another is given); prosecuting is refused once the
 * 6-month limit for laying an information has passed, and when a withdrawn notice to the same
 * parent for this child covers part of the offence period (reg 8, {@link ProsecutionBar}: the
 * form shows it when the task is created). The decision is recorded by the service
 * task that follows ("Record prosecution" or "Record withdrawal").
 */
@Component("nonPaymentDecisionAllowed")
public class NonPaymentDecisionAllowed implements TaskListener {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;
  private final ProsecutionBar bar;

  public NonPaymentDecisionAllowed(PenaltyNoticeRegister register, NoticeDates dates, ProsecutionBar bar) {
    this.register = register;
    this.dates = dates;
    this.bar = bar;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // the form says beforehand when a withdrawn notice bars the prosecution (reg 8)
      PenaltyNotice.PROSECUTION_BARS_SHOWN.setLocal(
          task, bar.shown(List.of(PenaltyNotice.parent(task)), PenaltyNotice.PUPIL_UPN.get(task),
              PenaltyNotice.OFFENCE_FROM.get(task), PenaltyNotice.OFFENCE_TO.get(task)));
      return;
    }
    String decision = Inputs.oneOf(task, NON_PAYMENT_DECISION, PenaltyNotice.DECISIONS, null);
    if (PenaltyNotice.WITHDRAW.equals(decision)) {
      Inputs.requiredText(task, WITHDRAWAL_REASON, 500);
      if (Inputs.optionalOneOf(task, WITHDRAWAL_GROUND, PenaltyNotice.GROUNDS) == null) {
        WITHDRAWAL_GROUND.set(task, PenaltyNotice.NOT_PROSECUTED);
      }
      return;
    }
    LocalDate limit = register.get(NOTICE_NUMBER.get(task)).informationDeadline();
    if (dates.today().isAfter(limit)) {
      throw new InvalidInputException(
          NON_PAYMENT_DECISION.name(),
          "prosecution is time-barred: the information had to be laid by " + Days.shown(limit)
              + " (Magistrates' Courts Act 1980 s127); withdraw the notice");
    }
    bar.requireProsecutable(
        NON_PAYMENT_DECISION.name(), PenaltyNotice.parent(task), PenaltyNotice.PUPIL_UPN.get(task),
        PenaltyNotice.OFFENCE_FROM.get(task), PenaltyNotice.OFFENCE_TO.get(task));
  }
}
