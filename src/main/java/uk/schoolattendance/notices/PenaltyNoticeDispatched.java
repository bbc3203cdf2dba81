package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.DECISION_DUE_DATE;
import static uk.schoolattendance.notices.PenaltyNotice.DEEMED_RECEIVED_ON;
import static uk.schoolattendance.notices.PenaltyNotice.DEEMED_RECEIVED_ON_SHOWN;
import static uk.schoolattendance.notices.PenaltyNotice.DELIVERY_METHOD;
import static uk.schoolattendance.notices.PenaltyNotice.DISPATCHED_ON;
import static uk.schoolattendance.notices.PenaltyNotice.FINAL_DEADLINE;
import static uk.schoolattendance.notices.PenaltyNotice.FINAL_DEADLINE_SHOWN;
import static uk.schoolattendance.notices.PenaltyNotice.ISSUED_ON;
import static uk.schoolattendance.notices.PenaltyNotice.ISSUED_ON_SHOWN;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_NUMBER;
import static uk.schoolattendance.notices.PenaltyNotice.PAYMENT_PERIOD_ENDS_AT;
import static uk.schoolattendance.notices.PenaltyNotice.REDUCED_DEADLINE;
import static uk.schoolattendance.notices.PenaltyNotice.SEQUENCE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Completing "Post or hand over the notice": the notice is issued on the day it was posted or
 * handed to the parent ({@code dispatchedOn}, default today; not in the future, not before it was
 * prepared) by {@code deliveryMethod} {@code post} or {@code hand} (EA 1996 s572). Its deemed
 * receipt and deadlines follow from that day ({@link NoticeDates}); the register records them with
 * the officer who issued it, and the payment period's timer is set. Completed in Tasklist or by
 * {@code POST /api/penalty-notices/{noticeNumber}/dispatch}. Refused ({@link PaymentDetailsMissing})
 * while the council's payment details are incomplete, and (naming {@code sequence}) for a notice
 * moved beyond the limit by a notice recorded late ({@link NoticePlaces}): the task stays open,
 * nothing is recorded.
 */
@Component("penaltyNoticeDispatched")
public class PenaltyNoticeDispatched implements TaskListener {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;
  private final PenaltyNoticeProperties properties;

  public PenaltyNoticeDispatched(PenaltyNoticeRegister register, NoticeDates dates, PenaltyNoticeProperties properties) {
    this.register = register;
    this.dates = dates;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    properties.authority().requireReadyToIssue();
    String method = Inputs.oneOf(task, DELIVERY_METHOD, PenaltyNotice.DELIVERY_METHODS, null);
    LocalDate today = dates.today();
    LocalDate on = Inputs.optionalDay(task, DISPATCHED_ON, dates.zone());
    on = on == null ? today : on;
    String number = NOTICE_NUMBER.get(task);
    PenaltyNoticeEntry prepared = register.get(number);
    if (prepared.beyondLimit(properties.limit())) {
      throw new InvalidInputException(SEQUENCE.name(), NoticePlaces.beyondLimitRefusal(prepared, properties));
    }
    if (on.isAfter(today)) {
      throw new InvalidInputException(DISPATCHED_ON.name(), "must not be in the future: a notice is issued when it is posted or handed over");
    }
    if (on.isBefore(prepared.preparedOn())) {
      throw new InvalidInputException(
          DISPATCHED_ON.name(), "must not be before the notice was prepared (" + Days.shown(prepared.preparedOn()) + ")");
    }
    LocalDate received = dates.deemedReceipt(method, on);
    LocalDate reduced = prepared.reducedAmount() == null ? null : dates.reducedDeadline(received);
    LocalDate last = dates.finalDeadline(received);
    String officerId = officer(task);
    register.recordDispatch(number, method, on, received, reduced, last, officerId, IssuingOfficers.name(task.getProcessEngineServices().getIdentityService(), officerId));
    DISPATCHED_ON.set(task, on);
    Days.set(task, ISSUED_ON, ISSUED_ON_SHOWN, on);
    Days.set(task, DEEMED_RECEIVED_ON, DEEMED_RECEIVED_ON_SHOWN, received);
    REDUCED_DEADLINE.set(task, reduced);
    Days.set(task, FINAL_DEADLINE, FINAL_DEADLINE_SHOWN, last);
    PAYMENT_PERIOD_ENDS_AT.set(task, dates.paymentPeriodEndsAt(last));
    DECISION_DUE_DATE.set(task, dates.atTimeOfDay(dates.decisionDue(last, prepared.informationDeadline())));
  }

  /**
   * The officer who issues the notice: the task's assignee (Tasklist completes a task its user
   * claimed; the API claims it for the caller). A notice names its issuing officer (SI 2007/1867
   * reg 3(c)), so an unclaimed completion is refused.
   */
  private static String officer(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || assignee.isBlank()) {
      throw new InvalidInputException(
          "assignee", "claim the task first: the notice names the officer who issues it (SI 2007/1867 reg 3(c))");
    }
    return assignee;
  }
}
