package uk.schoolattendance.attendance;

import java.time.LocalDate;

/**
 * A pupil's figures for the academic year that holds {@code asOf}, counted from the marks up to
 * and including that day (contract: {@code GET /api/pupils/{upn}/attendance}).
 *
 * @param attendancePercent present ÷ possible × 100, to one decimal place; null with no possible
 *     session
 * @param band the {@code AttendanceBand} decision on the exact percentage; null with no possible
 *     session
 * @param unauthorisedInLast10SchoolWeeks G, N, O and U sessions in the rolling window of the
 *     threshold's school weeks (10 by default) ending in the week of {@code asOf}, in the pupil's
 *     own school calendar
 * @param thresholdMetOn the first date in the academic year on which the threshold's sessions fell
 *     within its school weeks, or null
 * @param thresholdWindowFrom the first day (a Monday) of the school weeks in which it was met
 * @param thresholdWindowTo the day it was met
 * @param schoolUrn the school whose calendar counts the pupil's school weeks
 */
public record Figures(
    String upn,
    LocalDate asOf,
    String academicYear,
    int possibleSessions,
    int presentSessions,
    int authorisedAbsence,
    int unauthorisedAbsence,
    Double attendancePercent,
    String band,
    int unauthorisedInLast10SchoolWeeks,
    LocalDate thresholdMetOn,
    LocalDate thresholdWindowFrom,
    LocalDate thresholdWindowTo,
    String schoolUrn) {

  /** The exact attendance (present ÷ possible × 100), or NaN with no possible session. */
  public static double percent(int present, int possible) {
    return possible == 0 ? Double.NaN : 100.0 * present / possible;
  }

  /** One decimal place, as the DfE publishes attendance. */
  public static Double rounded(double percent) {
    return Double.isNaN(percent) ? null : Math.round(percent * 10) / 10.0;
  }
}
