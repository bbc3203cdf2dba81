package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/**
 * The label only words a refusal: when it cannot be read (an unreadable form in the deployment, a
 * definition the engine cannot load), the refusal still reaches the caller as the 400 naming the
 * field, never as the look-up's own failure (a 500).
 */
class FormLabelsTest {

  private static final String GOOD = """
      {"id": "Form_Meeting", "components": [{"type": "number", "key": "attendanceTarget", "label": "Attendance target (%)"}]}""";

  private static RepositoryService deploymentWith(String... forms) {
    RepositoryService repository = mock(RepositoryService.class);
    ProcessDefinition definition = mock(ProcessDefinition.class);
    when(definition.getDeploymentId()).thenReturn("d1");
    when(repository.getProcessDefinition("p1")).thenReturn(definition);
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < forms.length; i++) {
      String name = "form" + i + ".form";
      names.add(name);
      when(repository.getResourceAsStream("d1", name))
          .thenReturn(new ByteArrayInputStream(forms[i].getBytes(StandardCharsets.UTF_8)));
    }
    when(repository.getDeploymentResourceNames("d1")).thenReturn(names);
    return repository;
  }

  @Test
  void anUnreadableFormInTheDeploymentDoesNotStopTheOthersLabels() {
    RepositoryService repository = deploymentWith("{ not json", GOOD);
    FormLabels labels = new FormLabels();

    assertThat(labels.label(repository, "p1", "Form_Meeting", "attendanceTarget")).contains("Attendance target (%)");
    assertThat(labels.label(repository, "p1", "Form_Broken", "attendanceTarget")).isEmpty();
  }

  @Test
  void aRefusalWhoseLabelCannotBeReadIsTheRefusalAsThrown() {
    InvalidInputException refusal = new InvalidInputException("attendanceTarget", "must be a percentage from 0 to 100 (was 150)");
    RuntimeException thrown = new ProcessEngineException("completion failed", refusal);

    RuntimeException answer = VariableOwnership.labelledOrAsThrown(thrown, refusal, () -> {
      throw new IllegalStateException("form hold-attendance-meeting.form of deployment d1 is not readable JSON");
    });
    assertThat(answer).isSameAs(thrown);

    // with a label it leads the refusal, the variable kept
    RuntimeException labelled = VariableOwnership.labelledOrAsThrown(thrown, refusal, () -> Optional.of("Attendance target (%)"));
    assertThat(labelled).isInstanceOf(InvalidInputException.class)
        .hasMessage("Attendance target (%) (attendanceTarget): must be a percentage from 0 to 100 (was 150)");
    assertThat(VariableOwnership.labelledOrAsThrown(thrown, refusal, Optional::empty)).isSameAs(thrown);
  }
}
