package uk.schoolattendance.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local choices for the escalation case, {@code attendance.case} (domain notes §2).
 *
 * @param reviewPeriodSchoolWeeks school weeks from the attendance meeting (or the previous
 *     review) to the review, default 4
 * @param maxFurtherReviews how many more reviews "some progress" allows before Level 3, default 2
 * @param contractReviewPeriodSchoolWeeks school weeks to the attendance contract's review when
 *     the officer gives no date, default 4 (typically 4–6)
 * @param afterPaidNoticeBelowTarget what a paid penalty notice does to a case whose attendance is
 *     still below the target it agreed ({@link PaidNoticeTarget}): {@code support-continues}, the
 *     national default (DfE "Working together to improve school attendance", 2024: support
 *     continues alongside enforcement; the case goes back to Level 3), or {@code close-on-payment}
 *     (the payment closes the case, {@code penalty-paid}, whatever the figure)
 * @param schoolInterventionImprovementPoints how many percentage points the register's attendance
 *     must have risen since the school's intervention began before the school may close a case
 *     with marks as "Attendance improved" (walk 14 #12), default 2, the margin a review reads as
 *     progress (domain notes §2); 0–20. The guidance sets no figure: a local choice
 */
@ConfigurationProperties(prefix = "attendance.case")
public record CaseSettings(
    Integer reviewPeriodSchoolWeeks,
    Integer maxFurtherReviews,
    Integer contractReviewPeriodSchoolWeeks,
    String afterPaidNoticeBelowTarget,
    Double schoolInterventionImprovementPoints) {

  /** The national default: support continues below the target after a paid notice. */
  public static final String SUPPORT_CONTINUES = "support-continues";
  /** A council's other choice: a paid notice closes the case. */
  public static final String CLOSE_ON_PAYMENT = "close-on-payment";

  public CaseSettings {
    reviewPeriodSchoolWeeks = reviewPeriodSchoolWeeks == null ? 4 : reviewPeriodSchoolWeeks;
    maxFurtherReviews = maxFurtherReviews == null ? 2 : maxFurtherReviews;
    contractReviewPeriodSchoolWeeks =
        contractReviewPeriodSchoolWeeks == null ? 4 : contractReviewPeriodSchoolWeeks;
    afterPaidNoticeBelowTarget = afterPaidNoticeBelowTarget == null ? SUPPORT_CONTINUES : afterPaidNoticeBelowTarget;
    schoolInterventionImprovementPoints =
        schoolInterventionImprovementPoints == null ? 2.0 : schoolInterventionImprovementPoints;
    if (schoolInterventionImprovementPoints < 0 || schoolInterventionImprovementPoints > 20) {
      throw new IllegalStateException(
          "attendance.case.school-intervention-improvement-points must be 0–20, was "
              + schoolInterventionImprovementPoints);
    }
    if (reviewPeriodSchoolWeeks < 1 || reviewPeriodSchoolWeeks > 12) {
      throw new IllegalStateException(
          "attendance.case.review-period-school-weeks must be 1–12, was " + reviewPeriodSchoolWeeks);
    }
    if (maxFurtherReviews < 0 || maxFurtherReviews > 10) {
      throw new IllegalStateException(
          "attendance.case.max-further-reviews must be 0–10, was " + maxFurtherReviews);
    }
    if (contractReviewPeriodSchoolWeeks < 1 || contractReviewPeriodSchoolWeeks > 12) {
      throw new IllegalStateException(
          "attendance.case.contract-review-period-school-weeks must be 1–12, was "
              + contractReviewPeriodSchoolWeeks);
    }
    if (!SUPPORT_CONTINUES.equals(afterPaidNoticeBelowTarget) && !CLOSE_ON_PAYMENT.equals(afterPaidNoticeBelowTarget)) {
      throw new IllegalStateException(
          "attendance.case.after-paid-notice-below-target must be " + SUPPORT_CONTINUES + " or " + CLOSE_ON_PAYMENT
              + ", was " + afterPaidNoticeBelowTarget);
    }
  }

  /** Whether a case below its target goes on at Level 3 after a paid notice (the national default). */
  public boolean supportContinuesBelowTarget() {
    return SUPPORT_CONTINUES.equals(afterPaidNoticeBelowTarget);
  }

  /** The national defaults. */
  public static CaseSettings defaults() {
    return new CaseSettings(null, null, null, null, null);
  }
}
