package uk.schoolattendance.casework;

import org.springframework.stereotype.Component;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;

/**
 * The contract of {@code ChangeCaseLevel} (bpmn/ChangeCaseLevel.bpmn): how a Tasklist user
 * escalates or steps down a case. Started with the case reference, the new level and the reason;
 * its start sends {@link AttendanceCase#CHANGE_LEVEL} to the case. No tasks, no messages.
 */
@Component
public final class ChangeCaseLevel implements ProcessContract {

  public static final String KEY = "ChangeCaseLevel";

  public static final ProcessVariable<String> CASE_REFERENCE = AttendanceCase.CASE_REFERENCE;
  public static final ProcessVariable<Integer> NEW_LEVEL = AttendanceCase.NEW_LEVEL;
  public static final ProcessVariable<String> CHANGE_REASON = AttendanceCase.CHANGE_REASON;
  /** Who asked (the start event's initiator). */
  public static final ProcessVariable<String> CHANGED_BY = ProcessVariable.text("changedBy");

  @Override
  public String key() {
    return KEY;
  }

}
