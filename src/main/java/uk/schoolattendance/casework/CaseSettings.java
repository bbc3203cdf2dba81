package uk.schoolattendance.casework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
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
 * @param noLongerNeededReasons why a school may close a Level 1 case as no longer needed for a
 *     reason other than improved attendance (value: the words the form, the case file and the
 *     history show); default {@link #DEFAULT_NO_LONGER_NEEDED_REASONS}. One list: the form of
 *     "Intervene in school" offers it (filled in when the form is opened) and the completion accepts
 *     only its keys. A council's list replaces the national one (application.yaml does not set the
 *     key); a reason without words, or a key that is not a code, stops start-up naming the key
 * @param noLongerNeededExplanationMinLength the fewest characters of the school's own explanation
 *     (default 20): a manager reads why, not "x"
 */
@ConfigurationProperties(prefix = "attendance.case")
public record CaseSettings(
    Integer reviewPeriodSchoolWeeks,
    Integer maxFurtherReviews,
    Integer contractReviewPeriodSchoolWeeks,
    String afterPaidNoticeBelowTarget,
    Double schoolInterventionImprovementPoints,
    Map<String, String> noLongerNeededReasons,
    Integer noLongerNeededExplanationMinLength) {

  /**
   * The national practice: a case is no longer needed when the pupil leaves the school's roll on a
   * ground for deletion of the School Attendance (Pupil Registration) (England) Regulations 2024
   * (SI 2024/208: registered at another school, moved away, home education, death), when the
   * absences are now authorised as illness (code I), or when the case repeats another.
   */
  public static final Map<String, String> DEFAULT_NO_LONGER_NEEDED_REASONS = defaultReasons();

  private static Map<String, String> defaultReasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("left-school", "The pupil has left the school (registered at another school)");
    reasons.put("moved-away", "The pupil has moved away from the area");
    reasons.put("home-educated", "The pupil is now electively home educated");
    reasons.put("illness-authorised", "The absences are explained by illness the school has now authorised");
    reasons.put("duplicate-case", "A duplicate of another case for the pupil");
    reasons.put("pupil-died", "The pupil has died");
    return Collections.unmodifiableMap(reasons);
  }

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final String REASONS_KEY = "attendance.case.no-longer-needed-reasons";

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
    noLongerNeededReasons = noLongerNeededReasons == null || noLongerNeededReasons.isEmpty()
        ? DEFAULT_NO_LONGER_NEEDED_REASONS
        : councilsReasons(noLongerNeededReasons);
    noLongerNeededExplanationMinLength =
        noLongerNeededExplanationMinLength == null ? 20 : noLongerNeededExplanationMinLength;
    if (noLongerNeededExplanationMinLength < 1 || noLongerNeededExplanationMinLength > 1000) {
      throw new IllegalStateException(
          "attendance.case.no-longer-needed-explanation-min-length must be 1–1000, was "
              + noLongerNeededExplanationMinLength);
    }
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

  /** A council's own reasons, as it gave them: every key a code, every reason with words. */
  private static Map<String, String> councilsReasons(Map<String, String> given) {
    Map<String, String> reasons = new LinkedHashMap<>();
    given.forEach((code, words) -> {
      if (code == null || !CODE.matcher(code).matches()) {
        throw new IllegalStateException(REASONS_KEY + "." + code
            + " is not a reason's code: lower-case letters and digits joined by hyphens (e.g. moved-away)");
      }
      if (words == null || words.isBlank()) {
        throw new IllegalStateException(REASONS_KEY + "." + code
            + " has no words: give the words the form and the case file show, or leave the reason out"
            + " (a council's list replaces the national one)");
      }
      reasons.put(code, words.strip());
    });
    return Collections.unmodifiableMap(reasons);
  }

  /** The national defaults. */
  public static CaseSettings defaults() {
    return new CaseSettings(null, null, null, null, null, null, null);
  }
}
