package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.NON_PAYMENT_DECISION;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_NUMBER;
import static uk.schoolattendance.notices.PenaltyNotice.WITHDRAWAL_GROUND;
import static uk.schoolattendance.notices.PenaltyNotice.WITHDRAWAL_REASON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Json;

/**
 * Checks the completion of "Decide on non-payment": {@code nonPaymentDecision} is
 * {@code prosecute} or {@code withdraw} (the law allows nothing else); withdrawing needs a reason
 * (ground {@code not-prosecuted} unless another is given); prosecuting is refused once the
 * 6-month limit for laying an information has passed, and when a withdrawn notice to the same
 * parent for this child covers part of the offence period (reg 8, {@link ProsecutionBar}: the
 * form shows it when the task is created). The form offers only what the law allows
 * ({@code nonPaymentDecisionChoices}): no prosecution once it is time-barred or barred. The decision is recorded by the service
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
    if (EVENTNAME_CREATE.equals(task.getEventName()) || EVENTNAME_TIMEOUT.equals(task.getEventName())) {
      offer(task);
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
    LocalDate limit = deadline(NOTICE_NUMBER.get(task), PenaltyNotice.INFORMATION_DEADLINE.get(task));
    if (dates.prosecutionTimeBarred(limit)) {
      throw new InvalidInputException(
          NON_PAYMENT_DECISION.name(),
          "prosecution is time-barred: the information had to be laid by " + Days.shown(limit)
              + " (Magistrates' Courts Act 1980 s127); withdraw the notice");
    }
    bar.requireProsecutable(
        NON_PAYMENT_DECISION.name(), PenaltyNotice.parent(task), PenaltyNotice.PUPIL_UPN.get(task),
        PenaltyNotice.OFFENCE_FROM.get(task), PenaltyNotice.OFFENCE_TO.get(task));
  }

  /**
   * When the time limit for laying an information on this notice's offence passes (its task's
   * timeout timer): the start of the day after the register's deadline, the same deadline the form's
   * offer and the completion check read, so the timer and the form cannot disagree.
   */
  public java.util.Date informationLimitPassesFor(VariableScope execution) {
    return dates.informationLimitPassesAt(
        deadline(NOTICE_NUMBER.get(execution), PenaltyNotice.INFORMATION_DEADLINE.get(execution)));
  }

  /** As above, for instances whose timer passes the notice number only (deployed before PenaltyNotice 1.4). */
  public java.util.Date informationLimitPassesAt(String noticeNumber) {
    return dates.informationLimitPassesAt(deadline(noticeNumber, null));
  }

  /**
   * The last day to lay an information on the notice's offence (s127): the register's, else the one
   * the process recorded when it issued the notice ({@code informationDeadline}). With neither (a
   * notice missing from the register, or a row without the deadline), the step stops with a message
   * naming both, never a bare NullPointerException: no one can decide on a prosecution whose time
   * limit is unknown.
   */
  private LocalDate deadline(String noticeNumber, LocalDate recorded) {
    LocalDate kept = register.find(noticeNumber).map(PenaltyNoticeEntry::informationDeadline).orElse(null);
    if (kept != null) {
      return kept;
    }
    if (recorded != null) {
      return recorded;
    }
    throw new IllegalStateException("penalty notice " + noticeNumber + " has no information deadline (s127 time limit):"
        + " the register " + (register.find(noticeNumber).isPresent() ? "row has none" : "has no row for it")
        + " and the process has no " + PenaltyNotice.INFORMATION_DEADLINE.name() + "; record the deadline before deciding");
  }

  /**
   * What the form offers (task-local), when the task is created and again when the time limit
   * passes while it is open (its timeout listener, at the start of the day after the deadline): the
   * law's two decisions, without prosecution once it is time-barred (s127) or while a withdrawn
   * notice bars it (reg 8), each with its reason shown; completing it is still checked above.
   */
  private void offer(DelegateTask task) {
    String bars = bar.shown(List.of(PenaltyNotice.parent(task)), PenaltyNotice.PUPIL_UPN.get(task),
        PenaltyNotice.OFFENCE_FROM.get(task), PenaltyNotice.OFFENCE_TO.get(task));
    PenaltyNotice.PROSECUTION_BARS_SHOWN.setLocal(task, bars);
    LocalDate limit = deadline(NOTICE_NUMBER.get(task), PenaltyNotice.INFORMATION_DEADLINE.get(task));
    boolean timeBarred = dates.prosecutionTimeBarred(limit);
    PenaltyNotice.PROSECUTION_TIME_BARRED_SHOWN.setLocal(task, timeBarred
        ? "The last day to lay an information was " + Days.shown(limit)
            + " (Magistrates' Courts Act 1980 s127): no prosecution for this offence is possible, withdraw the notice"
        : null);
    ArrayNode choices = Json.newList();
    for (String decision : PenaltyNotice.DECISIONS) {
      if (!PenaltyNotice.PROSECUTE.equals(decision) || (!timeBarred && bars == null)) {
        choices.addObject().put("label", PenaltyNotice.DECISION_WORDS.get(decision)).put("value", decision);
      }
    }
    PenaltyNotice.NON_PAYMENT_DECISION_CHOICES.setLocal(task, choices);
  }
}
