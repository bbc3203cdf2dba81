package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Check term-time leave evidence": each of the four pieces of evidence must be
 * answered; {@code evidenceComplete} is true only when all four are there.
 */
@Component("leaveEvidenceChecked")
public class LeaveEvidenceChecked implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean complete = true;
    for (String evidence : PenaltyNoticeRequested.EVIDENCE) {
      boolean present = Inputs.requiredBoolean(task, evidence);
      task.setVariable(evidence, present);
      complete &= present;
    }
    task.setVariable("evidenceComplete", complete);
  }
}
