package uk.schoolattendance.process;

/**
 * The national threshold for legal intervention as a council set it, in the words pages and
 * letters use: {@code sessions} unauthorised sessions (the latest deployed {@code NationalThreshold}
 * decision, its one source, read through the register: docs/analysts.md) within a rolling {@code
 * school-weeks} school weeks ({@code attendance.register.threshold.school-weeks}, national defaults
 * 10 and 10). The register's figures count the same window with the same number, so a council that
 * changes either reads its own numbers wherever the product names the threshold.
 */
public class ThresholdWords {

  private final java.util.function.IntSupplier sessions;
  private final int schoolWeeks;

  /** {@code sessions} is read each time the words are made: a new version of the decision applies at once. */
  public ThresholdWords(java.util.function.IntSupplier sessions, int schoolWeeks) {
    this.sessions = sessions;
    this.schoolWeeks = schoolWeeks;
  }

  /** The threshold's unauthorised sessions. */
  public int sessions() {
    return sessions.getAsInt();
  }

  /** The threshold's school weeks: the window of a case's {@code unauthorisedSessions}. */
  public int schoolWeeks() {
    return schoolWeeks;
  }

  /** "the last 10 school weeks": the window the register counts a case's unauthorised sessions in. */
  public String lastSchoolWeeks() {
    return "the last " + schoolWeeks + " school weeks";
  }

  /** "10 sessions in a rolling 10 school weeks". */
  public String threshold() {
    return sessions() + " sessions in a rolling " + schoolWeeks + " school weeks";
  }
}
