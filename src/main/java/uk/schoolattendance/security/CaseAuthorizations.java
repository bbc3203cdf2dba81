package uk.schoolattendance.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.process.ForbiddenInputException;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A school sees its own cases and nobody else's. Every process instance that starts with a
 * {@code schoolUrn} (the attendance case and everything it calls, the termly meeting) grants the
 * group {@code school-{urn}} READ on that instance and, with historic instance permissions, on its
 * history. Nothing for the process models to do: a built-in start listener is added to every
 * process when it is deployed. A school user may open a case only for its own school.
 *
 * <p>The school's tasks come from the candidate group {@code school-{urn}}: Camunda grants the
 * candidate group the task's default permissions when the task is created. With historic instance
 * permissions on, Camunda also grants each candidate READ on the task's history, one more row per
 * task; the school's group already reads the whole instance's history (its tasks, their variables
 * and operation log included) by the grant above, so for that group on a task of its own school's
 * instance the engine grants only the runtime permissions. The local authority's caseworkers read
 * every task and its history through their grants on the process definitions, so their grant on
 * a task adds only TASK_WORK ({@link TaskGrantsBeyondStandingGrants}).
 */
@Component
class CaseAuthorizations extends AbstractProcessEnginePlugin implements ExecutionListener {

  static final String SCHOOLS = "schools";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessStartListeners.register(configuration, this);
    if (configuration.getResourceAuthorizationProvider() == null) {
      configuration.setResourceAuthorizationProvider(new TaskGrantsBeyondStandingGrants());
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    String urn = schoolUrn(execution);
    if (urn == null) {
      return; // no school, or bad input that the process's own validation refuses
    }
    CommandContext commandContext = Context.getCommandContext();
    if (execution.getSuperExecution() == null) {
      refuseOtherSchools(commandContext.getAuthentication(), urn);
    }
    String group = schoolGroup(urn);
    String instance = execution.getProcessInstanceId();
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    boolean history = commandContext.getProcessEngineConfiguration().isEnableHistoricInstancePermissions();
    commandContext.runWithoutAuthorization(
        () -> {
          Authorization runtime = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          runtime.setGroupId(group);
          runtime.setResource(Resources.PROCESS_INSTANCE);
          runtime.setResourceId(instance);
          runtime.addPermission(ProcessInstancePermissions.READ);
          authorizations.saveAuthorization(runtime);
          if (history) {
            Authorization historic = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            historic.setGroupId(group);
            historic.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
            historic.setResourceId(instance);
            historic.addPermission(HistoricProcessInstancePermissions.READ);
            authorizations.saveAuthorization(historic);
            // Camunda looks the instance's history up to stamp the grant with its case (root
            // instance), but the history is not written yet at the start, so it would stay
            // unstamped and outlive the case's history cleanup. Stamped before the insert is
            // flushed, the grant gets the case's removal time when the case ends, like its rows.
            ((AuthorizationEntity) historic).setRootProcessInstanceId(rootInstance(execution));
          }
          return null;
        });
  }

  private static String rootInstance(DelegateExecution execution) {
    return execution instanceof ExecutionEntity entity ? entity.getRootProcessInstanceId() : execution.getProcessInstanceId();
  }

