package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * The body of {@code POST /api/cases}: the start variables of the contract ("Starting an
 * AttendanceCase"), typed. Checked by the one input normaliser before the case starts (Bean
 * Validation, {@link Checked}); the case's start checks and stores them again for every other
 * way in.
 */
@Checked
record OpenCaseRequest(
    String caseReference,
    String pupilUpn,
    String pupilName,
    LocalDate pupilDateOfBirth,
    String schoolUrn,
    String route,
    Integer entryLevel,
    Double attendancePercent,
    Integer unauthorisedSessions,
    List<ParentRequest> parents,
    Boolean previousNoticeToImprove,
    String supportSoFar)
    implements CheckedBody {

  /** One liable parent. */
  record ParentRequest(String id, String name, String address) {}

  @Override
  public void check() {
    Inputs.upn(AttendanceCase.PUPIL_UPN.name(), pupilUpn);
    Inputs.requiredText(AttendanceCase.PUPIL_NAME.name(), pupilName, CaseFacts.PUPIL_NAME_MAX);
    Inputs.schoolUrn(AttendanceCase.SCHOOL_URN.name(), schoolUrn);
    Inputs.oneOf(AttendanceCase.ROUTE.name(), route, AttendanceCase.ROUTES);
    Inputs.wholeNumber(AttendanceCase.ENTRY_LEVEL.name(), entryLevel, 1, 4);
    Inputs.required(
        AttendanceCase.ATTENDANCE_PERCENT.name(),
        Inputs.percent(AttendanceCase.ATTENDANCE_PERCENT.name(), attendancePercent),
        "is required, a percentage from 0 to 100");
    Inputs.required(
        AttendanceCase.UNAUTHORISED_SESSIONS.name(),
        Inputs.wholeNumber(AttendanceCase.UNAUTHORISED_SESSIONS.name(), unauthorisedSessions, 0, 1000),
        "is required, a whole number from 0 to 1000");
    // a ParentRequest has no date of birth, the one field a zone could move: the zone is never read
    Parents.parse(AttendanceCase.PARENTS.name(), parents == null ? null : Json.MAPPER.valueToTree(parents),
        uk.schoolattendance.schools.CalendarProperties.DEFAULT_ZONE);
  }

  /** The start variables of the case, as given (the case's start normalises and stores them). */
  Map<String, Object> startVariables(java.time.ZoneId zone) {
    Map<String, Object> variables = new HashMap<>();
    put(variables, AttendanceCase.PUPIL_UPN.name(), pupilUpn);
    put(variables, AttendanceCase.PUPIL_NAME.name(), pupilName);
    if (pupilDateOfBirth != null) {
      AttendanceCase.PUPIL_DATE_OF_BIRTH.put(variables, pupilDateOfBirth);
    }
    put(variables, AttendanceCase.SCHOOL_URN.name(), schoolUrn);
    put(variables, AttendanceCase.ROUTE.name(), route);
    put(variables, AttendanceCase.ENTRY_LEVEL.name(), entryLevel);
    put(variables, AttendanceCase.ATTENDANCE_PERCENT.name(), attendancePercent);
    put(variables, AttendanceCase.UNAUTHORISED_SESSIONS.name(), unauthorisedSessions);
    if (parents != null) {
      AttendanceCase.PARENTS.put(variables, Json.MAPPER.valueToTree(parents));
    }
    put(variables, AttendanceCase.PREVIOUS_NOTICE_TO_IMPROVE.name(), previousNoticeToImprove);
    put(variables, AttendanceCase.SUPPORT_SO_FAR.name(), supportSoFar);
    return variables;
  }

  private static void put(Map<String, Object> variables, String name, Object value) {
    if (value != null) {
      variables.put(name, value);
    }
  }
}
