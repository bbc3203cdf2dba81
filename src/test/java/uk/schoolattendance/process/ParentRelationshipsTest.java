package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A parent's relationship to the child is configuration, {@code attendance.parents.relationships}
 * (national default: mother, father, step-parent, carer, other): what start-up puts into use for
 * every reader of parents, and a council's typo or duplicate stops start-up naming the key.
 */
class ParentRelationshipsTest {

  @Configuration
  @EnableConfigurationProperties(ParentRelationships.class)
  @Import(ParentRelationshipsInUse.class)
  static class Relationships {}

  private final ApplicationContextRunner start = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withUserConfiguration(Relationships.class);

  @Test
  void theNationalListIsTheDefaultAndACouncilsOwnListIsPutIntoUseAtStartUp() {
    start.run(context -> assertThat(inUse(context).withWords())
        .containsExactly(
            java.util.Map.entry("mother", "Mother"), java.util.Map.entry("father", "Father"),
            java.util.Map.entry("step-parent", "Step-parent"), java.util.Map.entry("carer", "Carer"),
            java.util.Map.entry("other", "Other")));
    start.withPropertyValues(
            "attendance.parents.relationships[0]=mother", "attendance.parents.relationships[1]=father",
            "attendance.parents.relationships[2]=grandparent", "attendance.parents.relationships[3]=foster carer")
        .run(context -> {
          assertThat(context).hasNotFailed();
          ParentRelationships relationships = inUse(context);
          assertThat(relationships.withWords()).containsOnlyKeys("mother", "father", "grandparent", "foster carer");
          assertThat(relationships.withWords().get("foster carer")).isEqualTo("Foster carer");
          assertThat(relationships.checked("parent1Relationship", " Grandparent ")).isEqualTo("grandparent");
          assertThatThrownBy(() -> relationships.checked("parent1Relationship", "carer"))
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("parent1Relationship")
              .hasMessageContaining("'carer' is not allowed, use one of mother, father, grandparent, foster carer");
          // a relationship recorded before the council removed it is still read and shown
          Parent recorded = Parents.parse("parents",
              "[{\"id\":\"P1\",\"name\":\"Gail Marsh\",\"address\":\"1 High Street\",\"relationship\":\"carer\"}]", java.time.ZoneId.of("Europe/London")).get(0);
          assertThat(recorded.standing().words()).isEqualTo("Carer; parental responsibility not recorded; day-to-day care not recorded");
        });
    // another context (the national list) is not changed by this one
    start.run(context -> assertThat(inUse(context).relationships()).isEqualTo(ParentRelationships.NATIONAL));
  }

  @Test
  void aTypoADuplicateABlankOrAnUnknownKeyStopsStartUpNamingTheKey() {
    failsNaming("attendance.parents.relationships[1]: 'Father' is not a relationship", "relationships[0]=mother",
        "relationships[1]=Father");
    failsNaming("write it in lower case, as it is stored: 'father'", "relationships[0]=mother", "relationships[1]=Father");
    failsNaming("attendance.parents.relationships[2]: 'mother' is listed twice (it is attendance.parents.relationships[0] too)",
        "relationships[0]=mother", "relationships[1]=father", "relationships[2]=mother");
    failsNaming("attendance.parents.relationships[1]: 'step_parent' is not a relationship", "relationships[0]=mother",
        "relationships[1]=step_parent");
    failsNaming("attendance.parents.relationships[1]: a relationship must not be blank", "relationships[0]=mother",
        "relationships[1]= ");
    failsNaming("attendance.parents.relationships: list at least one relationship", "relationships=");
    failsNaming("attendance.parents.relationship", "relationship[0]=mother");
  }

  private void failsNaming(String words, String... properties) {
    start.withPropertyValues(java.util.Arrays.stream(properties).map(p -> "attendance.parents." + p).toArray(String[]::new))
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable cause = context.getStartupFailure();
          StringBuilder messages = new StringBuilder();
          for (Throwable t = cause; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
          }
          assertThat(messages.toString()).contains(words);
        });
  }

  private static ParentRelationships inUse(org.springframework.context.ApplicationContext context) {
    return context.getBean(ParentRelationshipsInUse.class).relationships();
  }

  @Test
  void theNationalListIsWhatApplicationYamlSets() throws java.io.IOException {
    String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/application.yaml"));
    assertThat(yaml).contains("  parents:\n    relationships: [" + String.join(", ", ParentRelationships.NATIONAL) + "]");
    assertThat(List.copyOf(ParentRelationships.national().relationships())).isEqualTo(ParentRelationships.NATIONAL);
  }
}
