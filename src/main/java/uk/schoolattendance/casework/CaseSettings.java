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
 */
@ConfigurationProperties(prefix = "attendance.case")
public record CaseSettings(
    Integer reviewPeriodSchoolWeeks, Integer maxFurtherReviews, Integer contractReviewPeriodSchoolWeeks) {

  public CaseSettings {
    reviewPeriodSchoolWeeks = reviewPeriodSchoolWeeks == null ? 4 : reviewPeriodSchoolWeeks;
    maxFurtherReviews = maxFurtherReviews == null ? 2 : maxFurtherReviews;
    contractReviewPeriodSchoolWeeks =
        contractReviewPeriodSchoolWeeks == null ? 4 : contractReviewPeriodSchoolWeeks;
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
  }

  /** The national defaults. */
  public static CaseSettings defaults() {
    return new CaseSettings(null, null, null);
  }
}
