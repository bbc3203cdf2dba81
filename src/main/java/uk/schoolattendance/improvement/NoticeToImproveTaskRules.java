package uk.schoolattendance.improvement;

import static uk.schoolattendance.improvement.NoticeToImprove.EARLY_ESCALATION_GROUNDS;
import static uk.schoolattendance.improvement.NoticeToImprove.IMPROVEMENT_SUFFICIENT;
import static uk.schoolattendance.improvement.NoticeToImprove.REVIEW_NOTES;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Complete listener of the NoticeToImprove user tasks ({@code noticeToImproveTaskRules}): the
 * review must say whether improvement was sufficient; early escalation needs its grounds and
 * makes the improvement insufficient.
 */
@Component("noticeToImproveTaskRules")
public class NoticeToImproveTaskRules implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id().equals(key)) {
      Inputs.yesNo(task, IMPROVEMENT_SUFFICIENT, true);
      Inputs.optionalText(task, REVIEW_NOTES, Inputs.TEXT_MAX);
    } else if (NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id().equals(key)) {
      String grounds = Inputs.optionalText(task, EARLY_ESCALATION_GROUNDS, Inputs.TEXT_MAX);
      if (grounds == null) {
        throw new InvalidInputException(
            EARLY_ESCALATION_GROUNDS.name(), "is required to escalate before the improvement period ends");
      }
      IMPROVEMENT_SUFFICIENT.set(task, false);
    } else {
      throw new IllegalStateException("no rules for " + key);
    }
  }
}
