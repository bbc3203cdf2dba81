package uk.schoolattendance.casework;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;

/** The case's DMN decisions evaluated from Java (listeners), by key, latest version. */
public final class Decisions {

  private Decisions() {}

  public static String attendanceBand(DecisionService decisions, double attendancePercent) {
    return decisions
        .evaluateDecisionTableByKey("AttendanceBand", Map.of("attendancePercent", attendancePercent))
        .getSingleEntry();
  }

  public static boolean nationalThresholdMet(DecisionService decisions, int unauthorisedSessions) {
    Boolean met =
        decisions
            .evaluateDecisionTableByKey("NationalThreshold", Map.of("unauthorisedSessions", unauthorisedSessions))
            .getSingleEntry();
    return Boolean.TRUE.equals(met);
  }
}
