package uk.schoolattendance.reporting;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Parental Responsibility Measures census for one academic year (domain notes §8).
 *
 * @param academicYear e.g. 2026-27
 * @param from 1 September
 * @param to 31 August
 * @param noticesIssuedHoliday penalty notices issued for term-time leave
 * @param noticesIssuedLate penalty notices issued for late arrival
 * @param noticesIssuedOther penalty notices issued for other unauthorised absence
 * @param paidWithin21Days notices issued in the year and paid within 21 days of receipt
 * @param paidWithin28Days notices issued in the year and paid on day 22 to 28
 * @param withdrawn notices issued in the year and withdrawn
 * @param prosecutionsAfterNonPayment recipients prosecuted in the year for an unpaid notice
 * @param casesEnteringCaseManagement attendance cases opened in the year
 * @param attendanceContracts attendance contracts agreed in the year
 * @param parentingOrders parenting orders made in the year
 * @param educationSupervisionOrders education supervision orders made in the year
 */
public record CensusFigures(
    String academicYear,
    LocalDate from,
    LocalDate to,
    long noticesIssuedHoliday,
    long noticesIssuedLate,
    long noticesIssuedOther,
    long paidWithin21Days,
    long paidWithin28Days,
    long withdrawn,
    long prosecutionsAfterNonPayment,
    long casesEnteringCaseManagement,
    long attendanceContracts,
    long parentingOrders,
    long educationSupervisionOrders) {

  public long noticesIssued() {
    return noticesIssuedHoliday + noticesIssuedLate + noticesIssuedOther;
  }

  /** The figures as census rows, in the census's order. */
  public Map<String, Long> rows() {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("penaltyNoticesIssued", noticesIssued());
    rows.put("penaltyNoticesIssuedHoliday", noticesIssuedHoliday);
    rows.put("penaltyNoticesIssuedLate", noticesIssuedLate);
    rows.put("penaltyNoticesIssuedOther", noticesIssuedOther);
    rows.put("penaltyNoticesPaidWithin21Days", paidWithin21Days);
    rows.put("penaltyNoticesPaidWithin28Days", paidWithin28Days);
    rows.put("penaltyNoticesWithdrawn", withdrawn);
    rows.put("prosecutionsAfterNonPayment", prosecutionsAfterNonPayment);
    rows.put("casesEnteringCaseManagement", casesEnteringCaseManagement);
    rows.put("attendanceContracts", attendanceContracts);
    rows.put("parentingOrders", parentingOrders);
    rows.put("educationSupervisionOrders", educationSupervisionOrders);
    return rows;
  }
}
