package uk.schoolattendance.attendance;

import static uk.schoolattendance.process.ProcessVariable.integer;

import org.springframework.stereotype.Component;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;

/**
 * The contract of {@code IdentifyAttendanceConcerns} (bpmn/IdentifyAttendanceConcerns.bpmn, docs/register.md):
 * identification after one import of register marks (business key {@code import-{importId}}), and the
 * decisions it asks.
 */
@Component
public final class IdentifyAttendanceConcerns implements ProcessContract {

  public static final String KEY = "IdentifyAttendanceConcerns";

  /** The import whose marks are looked at. */
  public static final ProcessVariable<Integer> IMPORT_ID = integer("importId");
  public static final ProcessVariable<Integer> IDENTIFIED_PUPIL_COUNT = integer("identifiedPupilCount");
  public static final ProcessVariable<Integer> UPDATED_CASE_COUNT = integer("updatedCaseCount");

  /** Who is identified from the register (bpmn/AttendanceIdentification.dmn). */
  public static final String IDENTIFICATION_DECISION = "AttendanceIdentification";
  /** Who is flagged for the school's Targeting Support Meeting (bpmn/AttendanceIdentification.dmn). */
  public static final String TARGETING_SUPPORT_FLAG_DECISION = "TargetingSupportFlag";

  @Override
  public String key() {
    return KEY;
  }

}
