package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * What a review's form asks is kept by the application that read it, not by the class: two
 * applications (two Spring contexts in the tests, each with its engine and database) whose
 * definitions share an id each read their own deployment's form. A static cache gave the second
 * the first one's fields, so it required (or skipped) a reason its form does not (or does) ask.
 */
class ReviewFormTest {

  private static final String DEFINITION = "ReviewIdentifiedPupils:1:1";

  @Test
  void eachApplicationReadsItsOwnDeploymentsForm() {
    RepositoryService before = repository("{\"id\":\"Form_ReviewIdentifiedPupils\",\"components\":[{\"key\":\"pupilsToOpen\"}]}");
    RepositoryService after = repository("{\"id\":\"Form_ReviewIdentifiedPupils\",\"components\":"
        + "[{\"key\":\"pupilsToOpen\"},{\"type\":\"group\",\"components\":[{\"key\":\"notOpenedReason\"}]}]}");

    assertThat(new ReviewForm().has(before, DEFINITION, ReviewIdentifiedPupils.NOT_OPENED_REASON)).isFalse();
    ReviewForm another = new ReviewForm();
    assertThat(another.has(after, DEFINITION, ReviewIdentifiedPupils.NOT_OPENED_REASON)).isTrue();
    assertThat(another.has(after, DEFINITION, ReviewIdentifiedPupils.LIST_REVISION)).isFalse();
  }

  private static RepositoryService repository(String form) {
    RepositoryService repository = mock(RepositoryService.class);
    when(repository.getBpmnModelInstance(DEFINITION)).thenReturn(Bpmn.createExecutableProcess(ReviewIdentifiedPupils.KEY)
        .startEvent().userTask(ReviewIdentifiedPupils.REVIEW_IDENTIFIED_PUPILS.id())
        .camundaFormRef("Form_ReviewIdentifiedPupils").endEvent().done());
    ProcessDefinition definition = mock(ProcessDefinition.class);
    when(definition.getDeploymentId()).thenReturn("deployment-1");
    when(repository.getProcessDefinition(DEFINITION)).thenReturn(definition);
    when(repository.getDeploymentResourceNames("deployment-1")).thenReturn(List.of("review-identified-pupils.form"));
    when(repository.getResourceAsStream("deployment-1", "review-identified-pupils.form"))
        .thenReturn(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)));
    return repository;
  }
}
