package uk.schoolattendance.court;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.AsTheApplication;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * "Enter outcome in court record" ({@code enterCourtOutcome}): the outcome, the fine and the
 * order and the costs awarded to the authority go into the court record, today; a parenting order made with a conviction and a s447
 * direction (with the day its decision is due) too. An education supervision order made starts the
 * reminder to consider extending it before it ends ({@link SupervisionOrderReminders}).
 */
@Component("enterCourtOutcome")
public class EnterCourtOutcome implements JavaDelegate {

  private final CourtProceedingsRepository proceedings;
  private final SchoolCalendar calendar;
  private final SupervisionOrderReminders reminders;

  public EnterCourtOutcome(CourtProceedingsRepository proceedings, SchoolCalendar calendar, SupervisionOrderReminders reminders) {
    this.proceedings = proceedings;
    this.calendar = calendar;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = CourtProceedings.COURT_OUTCOME.get(execution);
    proceedings.recordOutcome(
        execution.getProcessInstanceId(),
        outcome,
        CourtProceedings.FINE.equals(outcome) ? CourtProceedings.FINE_AMOUNT.get(execution) : null,
        CourtProceedings.COSTS_AWARDED.get(execution),
        CourtProceedings.ORDER_MONTHS.get(execution),
        CourtProceedings.ORDER_ENDS_ON.get(execution),
        calendar.today());
    boolean withOrder = Boolean.TRUE.equals(CourtProceedings.PARENTING_ORDER_MADE.get(execution));
    proceedings.recordOrdersAndDirection(
        execution.getProcessInstanceId(),
        withOrder ? CourtProceedings.PARENTING_ORDER_MONTHS.get(execution) : null,
        withOrder ? CourtProceedings.PARENTING_ORDER_ENDS_ON.get(execution) : null,
        Boolean.TRUE.equals(CourtProceedings.SUPERVISION_ORDER_DIRECTED.get(execution)),
        CourtProceedings.SUPERVISION_ORDER_DECISION_DUE.get(execution));
    // the reminder is the application's own process: started as the application, not as the officer
    proceedings.find(execution.getProcessInstanceId()).filter(SupervisionOrderExtensions::isOrder).ifPresent(order ->
        AsTheApplication.call(execution.getProcessEngineServices().getIdentityService(),
            () -> reminders.orderInForce(execution.getProcessEngineServices().getRuntimeService(), order, order.orderEndsOn(),
                Inputs.optionalDay(execution, CourtProceedings.PUPIL_DATE_OF_BIRTH, calendar.properties().zone()))));
  }
}
