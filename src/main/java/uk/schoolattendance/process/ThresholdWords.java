package uk.schoolattendance.process;

/**
 * The national threshold for legal intervention as a council configured it ({@code
 * attendance.register.threshold}: {@code sessions} unauthorised sessions within a rolling {@code
 * school-weeks} school weeks, national defaults 10 and 10), in the words pages and letters use. The
 * register's figures count the same window, so a council that changes it reads its own numbers
 * wherever the product names the window. Built from the register's one reading of that
 * configuration ({@code attendance.RegisterProperties.threshold()}, by the attendance package's
 * configuration), so the words and the figures cannot drift apart.
 */
public class ThresholdWords {

  private final int sessions;
  private final int schoolWeeks;

  public ThresholdWords(int sessions, int schoolWeeks) {
    this.sessions = sessions;
    this.schoolWeeks = schoolWeeks;
  }

  /** The threshold's unauthorised sessions. */
  public int sessions() {
    return sessions;
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
    return sessions + " sessions in a rolling " + schoolWeeks + " school weeks";
  }
}
