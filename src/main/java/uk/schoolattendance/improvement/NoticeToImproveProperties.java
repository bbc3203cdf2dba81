package uk.schoolattendance.improvement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local choices for Notices to Improve, {@code attendance.notice-to-improve} (domain notes
 * §4): the improvement period in school weeks, between 3 and 6 by the national guidance,
 * default 6 (Essex, Norfolk). A value outside 3–6 stops the application at start-up.
 */
@ConfigurationProperties(prefix = "attendance.notice-to-improve")
public record NoticeToImproveProperties(Integer periodSchoolWeeks) {

  public static final int MIN_WEEKS = 3;
  public static final int MAX_WEEKS = 6;

  public NoticeToImproveProperties {
    periodSchoolWeeks = periodSchoolWeeks == null ? MAX_WEEKS : periodSchoolWeeks;
    if (periodSchoolWeeks < MIN_WEEKS || periodSchoolWeeks > MAX_WEEKS) {
      throw new IllegalStateException(
          "attendance.notice-to-improve.period-school-weeks must be between 3 and 6 school weeks"
              + " (statutory guidance: an improvement period of 3 to 6 weeks), was "
              + periodSchoolWeeks);
    }
  }

  public static NoticeToImproveProperties defaults() {
    return new NoticeToImproveProperties(null);
  }
}
