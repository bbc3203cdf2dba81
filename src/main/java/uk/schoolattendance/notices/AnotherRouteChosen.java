package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;

/**
 * "Choose another route" ({@code anotherRouteChosen}). Created: the form's words for why no notice
 * can be issued ({@code refusalReasonShown}, task-local): the decision's {@code refusalReason}
 * (limit reached, local cap reached) or, after the term-time leave check, incomplete evidence.
 * Completed: {@code alternativeRoute} must be one of the four routes.
 */
@Component("anotherRouteChosen")
public class AnotherRouteChosen implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String code = PenaltyNotice.REFUSAL_REASON.get(task);
      if (code == null && Boolean.FALSE.equals(PenaltyNotice.EVIDENCE_COMPLETE.get(task))) {
        code = NoticeReasonWords.EVIDENCE_INCOMPLETE;
      }
      PenaltyNotice.REFUSAL_REASON_SHOWN.setLocal(task, NoticeReasonWords.refusal(code));
      return;
    }
    Inputs.oneOf(task, PenaltyNotice.ALTERNATIVE_ROUTE, PenaltyNotice.ALTERNATIVE_ROUTES, null);
    Inputs.optionalText(task, PenaltyNotice.ROUTE_NOTES, Inputs.TEXT_MAX);
  }
}
