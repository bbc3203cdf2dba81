package uk.schoolattendance.casefile;

import java.util.List;

/**
 * One case as a row of a list shows it (Find a pupil, My school's cases, a caseload), every value
 * already in the words and date format a person reads.
 *
 * @param href the case's page
 * @param state {@code open}, {@code waiting} or {@code closed}
 * @param stateLabel "Open", "Waiting", "Closed"
 * @param stateTag the GOV.UK tag colour class of the state
 * @param nextSteps who holds each open task and when it is due, or what the case waits for
 * @param outcome how a closed case ended, empty while it is open
 * @param lead the officer who leads the case
 * @param family a note for a case shown because it shares a parent with the one above ("Same family: Alex Smith")
 */
public record CaseSummary(
    String caseId,
    String caseReference,
    String href,
    String pupilName,
    String pupilUpn,
    String dateOfBirth,
    String school,
    String levelAndStage,
    String state,
    String stateLabel,
    String stateTag,
    List<NextStep> nextSteps,
    String outcome,
    String lead,
    String family) {

  /**
   * A next step: a task and its holder with its due date, or a date the case waits for.
   *
   * @param what the task's or the timer's name
   * @param holder who holds the task ("Olivia Okafor", "Attendance officers"); empty for a timer
   * @param due "28 May 2027", or empty
   * @param overdue the due date has passed
   * @param waiting a date the case waits for rather than a task
   */
  public record NextStep(String what, String holder, String due, boolean overdue, boolean waiting) {}

  /** This case, shown under another of its family. */
  public CaseSummary asSibling(String familyNote) {
    return new CaseSummary(
        caseId, caseReference, href, pupilName, pupilUpn, dateOfBirth, school, levelAndStage, state, stateLabel, stateTag,
        nextSteps, outcome, lead, familyNote);
  }
}
