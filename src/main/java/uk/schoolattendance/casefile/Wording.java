package uk.schoolattendance.casefile;

import java.util.Locale;
import java.util.Map;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.identity.Groups;

/**
 * The words pages use for the contract's values: stages, outcomes, groups. Plain English, as a
 * person writes them ("Facilitate support", "Attendance improved", "Attendance officers").
 */
public final class Wording {

  private static final Map<String, String> OUTCOMES =
      Map.of(
          AttendanceCase.IMPROVED, "Attendance improved",
          AttendanceCase.PENALTY_PAID, "Penalty paid",
          AttendanceCase.COURT, "Court outcome reached",
          AttendanceCase.WITHDRAWN, "Notices withdrawn",
          AttendanceCase.CLOSED, "Closed early",
          AttendanceCase.NO_LONGER_NEEDED_OUTCOME, "No longer needed");

  private static final Map<String, String> GROUPS = roles();

  private Wording() {}

  /** "facilitate-support" → "Facilitate support"; any kebab-case value likewise. */
  public static String sentence(String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    String words = value.replace('-', ' ').trim();
    return words.substring(0, 1).toUpperCase(Locale.UK) + words.substring(1);
  }

  /** "Level 2: facilitate support". */
  public static String levelAndStage(Integer level, String stage) {
    String stageWords = stage == null ? "" : sentence(stage).toLowerCase(Locale.UK);
    if (level == null) {
      return sentence(stage);
    }
    return stageWords.isEmpty() ? "Level " + level : "Level " + level + ": " + stageWords;
  }

  public static String outcome(String caseOutcome) {
    return caseOutcome == null ? "" : OUTCOMES.getOrDefault(caseOutcome, sentence(caseOutcome));
  }

  /** A role group's name, or null for any other group. */
  public static String roleGroup(String groupId) {
    return GROUPS.get(groupId);
  }

  private static Map<String, String> roles() {
    Map<String, String> names = new java.util.HashMap<>();
    for (String[] role : Groups.ROLES) {
      names.put(role[0], role[1]);
    }
    names.put(Groups.CAMUNDA_ADMIN, "Administrators");
    return Map.copyOf(names);
  }
}