  /**
   * Camunda's default grants on a task for its candidates, assignee and owner, less what the
   * person or group already holds through a standing grant, so each task adds only what is its
   * own:
   *
   * <ul>
   *   <li>a caseworker group ({@link Groups#CASEWORKERS}), or a user in one, reads every task and
   *       its history through its grants on every process definition (READ_TASK, READ_HISTORY):
   *       its grant on the task carries only TASK_WORK (claim, complete), and it gets no grant on
   *       the task's history. Tasklist's count then joins one grant per task for an officer (the
   *       definition grant), not three;
   *   <li>a school's group on a task of its own school's case reads the case's history through
   *       its grant on the instance's history ({@link CaseAuthorizations#notify}): no grant on
   *       the task's history.
   * </ul>
   *
   * <p>Everyone else (a school's group or user, any user outside the caseworker groups) gets
   * Camunda's grants unchanged, READ included. A grant that already exists is only added to.
   */
  static final class TaskGrantsBeyondStandingGrants extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
      boolean specificVariables = isEnforceSpecificVariablePermission();
      boolean caseworker = readsEveryTaskThroughDefinitions(groupId, userId);
      Permission[] runtime = getRuntimePermissions(specificVariables);
      if (caseworker) {
        runtime = Arrays.stream(runtime).filter(p -> p.getValue() != Permissions.READ.getValue()).toArray(Permission[]::new);
      }
      AuthorizationEntity taskGrant = createOrUpdateAuthorization(task, userId, groupId, Resources.TASK, false, runtime);
      // READ_HISTORY and the instance's history grant give no variables when they need their own permission
      boolean historyHeld = caseworker && !specificVariables || readsInstanceHistory(task, groupId);
      if (!isHistoricInstancePermissionsEnabled() || historyHeld) {
        return new AuthorizationEntity[] {taskGrant};
      }
      return new AuthorizationEntity[] {
        taskGrant,
        createOrUpdateAuthorization(task, userId, groupId, Resources.HISTORIC_TASK, true, getHistoricPermissions(specificVariables))
      };
    }

    /**
     * Camunda looks each grant up before it makes one (a select per grant); a task made in this
     * command has none in the database yet, so only this command's own grants are merged (as
     * Camunda does when its look-up finds nothing).
     */
    @Override
    protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId,
        Resource resource, boolean isHistoric, Permission... permissions) {
      if (!(task instanceof TaskEntity entity)
          || !Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(entity)) {
        return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
      }
      AuthorizationEntity grant = createAuthorization(userId, groupId, resource, task.getId(), permissions);
      if (isHistoric) {
        provideRemovalTime(grant, task);
      }
      return grant;
    }

    /**
     * Whether the group is a caseworker group, or the user a member of one (one look-up in the
     * identity store, whoever is signed in).
     */
    private static boolean readsEveryTaskThroughDefinitions(String groupId, String userId) {
      if (groupId != null) {
        return Groups.CASEWORKERS.contains(groupId);
      }
      CommandContext commandContext = Context.getCommandContext();
      return commandContext.runWithoutAuthorization(
          () -> commandContext.getReadOnlyIdentityProvider().createGroupQuery(commandContext)
              .groupMember(userId)
              .groupIdIn(Groups.CASEWORKERS.toArray(String[]::new))
              .count() > 0);
    }

    /** Whether the group is the school of the task's process instance, which CaseAuthorizations granted its history. */
    private static boolean readsInstanceHistory(Task task, String groupId) {
      if (groupId == null || !(task instanceof DelegateTask delegate) || delegate.getExecution() == null) {
        return false;
      }
      String urn = schoolUrn(delegate.getExecution());
      return urn != null && schoolGroup(urn).equals(groupId);
    }
  }

  /**
   * The start's school, normalised by the one input rule (so {@code " 100002"} is school 100002,
   * never a school nobody sees), or null when the start names none or a malformed one.
   */
  private static String schoolUrn(VariableScope execution) {
    Object raw = CaseFacts.SCHOOL_URN.raw(execution);
    if (raw == null) {
      return null;
    }
    try {
      return Inputs.schoolUrn(CaseFacts.SCHOOL_URN.name(), raw);
    } catch (InvalidInputException malformed) {
      return null;
    }
  }

  /** A school user (group {@code schools}) may only open cases for a school whose group it is in. */
  private static void refuseOtherSchools(Authentication user, String urn) {
    if (user == null || user.getGroupIds() == null) {
      return;
    }
    if (user.getGroupIds().contains(SCHOOLS) && !user.getGroupIds().contains(schoolGroup(urn))) {
      throw new ForbiddenInputException(CaseFacts.SCHOOL_URN.name(), "a school may open cases only for its own pupils");
    }
  }

  static String schoolGroup(String urn) {
    return School.groupOf(urn);
  }
}
