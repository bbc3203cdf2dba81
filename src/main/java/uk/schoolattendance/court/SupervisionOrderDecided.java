package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_DECISION;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_DECISIONS;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_REASONS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Completing "Decide on an education supervision order" ({@code supervisionOrderDecided}): after a
 * court's direction under Education Act 1996 s447 the authority decides whether to apply
 * ({@code apply} | {@code not-apply}) and gives its reasons (required: not applying, it must tell
 * the court why within 8 weeks); both go into the court record, today.
 */
@Component("supervisionOrderDecided")
public class SupervisionOrderDecided implements TaskListener {

  private final CourtProceedingsRepository proceedings;
  private final SchoolCalendar calendar;

  public SupervisionOrderDecided(CourtProceedingsRepository proceedings, SchoolCalendar calendar) {
    this.proceedings = proceedings;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = Inputs.oneOf(task, SUPERVISION_ORDER_DECISION, SUPERVISION_ORDER_DECISIONS, null);
    String reasons = Inputs.requiredText(task, SUPERVISION_ORDER_REASONS, Inputs.TEXT_MAX);
    proceedings.recordSupervisionOrderDecision(task.getProcessInstanceId(), decision, reasons, calendar.today());
  }
}
