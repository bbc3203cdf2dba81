package uk.schoolattendance.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of "Hold Targeting Support Meeting" ({@code targetingSupportMeetingRules}). */
@Component("targetingSupportMeetingRules")
public class TargetingSupportMeetingRules implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs.requiredText(task, "pupilsIdentified", 8000);
    Inputs.requiredText(task, "actionsAgreed", 8000);
    Inputs.requiredText(task, "leadPractitioner", 200);
    Inputs.bool(task, "severelyAbsentPupilsHavePlans", true);
  }
}
