package uk.schoolattendance.casework;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.AsTheApplication;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * A senior practitioner gives an open case to another officer (docs/security.md, "Caseloads and
 * reassignment"): the case's open tasks held by its officer (assigned to them, or offered to them
 * by name) move to the new officer, later tasks are offered to the new officer
 * ({@link CaseAssignment} reads the case's {@code caseOfficer}), and the case's history records
 * who, when, from whom to whom and why.
 *
 * <p>Who may is the engine's decision: assigning the tasks of every case (TASK_ASSIGN on the
 * process definitions, which the engine grants senior practitioners and administrators, not
 * officers: a candidate officer may only work the tasks offered to them) and UPDATE on the case.
 * Each task is moved as the signed-in user, so the engine checks it again; the case's variable
 * and its history entry are written as the application, as every recorded change of a case is
 * ({@code process.VariableOwnership}). One transaction: a refusal changes nothing.
 */
@Service
public class CaseReassignment {

  /** The history entry of a case given to another officer. */
  public static final String EVENT = "case-officer-changed";
  private static final int MAX = 100;

  /** What moved: the officer before and after (user ids) and the number of tasks that followed. */
  public record Reassigned(String from, String to, int tasksMoved) {}

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final AuthorizationService authorizations;
  private final IdentityService identityService;
  private final SchoolDirectory schools;

  public CaseReassignment(
      RuntimeService runtimeService,
      TaskService taskService,
      AuthorizationService authorizations,
      IdentityService identityService,
      SchoolDirectory schools) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.authorizations = authorizations;
    this.identityService = identityService;
    this.schools = schools;
  }

  /** Whether the engine lets the signed-in user give this case to another officer. */
  public boolean mayReassign(String caseId) {
    var user = identityService.getCurrentAuthentication();
    if (user == null) {
      return false;
    }
    return authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(),
            ProcessDefinitionPermissions.TASK_ASSIGN, Resources.PROCESS_DEFINITION, AttendanceCase.KEY)
        && (authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(),
                ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, AttendanceCase.KEY)
            || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(),
                ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, caseId));
  }

  /** The officer who leads the case now: the one it was given to, else its school's named officer. */
  public String officerOf(String caseId) {
    Object given = runtimeService.getVariable(caseId, AttendanceCase.CASE_OFFICER.name());
    if (given instanceof String id && !id.isBlank()) {
      return id;
    }
    String urn = AttendanceCase.SCHOOL_URN.from(runtimeService.getVariable(caseId, AttendanceCase.SCHOOL_URN.name()));
    return schools.find(urn).map(uk.schoolattendance.schools.School::namedOfficer).orElse(null);
  }

  /** The officers a case may be given to: attendance officers and senior practitioners, by name. */
  public List<User> officers() {
    java.util.Map<String, User> officers = new java.util.LinkedHashMap<>();
    for (String group : List.of(Groups.ATTENDANCE_OFFICERS, Groups.SENIOR_PRACTITIONERS)) {
      identityService.createUserQuery().memberOfGroup(group).orderByUserLastName().asc().orderByUserFirstName().asc()
          .listPage(0, 500).forEach(user -> officers.putIfAbsent(user.getId(), user));
    }
    return List.copyOf(officers.values());
  }

  /**
   * Gives the open case with this reference to {@code toOfficer}, for this reason, as the signed-in
   * user: 404 for a case the user cannot see, 403 without the engine's permission, a refused
   * field ({@code officer}, {@code reason}) for bad input; nothing changes unless all of it is done.
   */
  @Transactional
  public Reassigned reassign(String caseReference, String toOfficer, String reason) {
    String why = Inputs.requiredText("reason", reason, Inputs.TEXT_MAX);
    String to = Inputs.requiredText("officer", toOfficer, 64);
    ProcessInstance instance = caseReference == null ? null
        : runtimeService.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
            .processInstanceBusinessKey(caseReference).singleResult();
    if (instance == null) {
      throw new NotFoundException("no open case " + caseReference);
    }
    String caseId = instance.getId();
    var user = identityService.getCurrentAuthentication();
    if (!mayReassign(caseId)) {
      throw new AuthorizationException("giving a case to another officer needs TASK_ASSIGN on every case's tasks and UPDATE on the case; "
          + (user == null ? "nobody" : user.getUserId()) + " has not");
    }
    if (officers().stream().noneMatch(officer -> officer.getId().equals(to))) {
      throw new InvalidInputException("officer", "is not an attendance officer or a senior practitioner");
    }
    String from = asApplication(() -> officerOf(caseId));
    if (Objects.equals(from, to)) {
      throw new InvalidInputException("officer", "already leads the case");
    }
    int moved = 0;
    for (String id : asApplication(() -> CaseCorrections.caseAndCalled(runtimeService, caseId))) {
      for (Task task : taskService.createTaskQuery().processInstanceId(id).listPage(0, MAX)) {
        moved += move(task, from, to) ? 1 : 0;
      }
    }
    asApplication(() -> {
      runtimeService.setVariable(caseId, AttendanceCase.CASE_OFFICER.name(), to);
      ArrayNode history = Json.list(AttendanceCase.HISTORY.from(runtimeService.getVariable(caseId, AttendanceCase.HISTORY.name())));
      ObjectNode entry = CasePathway.entry(
          history,
          AttendanceCase.LEVEL.from(runtimeService.getVariable(caseId, AttendanceCase.LEVEL.name())),
          AttendanceCase.STAGE.from(runtimeService.getVariable(caseId, AttendanceCase.STAGE.name())),
          EVENT, user.getUserId(), why);
      if (from != null) {
        entry.put("from", from);
      }
      entry.put("to", to);
      runtimeService.setVariable(caseId, AttendanceCase.HISTORY.name(), AttendanceCase.HISTORY.stored(history));
      return null;
    });
    return new Reassigned(from, to, moved);
  }

  /**
   * Moves one open task from the old officer to the new one, as the signed-in user (the engine
   * checks TASK_ASSIGN on it): the assignment, and the offer by name. Another holder (a school, the
   * team, a colleague who claimed it) keeps it.
   */
  private boolean move(Task task, String from, String to) {
    if (from == null) {
      return false;
    }
    boolean offered = taskService.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && from.equals(link.getUserId()));
    boolean assigned = from.equals(task.getAssignee());
    if (offered) {
      taskService.deleteCandidateUser(task.getId(), from);
      taskService.addCandidateUser(task.getId(), to);
    }
    if (assigned) {
      taskService.setAssignee(task.getId(), to);
    }
    if (offered || assigned) {
      // the engine keeps a person's grant on a task when they stop being its candidate or assignee
      asApplication(() -> {
        for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
            .resourceType(Resources.TASK).resourceId(task.getId()).userIdIn(from).listPage(0, MAX)) {
          authorizations.deleteAuthorization(grant.getId());
        }
        return null;
      });
    }
    return offered || assigned;
  }

  /** Runs what the signed-in user may not do directly (checked before) as the application. */
  private <T> T asApplication(java.util.function.Supplier<T> work) {
    return AsTheApplication.call(identityService, work);
  }
}
