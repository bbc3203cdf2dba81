package uk.schoolattendance.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
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
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.schools.School;
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
 * instance the engine grants only the runtime permissions ({@link SchoolTaskGrants}). Every other
 * candidate (an officer, the officers' team, a school on another school's instance) keeps both.
 */
@Component
class CaseAuthorizations extends AbstractProcessEnginePlugin implements ExecutionListener {

  static final String SCHOOLS = "schools";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessStartListeners.register(configuration, this);
    if (configuration.getResourceAuthorizationProvider() == null) {
      configuration.setResourceAuthorizationProvider(new SchoolTaskGrants());
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
   * Camunda's default grants, less a task history grant the school's group already holds through
   * its grant on the task's process instance history (no row, and no look-up for an existing one).
   */
  static final class SchoolTaskGrants extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
      if (groupId == null || !isHistoricInstancePermissionsEnabled() || !readsInstanceHistory(task, groupId)) {
        return super.createOrUpdateAuthorizations(task, groupId, userId);
      }
      return new AuthorizationEntity[] {
        createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false,
            getRuntimePermissions(isEnforceSpecificVariablePermission()))
      };
    }

    /** Whether the group is the school of the task's process instance, which CaseAuthorizations granted its history. */
    private static boolean readsInstanceHistory(Task task, String groupId) {
      if (!(task instanceof DelegateTask delegate) || delegate.getExecution() == null) {
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
      throw new InvalidInputException(CaseFacts.SCHOOL_URN.name(), "a school may open cases only for its own pupils");
    }
  }

  static String schoolGroup(String urn) {
    return School.groupOf(urn);
  }
}
