package uk.schoolattendance.improvement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The local choices for Notices to Improve, {@code attendance.notice-to-improve} (domain notes
 * §4): the improvement period in school weeks, between 3 and 6 by the national guidance,
 * default 6 (Essex, Norfolk). A value outside 3–6 stops the application at start-up.
 *
 * @param periodSchoolWeeks the improvement period in school weeks (3 to 6; default 6)
 * @param team the team that sends the notice and whose case officer signs it, as the letter names
 *     it in its sender block, "Contact" and signature (default "Attendance Service"): the attendance
 *     service's, not the penalty notice team ({@code attendance.penalty-notices.authority.contact})
 * @param earlyEscalationReasons the reasons for which an officer may escalate before the improvement
 *     period ends (value: the words the form and the case's history show), by the statutory guidance
 *     only on the grounds the notice states; default {@link #DEFAULT_EARLY_ESCALATION_REASONS}. One
 *     list: the letter's section 8 states these grounds, the form of "Watch improvement period" offers
 *     them (its options are filled from this list when the form is opened) and the rule accepts them.
 *     A council's list replaces the national one (application.yaml does not set the key, so Spring
 *     has no national map to merge a council's keys into): to drop a national reason a council lists
 *     the others. A reason without words, or a key that is not a code, stops start-up naming the key.
 * @param earlyEscalationGroundsMinLength the fewest characters the officer's own account of the
 *     grounds may have (default 20): a senior practitioner reads why, not "x"
 */
@ConfigurationProperties(prefix = "attendance.notice-to-improve")
public record NoticeToImproveProperties(
    Integer periodSchoolWeeks, String team, Map<String, String> earlyEscalationReasons,
    Integer earlyEscalationGroundsMinLength) {

  /** The national default reasons for escalating early (statutory guidance, August 2024). */
  public static final Map<String, String> DEFAULT_EARLY_ESCALATION_REASONS = defaultReasons();

  private static Map<String, String> defaultReasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("further-unauthorised-absence", "Further unauthorised absence during the improvement period");
    reasons.put("parent-not-engaging", "The parent has refused or stopped engaging with the support offered");
    reasons.put("circumstances-changed", "Circumstances have changed so that the improvement period can no longer work");
    return Collections.unmodifiableMap(reasons);
  }

  /** A reason's key: lower-case words joined by hyphens, as the form's value and the history hold it. */
  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final String REASONS_KEY = "attendance.notice-to-improve.early-escalation-reasons";

  /**
   * A council's own list, as it gave it: every key a code, every reason with the words the letter,
   * the form and the history show; otherwise start-up stops naming the key.
   */
  private static Map<String, String> councilsReasons(Map<String, String> given) {
    Map<String, String> reasons = new LinkedHashMap<>();
    given.forEach((code, words) -> {
      if (code == null || !CODE.matcher(code).matches()) {
        throw new IllegalStateException(REASONS_KEY + "." + code
            + " is not a reason's code: lower-case letters and digits joined by hyphens (e.g. parent-not-engaging)");
      }
      if (words == null || words.isBlank()) {
        throw new IllegalStateException(REASONS_KEY + "." + code
            + " has no words: give the words the letter, the form and the case's history show, or leave the"
            + " reason out (a council's list replaces the national one)");
      }
      reasons.put(code, words.strip());
    });
    return Collections.unmodifiableMap(reasons);
  }

  /** The national default team: the local authority's attendance service. */
  public static final String DEFAULT_TEAM = "Attendance Service";

  public static final int MIN_WEEKS = 3;
  public static final int MAX_WEEKS = 6;

  @ConstructorBinding
  public NoticeToImproveProperties {
    periodSchoolWeeks = periodSchoolWeeks == null ? MAX_WEEKS : periodSchoolWeeks;
    team = team == null || team.isBlank() ? DEFAULT_TEAM : team.strip();
    earlyEscalationReasons = earlyEscalationReasons == null || earlyEscalationReasons.isEmpty()
        ? DEFAULT_EARLY_ESCALATION_REASONS
        : councilsReasons(earlyEscalationReasons);
    earlyEscalationGroundsMinLength = earlyEscalationGroundsMinLength == null ? 20 : earlyEscalationGroundsMinLength;
    if (earlyEscalationGroundsMinLength < 1) {
      throw new IllegalStateException(
          "attendance.notice-to-improve.early-escalation-grounds-min-length must be at least 1, was "
              + earlyEscalationGroundsMinLength);
    }
    if (periodSchoolWeeks < MIN_WEEKS || periodSchoolWeeks > MAX_WEEKS) {
      throw new IllegalStateException(
          "attendance.notice-to-improve.period-school-weeks must be between 3 and 6 school weeks"
              + " (statutory guidance: an improvement period of 3 to 6 weeks), was "
              + periodSchoolWeeks);
    }
  }

  /** A period of this many school weeks, sent by {@code team}, with the national early escalation rules. */
  public NoticeToImproveProperties(Integer periodSchoolWeeks, String team) {
    this(periodSchoolWeeks, team, null, null);
  }

  /** A period of this many school weeks, sent by the default team. */
  public NoticeToImproveProperties(Integer periodSchoolWeeks) {
    this(periodSchoolWeeks, null);
  }

  public static NoticeToImproveProperties defaults() {
    return new NoticeToImproveProperties(null, null, null, null);
  }
}
