package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.ProcessVariable;

/**
 * Completing "Check term-time leave evidence": each of the four pieces of evidence must be
 * answered; {@code evidenceComplete} is true only when all four are there.
 */
@Component("leaveEvidenceChecked")
public class LeaveEvidenceChecked implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean complete = true;
    for (ProcessVariable<Boolean> evidence : PenaltyNotice.EVIDENCE) {
      complete &= Inputs.yesNo(task, evidence, true);
    }
    PenaltyNotice.EVIDENCE_COMPLETE.set(task, complete);
  }
}
