package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The limit of penalty notices to one parent for one child (attendance.penalty-notices.limit in
 * limit-years, national 2 in 3 years; withdrawn notices do not count) in words, with the notices
 * that reach it, counted as "Decide notice terms" counts them (the register, today, the limit
 * period back), so that a count a form shows and its sentence agree.
 */
@Component
public class NoticeLimit {

  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeProperties properties;
  private final NoticeDates dates;

  public NoticeLimit(PenaltyNoticeRegister register, PenaltyNoticeProperties properties, NoticeDates dates) {
    this.register = register;
    this.properties = properties;
    this.dates = dates;
  }

  /** The standing notices to this parent for this child in the limit period before today, in order of issue. */
  public List<String> standing(String parentId, String parentName, String parentAddress, String pupilUpn) {
    LocalDate today = dates.today();
    return register.standingNumbers(
        parentId, register.personOf(parentId, parentName, parentAddress), pupilUpn,
        today.minusYears(properties.limitYears()), today);
  }

  /** Whether another notice to this parent for this child today would be beyond the limit. */
  public boolean reached(List<String> standing) {
    return PenaltyNoticeEntry.placeBeyondLimit(standing.size() + 1, properties.limit());
  }

  /**
   * "Sam Hall already has 2 penalty notices for Lily Hall in the last 3 years (PN-2026-000001,
   * PN-2026-000003): the limit is 2 (withdrawn notices do not count)".
   */
  public String words(String parentName, String pupilName, List<String> standing) {
    return (parentName == null || parentName.isBlank() ? "This parent" : parentName) + " already has " + standing.size()
        + " penalty " + (standing.size() == 1 ? "notice" : "notices") + " for "
        + (pupilName == null || pupilName.isBlank() ? "this child" : pupilName) + " in the last " + properties.limitYears()
        + " years" + (standing.isEmpty() ? "" : " (" + String.join(", ", standing) + ")") + ": the limit is "
        + properties.limit() + " (withdrawn notices do not count)";
  }
}
