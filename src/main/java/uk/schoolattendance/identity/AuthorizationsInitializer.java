package uk.schoolattendance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.IdentifyAttendanceConcerns;
import uk.schoolattendance.attendance.ReviewIdentifiedPupils;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolAccess.SchoolPermission;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The role model of docs/security.md as Camunda authorizations, created at each start for the
 * contract's groups, idempotently (a missing permission is added, nothing is ever removed, so an
 * administrator's extra grants survive a restart).
 *
 * <p>What a school sees of a case is granted per instance when the case starts (see {@code
 * uk.schoolattendance.security.CaseAuthorizations}); its tasks through the candidate group
 * {@code school-{urn}} (Camunda's default task authorizations).
 */
@Component
class AuthorizationsInitializer {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";
  static final String ADMIN = "admin";

  private final AuthorizationService authorizations;
  private final SchoolDirectory schools;

  AuthorizationsInitializer(AuthorizationService authorizations, SchoolDirectory schools) {
    this.authorizations = authorizations;
    this.schools = schools;
  }

  @EventListener
  @Order(15)
  public void createAuthorizations(ApplicationReadyEvent event) {
    administrators();
    for (String group : Groups.CASEWORKERS) {
      caseworkers(group);
    }
    seniorPractitioners();
    managers();
    analysts();
    schools();
    schoolData();
  }

  /** Administrators may do everything, as Camunda's own initial administrator. */
  private void administrators() {
    for (Resources resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * Officers, senior practitioners, compliance team: the local authority's caseworkers. They read
   * every task and its history through these grants on every process definition, so the engine
   * gives them no READ on each task they are offered ({@code security.CaseAuthorizations}):
   * revoking READ_TASK or READ_HISTORY here hides their tasks, even those offered to them.
   */
  private void caseworkers(String group) {
    grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(
        group,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.USER, ANY, Permissions.READ);
    grant(group, Resources.GROUP, ANY, Permissions.READ);
  }

  /**
   * Senior practitioners lead the officers' team: they assign any case's tasks, so they may give a
   * case to another officer (casework.CaseReassignment). An officer works only the tasks offered
   * to them or their team.
   */
  private void seniorPractitioners() {
    grant(Groups.SENIOR_PRACTITIONERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.TASK_ASSIGN);
  }

  /** Managers read everything in Cockpit and Tasklist and change nothing. */
  private void managers() {
    String group = Groups.MANAGERS;
    grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(
        group,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    // Cockpit's Human Tasks page counts tasks by group: READ on every task, not only per process.
    grant(group, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_HISTORY);
    grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(group, Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY);
    grant(group, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    grant(group, Resources.USER, ANY, Permissions.READ);
    grant(group, Resources.GROUP, ANY, Permissions.READ);
  }

  /** Analysts deploy models and read definitions; they see no case data. */
  private void analysts() {
    String group = Groups.ANALYSTS;
    grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  /**
   * Every school may open an attendance case (for its own pupils only: checked when the case
   * starts); everything else it sees is granted per case and per task.
   */
  private void schools() {
    String group = Groups.SCHOOLS;
    grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(
        group,
        Resources.PROCESS_DEFINITION,
        AttendanceCase.KEY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
  }

  /**
   * Who reads and imports each school's register ({@link SchoolAccess}): a school's group its own
   * URN, the local authority's groups every school ({@code *}); the data team imports for every
   * school and watches identification after imports in Cockpit.
   */
  private void schoolData() {
    grant(Groups.CAMUNDA_ADMIN, SchoolAccess.SCHOOL, ANY, SchoolPermission.ALL);
    for (String group :
        new String[] {Groups.ATTENDANCE_OFFICERS, Groups.SENIOR_PRACTITIONERS, Groups.COMPLIANCE_TEAM, Groups.MANAGERS}) {
      grant(group, SchoolAccess.SCHOOL, ANY, SchoolPermission.READ);
    }
    grant(Groups.DATA_TEAM, SchoolAccess.SCHOOL, ANY, SchoolPermission.READ, SchoolPermission.IMPORT_MARKS);
    for (School school : schools.all()) {
      grant(school.group(), SchoolAccess.SCHOOL, school.urn(), SchoolPermission.READ, SchoolPermission.IMPORT_MARKS);
    }
    grant(Groups.SCHOOLS, Resources.PROCESS_DEFINITION, ReviewIdentifiedPupils.KEY, ProcessDefinitionPermissions.READ);
    grant(Groups.DATA_TEAM, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(
        Groups.DATA_TEAM,
        Resources.PROCESS_DEFINITION,
        IdentifyAttendanceConcerns.KEY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization authorization =
        existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return;
    }
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
