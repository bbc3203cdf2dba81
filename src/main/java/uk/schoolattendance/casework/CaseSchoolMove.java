package uk.schoolattendance.casework;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.School;

/**
 * A case moves to another school (a corrected {@code schoolUrn}): what the old school saw of the
 * case and its called processes (the per-instance grants the case received when it started) is
 * the new school's (the history of called processes that have finished too); an open Level 1–3 task goes to the new school's group or, for a school that
 * buys the traded service, its named officer and the officers' team ({@link CaseAssignment}); the
 * LA's later work goes to the new school's named officer, still with its team (or, for a case a
 * senior practitioner gave to an officer, stays with that officer). A task a member of
 * the old school had claimed is unclaimed. Runs inside the correction's transaction, as the application.
 */
@Component
class CaseSchoolMove {

  private static final int MAX = 100;
  /** What a school is granted on each instance of a case: the instance and its history. */
  private static final java.util.Set<Integer> INSTANCE_GRANTS =
      java.util.Set.of(Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());

  private final AuthorizationService authorizations;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CaseAssignment assignment;
  private final org.camunda.bpm.engine.RuntimeService runtime;

  CaseSchoolMove(
      AuthorizationService authorizations,
      HistoryService history,
      TaskService tasks,
      IdentityService identity,
      CaseAssignment assignment,
      org.camunda.bpm.engine.RuntimeService runtime) {
    this.runtime = runtime;
    this.authorizations = authorizations;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.assignment = assignment;
  }

  void move(List<String> processInstanceIds, String fromUrn, String toUrn) {
    String from = School.groupOf(fromUrn);
    String to = School.groupOf(toUrn);
    // a case a senior practitioner gave to an officer keeps that officer at its new school
    Object given = processInstanceIds.isEmpty() ? null
        : runtime.getVariable(processInstanceIds.get(0), AttendanceCase.CASE_OFFICER.name());
    String caseOfficer = given instanceof String id && !id.isBlank() ? id : null;
    if (!processInstanceIds.isEmpty()) {
      // the processes the case called that have finished (a Notice to Improve that ran its course):
      // their history is the case's too, so the old school's view of it is the new school's
      for (HistoricProcessInstance finished : history.createHistoricProcessInstanceQuery()
          .rootProcessInstanceId(processInstanceIds.get(0)).finished().listPage(0, MAX)) {
        moveGrants(finished.getId(), from, to, java.util.Set.of(Resources.HISTORIC_PROCESS_INSTANCE.resourceType()));
        moveTaskHistory(finished.getId(), from, to);
      }
    }
    for (String instance : processInstanceIds) {
      moveGrants(instance, from, to, INSTANCE_GRANTS);
      moveTaskHistory(instance, from, to);
      for (Task task : tasks.createTaskQuery().processInstanceId(instance).listPage(0, MAX)) {
        if (CaseAssignment.LEVELS_1_TO_3.contains(task.getTaskDefinitionKey())) {
          reassign(task, from, assignment.schoolGroupsOf(task.getTaskDefinitionKey(), toUrn, caseOfficer),
              assignment.schoolUsersOf(toUrn, caseOfficer));
        } else if (hasCandidateUser(task)) {
          reassign(task, from, candidateGroups(task), assignment.officerOf(toUrn, caseOfficer));
        }
      }
    }
  }

  /** What the old school saw of one instance's tasks' history becomes the new school's. */
  private void moveTaskHistory(String instance, String from, String to) {
    for (HistoricTaskInstance done : history.createHistoricTaskInstanceQuery().processInstanceId(instance).listPage(0, MAX)) {
      moveGrants(done.getId(), from, to, java.util.Set.of(Resources.HISTORIC_TASK.resourceType()));
    }
  }

  /** The old school's grants of these kinds on one instance or task become the new school's. */
  private void moveGrants(String resourceId, String from, String to, java.util.Set<Integer> kinds) {
    for (Authorization grant :
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(from)
            .resourceId(resourceId).listPage(0, MAX)) {
      if (kinds.contains(grant.getResourceType())) {
        grant.setGroupId(to);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  private void reassign(Task task, String fromGroup, List<String> groups, List<String> users) {
    // the task's grants to its old candidates go with them (Camunda keeps a task's grants when a
    // candidate is removed)
    for (Authorization grant :
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceId(task.getId())
            .listPage(0, MAX)) {
      if (grant.getResourceType() == Resources.TASK.resourceType() && isCandidate(task, grant)) {
        authorizations.deleteAuthorization(grant.getId());
      }
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null) {
        tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
      } else if (link.getUserId() != null) {
        tasks.deleteCandidateUser(task.getId(), link.getUserId());
      }
    }
    groups.forEach(group -> tasks.addCandidateGroup(task.getId(), group));
    users.forEach(user -> tasks.addCandidateUser(task.getId(), user));
    String assignee = task.getAssignee();
    // (a new candidate's grants are created by the engine as it adds them)
    if (assignee != null && identity.createUserQuery().userId(assignee).memberOfGroup(fromGroup).count() > 0) {
      tasks.setAssignee(task.getId(), null);
    }
  }

  /** Whether a task is offered to a named person (the LA's work for the old school's named officer). */
  private boolean hasCandidateUser(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** Whether a task grant is one of the task's candidate links (a group or a user). */
  private boolean isCandidate(Task task, Authorization grant) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (link.getGroupId() != null && link.getGroupId().equals(grant.getGroupId())
              || link.getUserId() != null && link.getUserId().equals(grant.getUserId()))) {
        return true;
      }
    }
    return false;
  }
}
