package uk.schoolattendance.process;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What an engine command is about to change, read from the command itself: which task or
 * execution, which variables, which message. Camunda's commands keep their input in protected
 * fields and expose no getters, so they are read by name; a field that is not there (another
 * engine version) fails the command rather than let it through unchecked, and
 * {@code CommandInputsTest} pins every field this class reads.
 */
final class CommandInputs {

  /** What a command does to a process, as far as the ownership of variables is concerned. */
  sealed interface Input {}

  /** A task is completed (or resolved, or submitted) with these variables. */
  record TaskCompletion(String taskId, Set<String> variables) implements Input {}

  /** A task raises a BPMN error or an escalation (its variables set first). */
  record TaskThrow(String taskId, Set<String> variables) implements Input {}

  /** A task's variables are set or removed without completing it. */
  record TaskVariables(String taskId, Set<String> variables) implements Input {}

  /** An execution's (or a process instance's) variables are set or removed directly. */
  record ExecutionVariables(String executionId, Set<String> variables) implements Input {}

  /** A process instance is modified, or a waiting execution is signalled past its wait. */
  record TokenMove(String executionId) implements Input {}

  /** A message is correlated or delivered, carrying these variables. */
  record Message(String messageName, Set<String> variables) implements Input {}

  /** A process instance is started (with or without its start form): by definition id, or else by key. */
  record Start(String processDefinitionId, String processDefinitionKey) implements Input {}

  private CommandInputs() {}

  /** What the command changes, or null for a command that sets no process variable. */
  static Input of(Command<?> command) {
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      return new TaskThrow(field(command, "taskId", String.class), names(field(command, "variables", Map.class)));
    }
    if (command instanceof CompleteTaskCmd) {
      return new TaskCompletion(field(command, "taskId", String.class), names(field(command, "variables", Map.class)));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return new TaskCompletion(field(command, "taskId", String.class), names(field(command, "properties", Map.class)));
    }
    if (command instanceof SetTaskVariablesCmd) {
      return new TaskVariables(entityId(command), names(field(command, "variables", Map.class)));
    }
    if (command instanceof RemoveTaskVariablesCmd) {
      return new TaskVariables(entityId(command), set(field(command, "variableNames", Collection.class)));
    }
    if (command instanceof PatchTaskVariablesCmd) {
      return new TaskVariables(field(command, "entityId", String.class), patched(command));
    }
    if (command instanceof AbstractSetVariableCmd) {
      return new ExecutionVariables(entityId(command), names(field(command, "variables", Map.class)));
    }
    if (command instanceof AbstractRemoveVariableCmd) {
      return new ExecutionVariables(entityId(command), set(field(command, "variableNames", Collection.class)));
    }
    if (command instanceof AbstractPatchVariablesCmd) {
      return new ExecutionVariables(field(command, "entityId", String.class), patched(command));
    }
    if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd) {
      return new TokenMove(field(command, "builder", ProcessInstanceModificationBuilderImpl.class).getProcessInstanceId());
    }
    if (command instanceof SubmitStartFormCmd) {
      return new Start(field(command, "processDefinitionId", String.class), null);
    }
    if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
      return new Start(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey());
    }
    if (command instanceof SignalCmd) {
      return new TokenMove(field(command, "executionId", String.class));
    }
    if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl builder = field(command, "builder", MessageCorrelationBuilderImpl.class);
      Set<String> variables = new LinkedHashSet<>();
      variables.addAll(names(builder.getPayloadProcessInstanceVariables()));
      variables.addAll(names(builder.getPayloadProcessInstanceVariablesLocal()));
      variables.addAll(names(builder.getPayloadProcessInstanceVariablesToTriggeredScope()));
      return new Message(builder.getMessageName(), variables);
    }
    if (command instanceof MessageEventReceivedCmd) {
      Set<String> variables = new LinkedHashSet<>();
      variables.addAll(names(field(command, "processVariables", Map.class)));
      variables.addAll(names(field(command, "processVariablesLocal", Map.class)));
      variables.addAll(names(field(command, "processVariablesToTriggeredScope", Map.class)));
      return new Message(field(command, "messageName", String.class), variables);
    }
    return null;
  }

  private static String entityId(Command<?> command) {
    return field(command, AbstractVariableCmd.class, "entityId", String.class);
  }

  private static Set<String> patched(Command<?> command) {
    Set<String> names = new LinkedHashSet<>(names(field(command, "variables", Map.class)));
    names.addAll(set(field(command, "deletions", Collection.class)));
    return names;
  }

  private static Set<String> names(Map<?, ?> variables) {
    return variables == null ? Set.of() : set(variables.keySet());
  }

  private static Set<String> set(Collection<?> names) {
    Set<String> set = new LinkedHashSet<>();
    if (names != null) {
      names.forEach(name -> set.add(String.valueOf(name)));
    }
    return set;
  }

  private static <T> T field(Object command, String name, Class<T> type) {
    return field(command, command.getClass(), name, type);
  }

  static <T> T field(Object command, Class<?> from, String name, Class<T> type) {
    for (Class<?> c = from; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return type.cast(field.get(command));
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(
        command.getClass().getName() + " has no field " + name + ": this engine version is not supported");
  }
}
