package uk.schoolattendance.improvement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.Inputs;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Complete listener of the NoticeToImprove user tasks ({@code noticeToImproveTaskRules}): the
 * review must say whether improvement was sufficient; early escalation needs its grounds and
 * makes the improvement insufficient.
 */
@Component("noticeToImproveTaskRules")
public class NoticeToImproveTaskRules implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewNoticeToImprove" -> {
        Inputs.bool(task, "improvementSufficient", true);
        Inputs.optionalText(task, "reviewNotes", 4000);
      }
      case "Task_WatchImprovementPeriod" -> {
        String grounds = Inputs.optionalText(task, "earlyEscalationGrounds", 4000);
        if (grounds == null) {
          throw new InvalidInputException(
              "earlyEscalationGrounds", "is required to escalate before the improvement period ends");
        }
        task.setVariable("improvementSufficient", false);
      }
      default -> throw new IllegalStateException("no rules for " + task.getTaskDefinitionKey());
    }
  }
}
