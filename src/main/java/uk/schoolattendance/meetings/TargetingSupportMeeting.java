package uk.schoolattendance.meetings;

import static uk.schoolattendance.process.ProcessVariable.bool;
import static uk.schoolattendance.process.ProcessVariable.date;
import static uk.schoolattendance.process.ProcessVariable.text;

import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.MessageContract;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code TargetingSupportMeeting} (bpmn/TargetingSupportMeeting.bpmn): a school's
 * termly meeting with its named officer, one per school and term (business key
 * {@code TSM-{urn}-{year}-{term}}).
 */
@Component
public final class TargetingSupportMeeting implements ProcessContract {

  public static final String KEY = "TargetingSupportMeeting";

  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  /** e.g. {@code 2026-27 autumn}. */
  public static final ProcessVariable<String> TERM = text("term");
  public static final ProcessVariable<Date> MEETING_DATE = date("meetingDate");
  public static final ProcessVariable<Date> MEETING_DUE_DATE = date("meetingDueDate");

  public static final ProcessVariable<String> PUPILS_IDENTIFIED = text("pupilsIdentified");
  public static final ProcessVariable<String> ACTIONS_AGREED = text("actionsAgreed");
  public static final ProcessVariable<String> LEAD_PRACTITIONER = text("leadPractitioner");
  public static final ProcessVariable<Boolean> SEVERELY_ABSENT_PUPILS_HAVE_PLANS = bool("severelyAbsentPupilsHavePlans");

  public static final UserTaskContract HOLD_TARGETING_SUPPORT_MEETING =
      UserTaskContract.of(
          "Task_HoldTargetingSupportMeeting",
          PUPILS_IDENTIFIED, ACTIONS_AGREED, LEAD_PRACTITIONER, SEVERELY_ABSENT_PUPILS_HAVE_PLANS);

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(HOLD_TARGETING_SUPPORT_MEETING);
  }

  @Override
  public List<MessageContract> messages() {
    return List.of();
  }
}
