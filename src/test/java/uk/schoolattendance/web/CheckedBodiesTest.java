package uk.schoolattendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every request body that checks itself ({@link CheckedBody}) is annotated {@link Checked}, also one
 * a handler checks by hand after the role ({@code CaseCorrectionsController.ParentRequest}): one
 * convention, so a body bound with {@code @Valid} is never silently left unchecked.
 */
class CheckedBodiesTest {

  @Test
  void everyCheckedBodyIsAnnotatedChecked() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(CheckedBody.class));
    List<String> bodies = scanner.findCandidateComponents("uk.schoolattendance").stream()
        .map(BeanDefinition::getBeanClassName)
        .toList();
    assertThat(bodies).contains("uk.schoolattendance.casework.CaseCorrectionsController$ParentRequest");
    List<String> unannotated = bodies.stream()
        .filter(name -> !ClassUtils.resolveClassName(name, getClass().getClassLoader()).isAnnotationPresent(Checked.class))
        .toList();
    assertThat(unannotated).as("CheckedBody without @Checked").isEmpty();
  }
}
