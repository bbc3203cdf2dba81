package uk.schoolattendance.improvement;

import static uk.schoolattendance.improvement.NoticeToImprove.EARLY_ESCALATION_GROUNDS;
import static uk.schoolattendance.improvement.NoticeToImprove.EARLY_ESCALATION_REASON;
import static uk.schoolattendance.improvement.NoticeToImprove.IMPROVEMENT_SUFFICIENT;
import static uk.schoolattendance.improvement.NoticeToImprove.ISSUED_ON;
import static uk.schoolattendance.improvement.NoticeToImprove.REVIEW_NOTES;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Complete listener of the NoticeToImprove user tasks ({@code noticeToImproveTaskRules}): the
 * review must say whether improvement was sufficient; early escalation makes the improvement
 * insufficient and needs grounds of substance (walk 13, defect 12). The statutory guidance lets a
 * penalty notice follow before the improvement period ends only on the grounds the notice stated,
 * where the parent does not engage or circumstances change; so the officer gives:
 *
 * <ul>
 *   <li>a reason from the configured list ({@code earlyEscalationReason},
 *       {@code attendance.notice-to-improve.early-escalation-reasons});
 *   <li>their own account of it ({@code earlyEscalationGrounds}), at least
 *       {@code early-escalation-grounds-min-length} characters;
 *   <li>not before the parent can have received the notice ({@link ImprovementPeriod#receivedOn},
 *       the product's receipt rule for posted notices): a final chance the parent has not had
 *       cannot have been refused.
 * </ul>
 *
 * A notice that runs on the model before this rule (version tag 1.1) has a form without the reason:
 * it is not asked for there, the other two rules apply.
 */
@Component("noticeToImproveTaskRules")
public class NoticeToImproveTaskRules implements TaskListener {

  /** The version tags of NoticeToImprove whose watch form has no reason field. */
  static final Set<String> WITHOUT_REASON = Set.of("1.0", "1.1");

  private final NoticeToImproveProperties properties;
  private final ImprovementPeriod period;
  private final SchoolCalendar calendar;

  public NoticeToImproveTaskRules(
      NoticeToImproveProperties properties, ImprovementPeriod period, SchoolCalendar calendar) {
    this.properties = properties;
    this.period = period;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id().equals(key)) {
      Inputs.yesNo(task, IMPROVEMENT_SUFFICIENT, true);
      Inputs.optionalText(task, REVIEW_NOTES, Inputs.TEXT_MAX);
    } else if (NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id().equals(key)) {
      earlyEscalation(task);
      IMPROVEMENT_SUFFICIENT.set(task, false);
    } else {
      throw new IllegalStateException("no rules for " + key);
    }
  }

  private void earlyEscalation(DelegateTask task) {
    LocalDate issued = ISSUED_ON.get(task);
    LocalDate today = calendar.today();
    if (issued != null) {
      LocalDate received = period.receivedOn(issued);
      if (today.isBefore(received)) {
        // the fault is the day, which the form has no field for: the refusal is shown at the reason, the
        // first field the officer fills (a 1.1 form without it shows it as the task's error)
        throw new InvalidInputException(EARLY_ESCALATION_REASON.name(),
            "the notice was posted on " + Days.shown(issued) + " and counts as received on " + Days.shown(received)
                + ": it cannot be escalated before the parent has had it");
      }
    }
    if (asksForReason(task)) {
      String reason = Inputs.oneOf(task, EARLY_ESCALATION_REASON, properties.earlyEscalationReasons().keySet(), null);
      NoticeToImprove.EARLY_ESCALATION_REASON_SHOWN.set(task, properties.earlyEscalationReasons().get(reason));
    }
    String grounds = Inputs.optionalText(task, EARLY_ESCALATION_GROUNDS, Inputs.TEXT_MAX);
    if (grounds == null) {
      throw new InvalidInputException(
          EARLY_ESCALATION_GROUNDS.name(), "is required to escalate before the improvement period ends");
    }
    int min = properties.earlyEscalationGroundsMinLength();
    if (grounds.strip().length() < min) {
      throw new InvalidInputException(EARLY_ESCALATION_GROUNDS.name(),
          "say what happened (dates of absence, what the parent said or refused), at least " + min
              + " characters, was " + grounds.strip().length());
    }
  }

  /**
   * Whether the task's own model (the version its instance runs on) has the reason field: read from
   * the model the engine already holds for the task, not fetched again through the repository under
   * the user's authorisation.
   */
  private static boolean asksForReason(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    String versionTag = element == null ? null : ((Process) element).getCamundaVersionTag();
    return versionTag == null || !WITHOUT_REASON.contains(versionTag);
  }
}
