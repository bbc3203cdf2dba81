package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Parent;

/**
 * "Choose another route" ({@code anotherRouteChosen}). Created: the form's words for why no notice
 * can be issued ({@code refusalReasonShown}, task-local): the decision's {@code refusalReason}
 * (limit reached, local cap reached) or, after the term-time leave check, incomplete evidence.
 * Both: the withdrawn notices to this parent for this child whose period overlaps this one
 * ({@code prosecutionBarsShown}, {@link ProsecutionBar}). Completed: {@code alternativeRoute}
 * must be one of the four routes, and prosecution is refused while such a notice bars it (reg 8).
 */
@Component("anotherRouteChosen")
public class AnotherRouteChosen implements TaskListener {

  private final ProsecutionBar bar;

  public AnotherRouteChosen(ProsecutionBar bar) {
    this.bar = bar;
  }

  @Override
  public void notify(DelegateTask task) {
    Parent parent = PenaltyNotice.parent(task);
    String upn = PenaltyNotice.PUPIL_UPN.get(task);
    LocalDate from = PenaltyNotice.OFFENCE_FROM.get(task);
    LocalDate to = PenaltyNotice.OFFENCE_TO.get(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      PenaltyNotice.PROSECUTION_BARS_SHOWN.setLocal(task, bar.shown(List.of(parent), upn, from, to));
      String code = PenaltyNotice.REFUSAL_REASON.get(task);
      if (code == null && Boolean.FALSE.equals(PenaltyNotice.EVIDENCE_COMPLETE.get(task))) {
        code = NoticeReasonWords.EVIDENCE_INCOMPLETE;
      }
      PenaltyNotice.REFUSAL_REASON_SHOWN.setLocal(task, NoticeReasonWords.refusal(code));
      return;
    }
    String route = Inputs.oneOf(task, PenaltyNotice.ALTERNATIVE_ROUTE, PenaltyNotice.ALTERNATIVE_ROUTES, null);
    if (PenaltyNotice.PROSECUTION.equals(route)) {
      bar.requireProsecutable(PenaltyNotice.ALTERNATIVE_ROUTE.name(), parent, upn, from, to);
    }
    Inputs.optionalText(task, PenaltyNotice.ROUTE_NOTES, Inputs.TEXT_MAX);
  }
}
