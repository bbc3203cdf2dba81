package uk.schoolattendance.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;
import uk.schoolattendance.court.SupervisionOrderReminder;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A penalty notice's process and its entry in the register never disagree. The process moves
 * only by its messages ({@code PenaltyNoticePaid}, {@code PenaltyNoticeWithdrawn}) and decisions,
 * each recording the register in the same transaction; so nobody, administrators included, moves
 * a {@code PenaltyNotice} instance by instance modification (one by one or in a batch), starts one
 * part-way through, or restarts one; a migration to a new version keeps each instance where it
 * is (every instruction maps an activity to the same id). Camunda allowed an officer to move a
 * notice to "paid" while the register said "issued".
 *
 * <p>A {@code SupervisionOrderReminder}'s messages ({@code SupervisionOrderInForce}, {@code
 * SupervisionOrderExtended}, {@code SupervisionOrderDischarged}) are the court record's, sent by the
 * application with no user when an order, extension or discharge is recorded: a person correlating
 * one (engine REST, the Java API) is refused, since it would withdraw the reminder of an order with no
 * discharge or extension recorded, or start a bogus one.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

  static final String PENALTY_NOTICE = PenaltyNotice.KEY;
  static final Set<String> COURT_RECORD_MESSAGES = Set.of(SupervisionOrderReminder.SUPERVISION_ORDER_IN_FORCE.name(),
      SupervisionOrderReminder.SUPERVISION_ORDER_EXTENDED.name(), SupervisionOrderReminder.SUPERVISION_ORDER_DISCHARGED.name());
  static final String WHY =
      "a PenaltyNotice moves only by its messages (PenaltyNoticePaid, PenaltyNoticeWithdrawn) and decisions, "
          + "which keep the register in step; ";

  @Override
  public MessageCorrelationBuilder createMessageCorrelation(String messageName) {
    if (COURT_RECORD_MESSAGES.contains(messageName)
        && Boolean.TRUE.equals(commandExecutor.execute(commandContext -> commandContext.getAuthentication() != null))) {
      throw new InvalidInputException("messageName", messageName + " is sent by the court record when a senior practitioner"
          + " records an education supervision order, its extension or its discharge on the case page, never by a person"
          + " directly: nothing was correlated");
    }
    return super.createMessageCorrelation(messageName);
  }

  @Override
  public ProcessInstanceModificationBuilder createProcessInstanceModification(String processInstanceId) {
    if (PENALTY_NOTICE.equals(keyOfInstance(processInstanceId))) {
      throw new InvalidInputException("processInstanceId", WHY + "instance modification is refused, for everyone");
    }
    return super.createProcessInstanceModification(processInstanceId);
  }

  @Override
  public ModificationBuilder createModification(String processDefinitionId) {
    refuseForNotices(processDefinitionId, "instance modification is refused, for everyone");
    return super.createModification(processDefinitionId);
  }

  @Override
  public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
    refuseForNotices(processDefinitionId, "a restart is refused, for everyone: start a new referral from the case");
    return super.restartProcessInstances(processDefinitionId);
  }

  @Override
  public MigrationPlanExecutionBuilder newMigration(MigrationPlan migrationPlan) {
    if (PENALTY_NOTICE.equals(keyOfDefinition(migrationPlan.getSourceProcessDefinitionId()))) {
      for (MigrationInstruction instruction : migrationPlan.getInstructions()) {
        if (!instruction.getSourceActivityId().equals(instruction.getTargetActivityId())) {
          throw new InvalidInputException(
              "migrationPlan", WHY + "a migration must keep each notice where it is (" + instruction.getSourceActivityId() + ")");
        }
      }
    }
    return super.newMigration(migrationPlan);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
    return new Instantiation(commandExecutor, processDefinitionKey, null);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
    return new Instantiation(commandExecutor, null, processDefinitionId);
  }

  private void refuseForNotices(String processDefinitionId, String what) {
    if (PENALTY_NOTICE.equals(keyOfDefinition(processDefinitionId))) {
      throw new InvalidInputException("processDefinitionId", WHY + what);
    }
  }

  private String keyOfInstance(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    return commandExecutor.execute(
        commandContext -> {
          ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
          return instance == null ? null : instance.getProcessDefinition().getKey();
        });
  }

  private String keyOfDefinition(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    return commandExecutor.execute(
        commandContext -> {
          ProcessDefinitionEntity definition =
              commandContext.getProcessDefinitionManager().findLatestDefinitionById(processDefinitionId);
          return definition == null ? null : definition.getKey();
        });
  }

  /** A start; one part-way through (at chosen activities) is refused for notices. */
  private final class Instantiation extends ProcessInstantiationBuilderImpl {

    Instantiation(CommandExecutor commandExecutor, String processDefinitionKey, String processDefinitionId) {
      super(commandExecutor);
      this.processDefinitionKey = processDefinitionKey;
      this.processDefinitionId = processDefinitionId;
    }

    @Override
    public ProcessInstanceWithVariables executeWithVariablesInReturn(boolean skipCustomListeners, boolean skipIoMappings) {
      boolean partWay = !modificationBuilder.getModificationOperations().isEmpty();
      if (partWay
          && (PENALTY_NOTICE.equals(processDefinitionKey) || PENALTY_NOTICE.equals(keyOfDefinition(processDefinitionId)))) {
        throw new InvalidInputException("startInstructions", WHY + "it starts at its start event only");
      }
      return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
    }
  }
}
