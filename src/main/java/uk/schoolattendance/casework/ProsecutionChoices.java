package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.PARENTS_NOT_PROSECUTED;
import static uk.schoolattendance.casework.AttendanceCase.PARENT_CHOICES;
import static uk.schoolattendance.casework.AttendanceCase.PROSECUTION_BARS_SHOWN;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.ProsecutionBar;
import uk.schoolattendance.process.DeployedForms;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * Create listener of {@code Task_HoldPupilPlanningMeeting} ({@code prosecutionChoices}): so the
 * meeting is not surprised by a refusal, its form shows, task-local, the withdrawn penalty notices
 * to the case's parents for this child ({@code prosecutionBarsShown}: no prosecution of that parent
 * may be for an offence period overlapping one, {@link ProsecutionBar}) and offers the case's
 * parents to leave out of a prosecution ({@code parentChoices}, the checklist of
 * {@code parentsNotProsecuted}, each with their relationship and responsibility when recorded) and
 * lists them ({@code parentsShown}: "Gail Marsh: Mother; parental responsibility; day-to-day care"). A previous meeting's {@code parentsNotProsecuted} is removed, so
 * the checklist starts empty at every meeting. Each parent who had no Notice to Improve gets a row
 * of {@code noNoticeToImproveReasons} (on the case, where its form asks it) for the reason why not
 * ({@link CaseTaskRules}).
 */
@Component("prosecutionChoices")
public class ProsecutionChoices implements TaskListener {

  private final ProsecutionBar bar;
  private final CalendarProperties calendar;

  public ProsecutionChoices(ProsecutionBar bar, CalendarProperties calendar) {
    this.bar = bar;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Parent> parents = OffencePeriods.parents(task, calendar.zone());
    ArrayNode choices = Json.newList();
    for (Parent parent : parents) {
      choices.addObject().put("label", parent.nameWithStanding()).put("value", parent.id());
    }
    // each meeting chooses afresh: a parent a previous meeting left out is not left out again unseen
    // (Tasklist would pre-tick the checklist from the case's variable, and a completion without it would reuse it)
    PARENTS_NOT_PROSECUTED.remove(task);
    PARENT_CHOICES.setLocal(task, choices);
    PROSECUTION_BARS_SHOWN.setLocal(task, bar.shown(parents, PUPIL_UPN.get(task)));
    AttendanceCase.PARENTS_SHOWN.setLocal(task, String.join("\n",
        parents.stream().map(Parent::nameWithStanding).toList()));
    // a row for each parent who had no Notice to Improve, for the reason why not (asked per parent,
    // AttendanceCase 1.6): on the case, where a completion and Tasklist's submit both write it, and
    // afresh at every meeting (a previous meeting's reasons are not taken as given unseen)
    if (DeployedForms.fields(task.getProcessEngineServices().getRepositoryService(), task.getProcessDefinitionId(),
        task.getTaskDefinitionKey()).contains(AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.name())) {
      ArrayNode withoutNotice = Json.newList();
      for (Parent parent : NoticeToImproveReceipts.withoutNotice(task, parents, calendar.zone())) {
        withoutNotice.addObject().put("parentId", parent.id()).put("parent", parent.nameWithStanding());
      }
      if (withoutNotice.isEmpty()) {
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.remove(task.getExecution());
      } else {
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.set(task.getExecution(), withoutNotice);
      }
    }
  }
}
