package uk.schoolattendance.improvement;

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
 */
@ConfigurationProperties(prefix = "attendance.notice-to-improve")
public record NoticeToImproveProperties(Integer periodSchoolWeeks, String team) {

  /** The national default team: the local authority's attendance service. */
  public static final String DEFAULT_TEAM = "Attendance Service";

  public static final int MIN_WEEKS = 3;
  public static final int MAX_WEEKS = 6;

  @ConstructorBinding
  public NoticeToImproveProperties {
    periodSchoolWeeks = periodSchoolWeeks == null ? MAX_WEEKS : periodSchoolWeeks;
    team = team == null || team.isBlank() ? DEFAULT_TEAM : team.strip();
    if (periodSchoolWeeks < MIN_WEEKS || periodSchoolWeeks > MAX_WEEKS) {
      throw new IllegalStateException(
          "attendance.notice-to-improve.period-school-weeks must be between 3 and 6 school weeks"
              + " (statutory guidance: an improvement period of 3 to 6 weeks), was "
              + periodSchoolWeeks);
    }
  }

  /** A period of this many school weeks, sent by the default team. */
  public NoticeToImproveProperties(Integer periodSchoolWeeks) {
    this(periodSchoolWeeks, null);
  }

  public static NoticeToImproveProperties defaults() {
    return new NoticeToImproveProperties(null, null);
  }
}
