package uk.schoolattendance.casework;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.School;

/**
 * A case moves to another school (a corrected {@code schoolUrn}): what the old school saw of the
 * case and its called processes (the per-instance grants the case received when it started) is
 * the new school's, and the open school task goes to the new school's group or, for a school
 * that buys the traded service, its named officer. A task a member of the old school had claimed
 * is unclaimed. Runs inside the correction's transaction, as the application.
 */
@Component
class CaseSchoolMove {

  private static final int MAX = 100;

  private final AuthorizationService authorizations;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CaseAssignment assignment;

  CaseSchoolMove(AuthorizationService authorizations, TaskService tasks, IdentityService identity, CaseAssignment assignment) {
    this.authorizations = authorizations;
    this.tasks = tasks;
    this.identity = identity;
    this.assignment = assignment;
  }

  void move(List<String> processInstanceIds, String fromUrn, String toUrn) {
    String from = School.groupOf(fromUrn);
    String to = School.groupOf(toUrn);
    for (String instance : processInstanceIds) {
      for (Authorization grant :
          authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(from)
              .resourceId(instance).list()) {
        if (grant.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
            || grant.getResourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType()) {
          grant.setGroupId(to);
          authorizations.saveAuthorization(grant);
        }
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance).listPage(0, MAX)) {
        if (AttendanceCase.INTERVENE_IN_SCHOOL.id().equals(task.getTaskDefinitionKey())) {
          reassign(task, from, toUrn);
        }
      }
    }
  }

  private void reassign(Task task, String fromGroup, String toUrn) {
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
    assignment.schoolGroups(toUrn).forEach(group -> tasks.addCandidateGroup(task.getId(), group));
    assignment.schoolUsers(toUrn).forEach(user -> tasks.addCandidateUser(task.getId(), user));
    String assignee = task.getAssignee();
    if (assignee != null && identity.createUserQuery().userId(assignee).memberOfGroup(fromGroup).count() > 0) {
      tasks.setAssignee(task.getId(), null);
    }
  }
}
