package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.process.CommandInputs.ExecutionVariables;
import uk.schoolattendance.process.CommandInputs.Message;
import uk.schoolattendance.process.CommandInputs.TaskCompletion;
import uk.schoolattendance.process.CommandInputs.TaskThrow;
import uk.schoolattendance.process.CommandInputs.TaskVariables;
import uk.schoolattendance.process.CommandInputs.TokenMove;

/**
 * Every engine command that can change a case's variables is read correctly from this engine
 * version's classes: if Camunda renames a field, this fails (and the guard refuses the command
 * rather than let it through unchecked).
 */
class CommandInputsTest {

  static final Map<String, Object> VARIABLES = Map.of("schoolUrn", "100001");

  @Test
  void completionsOfATask() {
    assertThat(CommandInputs.of(new CompleteTaskCmd("task-1", VARIABLES))).isEqualTo(new TaskCompletion("task-1", Set.of("schoolUrn")));
    assertThat(CommandInputs.of(new ResolveTaskCmd("task-1", VARIABLES))).isEqualTo(new TaskCompletion("task-1", Set.of("schoolUrn")));
    assertThat(CommandInputs.of(new SubmitTaskFormCmd("task-1", VARIABLES, false, false)))
        .isEqualTo(new TaskCompletion("task-1", Set.of("schoolUrn")));
    assertThat(CommandInputs.of(new HandleTaskBpmnErrorCmd("task-1", "code", "message", VARIABLES)))
        .isEqualTo(new TaskThrow("task-1", Set.of("schoolUrn")));
    assertThat(CommandInputs.of(new HandleTaskEscalationCmd("task-1", "code", VARIABLES)))
        .isEqualTo(new TaskThrow("task-1", Set.of("schoolUrn")));
  }

  @Test
  void variablesOfATask() {
    assertThat(CommandInputs.of(new SetTaskVariablesCmd("task-1", VARIABLES, true)))
        .isEqualTo(new TaskVariables("task-1", Set.of("schoolUrn")));
    assertThat(CommandInputs.of(new RemoveTaskVariablesCmd("task-1", List.of("level"), false)))
        .isEqualTo(new TaskVariables("task-1", Set.of("level")));
    assertThat(CommandInputs.of(new PatchTaskVariablesCmd("task-1", VARIABLES, List.of("level"), false)))
        .isEqualTo(new TaskVariables("task-1", Set.of("schoolUrn", "level")));
  }

  @Test
  void variablesOfAnExecution() {
    assertThat(CommandInputs.of(new SetExecutionVariablesCmd("exec-1", VARIABLES, false)))
        .isEqualTo(new ExecutionVariables("exec-1", Set.of("schoolUrn")));
    assertThat(CommandInputs.of(new RemoveExecutionVariablesCmd("exec-1", List.of("level"), true)))
        .isEqualTo(new ExecutionVariables("exec-1", Set.of("level")));
    assertThat(CommandInputs.of(new PatchExecutionVariablesCmd("exec-1", VARIABLES, List.of("level"), false)))
        .isEqualTo(new ExecutionVariables("exec-1", Set.of("schoolUrn", "level")));
  }

  @Test
  void tokensMoved() {
    assertThat(CommandInputs.of(new ModifyProcessInstanceCmd(new ProcessInstanceModificationBuilderImpl("instance-1"))))
        .isEqualTo(new TokenMove("instance-1"));
    assertThat(CommandInputs.of(new ModifyProcessInstanceAsyncCmd(new ProcessInstanceModificationBuilderImpl("instance-1"))))
        .isEqualTo(new TokenMove("instance-1"));
    assertThat(CommandInputs.of(new SignalCmd("exec-1", null, null, VARIABLES))).isEqualTo(new TokenMove("exec-1"));
  }

  @Test
  void messages() {
    org.camunda.bpm.engine.impl.interceptor.CommandExecutor unused = new org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl();
    MessageCorrelationBuilderImpl correlation = new MessageCorrelationBuilderImpl(unused, "AttendanceUpdated");
    correlation.setVariable("attendancePercent", 80.0).setVariableLocal("schoolUrn", "100001").setVariableToTriggeredScope("x", 1);
    Message expected = new Message("AttendanceUpdated", Set.of("attendancePercent", "schoolUrn", "x"));
    assertThat(CommandInputs.of(new CorrelateMessageCmd(correlation, false, false, false))).isEqualTo(expected);
    assertThat(CommandInputs.of(new CorrelateAllMessageCmd(correlation, false, false))).isEqualTo(expected);
    assertThat(CommandInputs.of(new MessageEventReceivedCmd("AttendanceUpdated", "exec-1", VARIABLES)))
        .isEqualTo(new Message("AttendanceUpdated", Set.of("schoolUrn")));
  }

  @Test
  void starts() {
    org.camunda.bpm.engine.impl.interceptor.CommandExecutor unused = new org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl();
    assertThat(CommandInputs.of(new org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd("def-1", null, VARIABLES)))
        .isEqualTo(new CommandInputs.Start("def-1", null));
    assertThat(CommandInputs.of(new org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd((org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl)
            org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl.createProcessInstanceById(unused, "def-1"))))
        .isEqualTo(new CommandInputs.Start("def-1", null));
    assertThat(CommandInputs.of(new org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd((org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl)
            org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl.createProcessInstanceByKey(unused, "AttendanceCase"))))
        .isEqualTo(new CommandInputs.Start(null, "AttendanceCase"));
  }
}
