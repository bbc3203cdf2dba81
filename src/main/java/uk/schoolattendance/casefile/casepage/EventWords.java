package uk.schoolattendance.casefile.casepage;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.casework.AttendanceCase;

/**
 * The words a timeline shows for the codes a case's history keeps: what happened ("Review: some
 * progress" for {@code review-some-progress}) and, where the history keeps a code rather than what
 * a person wrote, the reason ("Penalty paid" for {@code penalty-paid}, "Opened at level 2" for
 * {@code entry at level 2}). Any other event is its code as a sentence; any other reason as written.
 */
final class EventWords {

  private static final Map<String, String> TITLES =
      Map.ofEntries(
          Map.entry(AttendanceCase.PENALTY_NOTICES_WITHDRAWN_EVENT, "Every penalty notice withdrawn: a decision is needed"),
          Map.entry(AttendanceCase.PENALTY_NOTICE_WITHDRAWN_FOR_ERROR_EVENT,
              "A notice withdrawn for a material error: decide whether a corrected notice follows"),
          // the case asks for the corrected notices; each notice's own steps say whether it was prepared or refused
          Map.entry(AttendanceCase.PENALTY_NOTICES_CORRECTED_EVENT, "Corrected penalty notices asked for"),
          Map.entry("after-withdrawal-corrected-notice", "After the withdrawal: a corrected notice"),
          Map.entry("after-withdrawal-further-support", "After the withdrawal: further support"),
          Map.entry("after-withdrawal-pupil-planning-meeting", "After the withdrawal: back to the Pupil Planning Meeting"),
          Map.entry("after-withdrawal-close", "After the withdrawal: case closed"),
          Map.entry("school-intervention-improved", "School intervention: attendance improved"),
          Map.entry("school-intervention-refer-to-la", "School intervention: referred to the local authority"),
          Map.entry("school-intervention-" + AttendanceCase.NO_LONGER_NEEDED, "School intervention: case no longer needed"),
          Map.entry("attendance-meeting-held", "Attendance meeting held"),
          Map.entry("review-target-met", "Review: target met"),
          Map.entry("review-some-progress", "Review: some progress"),
          Map.entry("review-no-progress", "Review: little or no progress"),
          Map.entry("casework-improved", "Family casework: attendance improved"),
          Map.entry("casework-formalise", "Family casework: formal support needed"),
          Map.entry("attendance-contract-not-improved", "Attendance contract: attendance not improved"),
          Map.entry("attendance-contract-improved", "Attendance contract: attendance improved"),
          Map.entry("threshold-evidence-recorded", "National threshold established from the school's register printout"),
          Map.entry("legal-route-penalty-notice", "Legal route chosen: penalty notice"),
          Map.entry("legal-route-prosecution", "Legal route chosen: prosecution"),
          Map.entry("legal-route-education-supervision-order", "Legal route chosen: education supervision order"),
          Map.entry("legal-route-further-support", "Further support chosen"),
          // the local authority issues the notice in law (its letter comes from the authority); the
          // history names whoever's step led to it, who recorded it (walk 13, #23)
          Map.entry(AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_EVENT, "Notice to Improve issued by the local authority"),
          Map.entry(AttendanceCase.PENALTY_NOTICES_CONCLUDED_EVENT, "Penalty notices concluded"),
          Map.entry(AttendanceCase.COURT, "Case closed: court outcome reached"));

  /**
   * The events the case records when it reaches a step ({@code casePathway.enter}: a task is made,
   * the court proceedings start), in the words of what is now due. The history names whoever's
   * step led there, which is not who holds or did the new step.
   */
  private static final Map<String, String> REACHED =
      Map.of(
          "school-intervention", "School intervention due",
          "attendance-meeting", "Attendance meeting due",
          "family-casework", "Family casework due",
          "attendance-contract", "Attendance contract due",
          "formal-action-considered", "Decision on formal action due",
          "pupil-planning-meeting", "Pupil Planning Meeting due",
          AttendanceCase.COURT_PROCEEDINGS_EVENT, "Court proceedings started: waiting for the court case to be prepared");

  private static final Pattern ENTRY_LEVEL = Pattern.compile("entry at level (\\d)");

  /** The reasons the system writes as a code, by event. */
  private static final Map<String, UnaryOperator<String>> REASONS =
      Map.of(
          "case-opened", EventWords::opened,
          AttendanceCase.PENALTY_NOTICES_CONCLUDED_EVENT, Wording::outcome,
          AttendanceCase.COURT, Wording::sentence);

  private EventWords() {}

  /** What happened, in words: "Review: some progress". */
  static String title(String event) {
    return TITLES.getOrDefault(event, Wording.sentence(event));
  }

  /** Whether the event records that the case reached a step (a task due), not something a person did. */
  static boolean reached(String event) {
    return REACHED.containsKey(event);
  }

  /**
   * Whether the event records that a process the case called ended (its penalty notices concluded,
   * its court proceedings reached an outcome): the case's own step, not the act of whoever ended
   * the called process's last task (the school acknowledging a court outcome).
   */
  static boolean calledProcessEnded(String event) {
    return AttendanceCase.COURT.equals(event) || AttendanceCase.PENALTY_NOTICES_CONCLUDED_EVENT.equals(event);
  }

  /** What is now due: "Pupil Planning Meeting due". */
  static String reachedTitle(String event) {
    return REACHED.getOrDefault(event, title(event));
  }

  /** The entry's reason in words where the system wrote a code; else as written. */
  static String reason(String event, String reason) {
    UnaryOperator<String> words = REASONS.get(event);
    return words == null || reason.isEmpty() ? reason : words.apply(reason);
  }

  private static String opened(String reason) {
    Matcher level = ENTRY_LEVEL.matcher(reason);
    if (level.matches()) {
      return "Opened at level " + level.group(1);
    }
    return "term-time leave".equals(reason) ? "Opened for term-time leave" : reason;
  }
}
