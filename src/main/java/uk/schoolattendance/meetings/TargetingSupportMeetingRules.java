package uk.schoolattendance.meetings;

import static uk.schoolattendance.meetings.TargetingSupportMeeting.ACTIONS_AGREED;
import static uk.schoolattendance.meetings.TargetingSupportMeeting.LEAD_PRACTITIONER;
import static uk.schoolattendance.meetings.TargetingSupportMeeting.PUPILS_IDENTIFIED;
import static uk.schoolattendance.meetings.TargetingSupportMeeting.SEVERELY_ABSENT_PUPILS_HAVE_PLANS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;

/** Complete listener of "Hold Targeting Support Meeting" ({@code targetingSupportMeetingRules}). */
@Component("targetingSupportMeetingRules")
public class TargetingSupportMeetingRules implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs.requiredText(task, PUPILS_IDENTIFIED, 8000);
    Inputs.requiredText(task, ACTIONS_AGREED, 8000);
    Inputs.requiredText(task, LEAD_PRACTITIONER, 200);
    Inputs.yesNo(task, SEVERELY_ABSENT_PUPILS_HAVE_PLANS, true);
  }
}
