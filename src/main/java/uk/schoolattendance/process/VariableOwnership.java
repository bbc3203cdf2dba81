package uk.schoolattendance.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CommandInputs.ExecutionVariables;
import uk.schoolattendance.process.CommandInputs.Input;
import uk.schoolattendance.process.CommandInputs.Message;
import uk.schoolattendance.process.CommandInputs.Start;
import uk.schoolattendance.process.CommandInputs.TaskCompletion;
import uk.schoolattendance.process.CommandInputs.TaskThrow;
import uk.schoolattendance.process.CommandInputs.TaskVariables;
import uk.schoolattendance.process.CommandInputs.TokenMove;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Nobody rewrites a case through the side door (docs/security.md, issue #11 hole 1). Inside the
 * engine, for every command whatever the way in (engine REST, Tasklist, Cockpit, the project's
 * API, Java), on the processes that have a contract:
 *
 * <ul>
 *   <li>a task completion ({@code complete}, {@code submit-form}, {@code resolve}) and a change
 *       of a task's variables may set or remove only the variables the task owns (its contract's
 *       {@link UserTaskContract}); anything else is refused with 400 naming it, the task stays
 *       open. A task does not raise BPMN errors or escalations from outside;
 *   <li>a message may carry only its contract's variables ({@link MessageContract});
 *   <li>a signed-in user who is not an administrator ({@code camunda-admin}) may not set or
 *       remove a process instance's or execution's variables directly (400 naming the first),
 *       nor modify a process instance or signal an execution past its wait (403).
 * </ul>
 *
 * A task completion's refusal ({@link InvalidInputException}) leaves here led by the label of the
 * field on the task's form ({@link FormLabels}), and a start's by the label on the start form, so
 * every way in words it alike.
 *
 * The engine's own permission check comes first, so a caller without the right to work the task
 * still gets 403. A case's facts change through a recorded correction ({@code CaseCorrections}),
 * which checks who asks and writes as the application. Commands the processes run themselves (a
 * listener correlating a message, a delegate) are the application's and are not checked; nor are
 * the ones of processes without a contract (test probes, an analyst's draft).
 */
@Component
public class VariableOwnership extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(VariableOwnership.class);

  private final Map<String, ProcessContract> byKey = new HashMap<>();
  private final Map<String, MessageContract> messages = new HashMap<>();
  private final FormLabels formLabels = new FormLabels();

  public VariableOwnership(List<ProcessContract> contracts) {
    for (ProcessContract contract : contracts) {
      byKey.put(contract.key(), contract);
      contract.messages().forEach(message -> messages.put(message.name(), message));
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new Guard());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Checks the outermost command of each call, after the command context exists. */
  private final class Guard extends CommandInterceptor {

    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T execute(Command<T> command) {
      int level = depth.get();
      Input input = null;
      if (level == 0) {
        input = CommandInputs.of(command);
        check(input, Context.getCommandContext());
      }
      depth.set(level + 1);
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (input instanceof TaskCompletion completion) {
          throw labelled(e, Context.getCommandContext(), completion.taskId());
        }
        if (input instanceof Start start) {
          throw startLabelled(e, Context.getCommandContext(), start);
        }
        throw e;
      } finally {
        depth.set(level);
      }
    }
  }

  void check(Command<?> command, CommandContext context) {
    check(CommandInputs.of(command), context);
  }

  private void check(Input input, CommandContext context) {
    if (input == null) {
      return;
    }
    if (input instanceof TaskCompletion completion) {
      taskOwned(context, completion.taskId(), completion.variables(), true);
    } else if (input instanceof TaskVariables change) {
      taskOwned(context, change.taskId(), change.variables(), false);
    } else if (input instanceof TaskThrow raised) {
      taskThrows(context, raised.taskId());
    } else if (input instanceof ExecutionVariables change) {
      executionVariables(context, change.executionId(), change.variables());
    } else if (input instanceof TokenMove move) {
      tokenMove(context, move.executionId());
    } else if (input instanceof Message message) {
      messageCarries(message);
    }
  }

  private void taskOwned(CommandContext context, String taskId, Set<String> names, boolean completion) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    Optional<UserTaskContract> owner = task == null ? Optional.empty() : contractTask(task);
    if (owner.isEmpty()) {
      return;
    }
    if (completion) {
      sentWhenOnForm(context, task, owner.get(), names);
    }
    Set<String> foreign = new TreeSet<>(names);
    foreign.removeAll(owner.get().ownedNames());
    if (foreign.isEmpty()) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      if (completion) {
        checker.checkTaskWork(task);
      } else {
        checker.checkUpdateTaskVariable(task);
      }
    }
    throw new InvalidInputException(
        foreign.iterator().next(),
        "is not set by task " + owner.get().id() + ", which sets only " + new TreeSet<>(owner.get().ownedNames())
            + "; a case's facts change through a recorded correction");
  }

  /**
   * Refuses a completion that leaves out a variable the task's form shows and sends back ({@link
   * UserTaskContract#sentWhenOnForm}): left out, the variable would keep the process's current value
   * and the check it serves (e.g. that the list shown is the current one) would pass unseen. The
   * engine's permission check comes first, as for a foreign variable.
   */
  private void sentWhenOnForm(CommandContext context, TaskEntity task, UserTaskContract owner, Set<String> names) {
    for (ProcessVariable<?> needed : owner.sentWhenOnForm()) {
      if (names.contains(needed.name())) {
        continue;
      }
      UserTask userTask = task.getBpmnModelElementInstance();
      String formId = userTask == null ? null : userTask.getCamundaFormRef();
      RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
      boolean onForm = context.runWithoutAuthorization(
          () -> formLabels.label(repository, task.getProcessDefinitionId(), formId, needed.name())).isPresent();
      if (!onForm) {
        continue;
      }
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      throw new InvalidInputException(needed.name(), "must be sent with the completion: the task's form shows it and"
          + " sends it back; reload the task and complete it from its form, or send the value the task shows");
    }
  }

  /**
   * A refusal of a task's completion leads with the label the task's form gives the field
   * ({@link FormLabels}): what a person sees in Tasklist's notification, whatever the way in. Read
   * without the caller's authorizations (the caller may work the task without reading its
   * definition); anything else the completion threw passes unchanged.
   */
  private RuntimeException labelled(RuntimeException thrown, CommandContext context, String taskId) {
    InvalidInputException refusal = causeOfType(thrown, InvalidInputException.class);
    if (refusal == null || refusal.getLabel() != null || context == null || taskId == null) {
      return thrown;
    }
    return labelledOrAsThrown(thrown, refusal, () -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      UserTask userTask = task == null ? null : task.getBpmnModelElementInstance();
      if (userTask == null) {
        return Optional.empty();
      }
      String formId = userTask.getCamundaFormRef();
      RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
      return context.runWithoutAuthorization(
          () -> formLabels.label(repository, task.getProcessDefinitionId(), formId, refusal.getField()));
    });
  }

  /**
   * A refusal of a start leads with the label the process's start form gives the field (the form of
   * its none start event, the one Tasklist's start dialog shows), as a completion's does: the same
   * words on {@code /engine-rest}, in Tasklist and from Java. A start by key reads the latest
   * version, which is the one a start by key runs.
   */
  private RuntimeException startLabelled(RuntimeException thrown, CommandContext context, Start start) {
    InvalidInputException refusal = causeOfType(thrown, InvalidInputException.class);
    if (refusal == null || refusal.getLabel() != null || context == null) {
      return thrown;
    }
    return labelledOrAsThrown(thrown, refusal, () -> context.runWithoutAuthorization(() -> {
      RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
      String definitionId = start.processDefinitionId();
      if (definitionId == null && start.processDefinitionKey() != null) {
        definitionId = context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedLatestProcessDefinitionByKey(start.processDefinitionKey()).getId();
      }
      if (definitionId == null) {
        return Optional.<String>empty();
      }
      String formId = repository.getBpmnModelInstance(definitionId).getModelElementsByType(StartEvent.class).stream()
          .filter(event -> event.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
          .filter(event -> event.getEventDefinitions().isEmpty())
          .map(StartEvent::getCamundaFormRef)
          .filter(java.util.Objects::nonNull)
          .findFirst().orElse(null);
      return formLabels.label(repository, definitionId, formId, refusal.getField());
    }));
  }

  /**
   * The refusal led by the field's label, or the refusal as thrown when there is no label or
   * looking it up fails (an unreadable form, a definition that cannot be read): the label only
   * words the refusal, it never replaces it, so the caller still gets the 400 naming the field,
   * not a 500 about the look-up. The failed look-up is logged for the administrator.
   */
  static RuntimeException labelledOrAsThrown(
      RuntimeException thrown, InvalidInputException refusal, Supplier<Optional<String>> label) {
    Optional<String> found;
    try {
      found = label.get();
    } catch (RuntimeException e) {
      LOG.warn("The label of field {} could not be read from the task's form; the refusal names the field alone: {}",
          refusal.getField(), e.toString());
      return thrown;
    }
    return found.<RuntimeException>map(text -> refusal.labelled(text, thrown)).orElse(thrown);
  }

  private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
    Throwable cause = thrown;
    for (int depth = 0; cause != null && depth < 20; depth++) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      cause = cause.getCause();
    }
    return null;
  }

  private void taskThrows(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task != null && contractTask(task).isPresent()) {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      throw new InvalidInputException(
          "taskId", "task " + task.getTaskDefinitionKey() + " ends by completing it: it raises no BPMN error or escalation");
    }
  }

  private void executionVariables(CommandContext context, String executionId, Set<String> names) {
    ExecutionEntity execution = contractExecution(context, executionId);
    if (execution == null || names.isEmpty() || isTrusted(context)) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkUpdateProcessInstanceVariables(execution);
    }
    throw new InvalidInputException(
        new TreeSet<>(names).iterator().next(),
        "a case's variables change only through its tasks, its messages or a recorded correction"
            + " (POST /api/cases/{caseReference}/corrections)");
  }

  private void tokenMove(CommandContext context, String executionId) {
    ExecutionEntity execution = contractExecution(context, executionId);
    if (execution != null && !isTrusted(context)) {
      throw new AuthorizationException(
          "only an administrator may modify a case's process or move it past a wait; "
              + context.getAuthentication().getUserId() + " may not");
    }
  }

  private void messageCarries(Message message) {
    MessageContract contract = messages.get(message.messageName());
    if (contract == null) {
      return;
    }
    Set<String> foreign = new TreeSet<>(message.variables());
    foreign.removeAll(contract.carriedNames());
    if (!foreign.isEmpty()) {
      throw new InvalidInputException(
          foreign.iterator().next(),
          "is not carried by the message " + contract.name() + ", which carries only " + new TreeSet<>(contract.carriedNames()));
    }
  }

  private Optional<UserTaskContract> contractTask(TaskEntity task) {
    ExecutionEntity execution = task.getExecution();
    ProcessContract contract = execution == null ? null : byKey.get(execution.getProcessDefinition().getKey());
    return contract == null ? Optional.empty() : contract.userTask(task.getTaskDefinitionKey());
  }

  private ExecutionEntity contractExecution(CommandContext context, String executionId) {
    ExecutionEntity execution = executionId == null ? null : context.getExecutionManager().findExecutionById(executionId);
    return execution != null && byKey.containsKey(execution.getProcessDefinition().getKey()) ? execution : null;
  }

  /** The application itself (no signed-in user) and administrators. */
  private static boolean isTrusted(CommandContext context) {
    Authentication user = context.getAuthentication();
    return user == null || user.getUserId() == null || context.getAuthorizationManager().isCamundaAdmin(user);
  }
}
