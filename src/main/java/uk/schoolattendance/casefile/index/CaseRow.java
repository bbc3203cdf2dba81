package uk.schoolattendance.casefile.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One attendance case as the search table holds it: who, where, how far, who holds its next step.
 *
 * @param caseId the AttendanceCase process instance
 * @param tasks the open user tasks of the case and of the processes it called, soonest due first
 * @param timers the timers it waits on, soonest first
 * @param parents the liable parents
 * @param caseOfficer the officer a senior practitioner gave the case to; null while the school's
 *     named officer leads it
 */
public record CaseRow(
    String caseId,
    String caseReference,
    String pupilUpn,
    String pupilName,
    LocalDate pupilDateOfBirth,
    String schoolUrn,
    Integer level,
    String stage,
    Double attendancePercent,
    String caseOutcome,
    String closureReason,
    Instant openedAt,
    Instant closedAt,
    List<OpenTask> tasks,
    List<WaitingTimer> timers,
    List<ParentRow> parents,
    String caseOfficer) {

  /** An open user task and who may work it. */
  public record OpenTask(
      String taskId, String name, String key, String assignee, List<String> candidateUsers,
      List<String> candidateGroups, Instant due) {}

  /** A timer the case waits on. */
  public record WaitingTimer(String jobId, String processDefinitionId, String activityId, Instant due) {}

  /** A liable parent; {@code familyKey} names the person across cases (null for a case's own id). */
  public record ParentRow(String parentId, String name, String familyKey) {}

  /** Open (a task to work), waiting (on a date or a message) or closed. */
  public enum State {
    OPEN,
    WAITING,
    CLOSED
  }

  public State state() {
    if (closedAt != null) {
      return State.CLOSED;
    }
    return tasks.isEmpty() ? State.WAITING : State.OPEN;
  }
}
