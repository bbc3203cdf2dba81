package uk.schoolattendance.casework;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;

/** The case's DMN decisions evaluated from Java (listeners), by key, latest version. */
public final class Decisions {

  private Decisions() {}

  public static String attendanceBand(DecisionService decisions, double attendancePercent) {
    return decisions
        .evaluateDecisionTableByKey(
            AttendanceCase.ATTENDANCE_BAND_DECISION, Map.of(AttendanceCase.ATTENDANCE_PERCENT.name(), attendancePercent))
        .getSingleEntry();
  }

  public static boolean nationalThresholdMet(DecisionService decisions, int unauthorisedSessions) {
    Boolean met =
        decisions
            .evaluateDecisionTableByKey(
                AttendanceCase.NATIONAL_THRESHOLD_DECISION,
                Map.of(AttendanceCase.UNAUTHORISED_SESSIONS.name(), unauthorisedSessions))
            .getSingleEntry();
    return Boolean.TRUE.equals(met);
  }
}
