package uk.schoolattendance.notices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Json;
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
  private final NoticeLimit limit;

  public AnotherRouteChosen(ProsecutionBar bar, NoticeLimit limit) {
    this.bar = bar;
    this.limit = limit;
  }

  @Override
  public void notify(DelegateTask task) {
    Parent parent = PenaltyNotice.parent(task);
    String upn = PenaltyNotice.PUPIL_UPN.get(task);
    LocalDate from = PenaltyNotice.OFFENCE_FROM.get(task);
    LocalDate to = PenaltyNotice.OFFENCE_TO.get(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String bars = bar.shown(List.of(parent), upn, from, to);
      PenaltyNotice.PROSECUTION_BARS_SHOWN.setLocal(task, bars);
      // the form offers only the routes that may be taken: no prosecution while a withdrawn notice bars it (reg 8)
      ArrayNode choices = Json.newList();
      for (String route : PenaltyNotice.ALTERNATIVE_ROUTES) {
        if (bars == null || !PenaltyNotice.PROSECUTION.equals(route)) {
          choices.addObject().put("label", PenaltyNotice.ALTERNATIVE_ROUTE_WORDS.get(route)).put("value", route);
        }
      }
      PenaltyNotice.ALTERNATIVE_ROUTE_CHOICES.setLocal(task, choices);
      String code = PenaltyNotice.REFUSAL_REASON.get(task);
      if (code == null && Boolean.FALSE.equals(PenaltyNotice.EVIDENCE_COMPLETE.get(task))) {
        code = NoticeReasonWords.EVIDENCE_INCOMPLETE;
      }
      String words = LIMIT_REACHED.equals(code) ? limitReached(task, parent, upn) : NoticeReasonWords.refusal(code);
      PenaltyNotice.REFUSAL_REASON_SHOWN.setLocal(task, words);
      // the case's timeline says the notice was refused and why, not only that another route was chosen
      PenaltyNotice.NOTICE_REFUSED_SHOWN.set(task, words);
      return;
    }
    String route = Inputs.oneOf(task, PenaltyNotice.ALTERNATIVE_ROUTE, PenaltyNotice.ALTERNATIVE_ROUTES, null);
    if (PenaltyNotice.PROSECUTION.equals(route)) {
      bar.requireProsecutable(PenaltyNotice.ALTERNATIVE_ROUTE.name(), parent, upn, from, to);
    }
    Inputs.optionalText(task, PenaltyNotice.ROUTE_NOTES, Inputs.TEXT_MAX);
  }

  static final String LIMIT_REACHED = "limit-reached";

  /** The limit in words with the notices that reach it ({@link NoticeLimit}): the form's count and sentence agree. */
  private String limitReached(DelegateTask task, Parent parent, String upn) {
    List<String> standing = limit.standing(parent.id(), parent.name(), parent.address(), upn);
    return limit.words(parent.name(), PenaltyNotice.PUPIL_NAME.get(task), standing) + ", so no further notice may be issued";
  }
}
