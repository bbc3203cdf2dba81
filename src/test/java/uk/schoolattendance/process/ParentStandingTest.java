package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parent's relationship to the child, parental responsibility and day-to-day care (EA 1996 s576)
 * in the case's {@code parents}: read by the one reader, kept in the same Json shape (fields added
 * only when recorded), "Not recorded" for a case opened before, a bad value refused naming its field.
 */
class ParentStandingTest {

  private static final String OLD_SHAPE =
      "[{\"id\":\"P-000001\",\"name\":\"Gail Marsh\",\"address\":\"1 High Street\"}]";

  @Test
  void anOldCasesParentsReadAsNotRecordedAndKeepTheirShape() {
    List<Parent> parents = Parents.parse("parents", OLD_SHAPE, java.time.ZoneId.of("Europe/London"));
    assertThat(parents.get(0).standing()).isEqualTo(ParentStanding.NOT_RECORDED);
    assertThat(parents.get(0).standing().words()).isEqualTo("Not recorded");
    assertThat(parents.get(0).nameWithStanding()).isEqualTo("Gail Marsh");
    assertThat(Parents.json(parents).toString()).isEqualTo(OLD_SHAPE);
  }

  @Test
  void aRecordedRelationshipAndResponsibilityAreReadAndWrittenBack() {
    String json = "[{\"id\":\"P-000001\",\"name\":\"Gail Marsh\",\"address\":\"1 High Street\","
        + "\"relationship\":\"Step-Parent\",\"parentalResponsibility\":false,\"dayToDayCare\":\"yes\"}]";
    Parent parent = Parents.parse("parents", json, java.time.ZoneId.of("Europe/London")).get(0);
    assertThat(parent.standing()).isEqualTo(new ParentStanding("step-parent", false, true));
    assertThat(parent.nameWithStanding())
        .isEqualTo("Gail Marsh (Step-parent; no parental responsibility; day-to-day care)");
    assertThat(Parents.json(List.of(parent)).toString()).isEqualTo(
        "[{\"id\":\"P-000001\",\"name\":\"Gail Marsh\",\"address\":\"1 High Street\","
            + "\"relationship\":\"step-parent\",\"parentalResponsibility\":false,\"dayToDayCare\":true}]");
    // a change of id (the person's id at the start) keeps them
    assertThat(parent.withId("P-000002").standing()).isEqualTo(parent.standing());
  }

  @Test
  void theResponsibilityWordsAreThoseOfTheFullWordsWithoutTheRelationship() {
    assertThat(new ParentStanding("father", null, null).responsibilityWords()).isEqualTo("Not recorded");
    assertThat(new ParentStanding(null, true, false).responsibilityWords()).isEqualTo("Parental responsibility; no day-to-day care");
    assertThat(new ParentStanding("step-parent", false, null).responsibilityWords())
        .isEqualTo("No parental responsibility; day-to-day care not recorded");
    assertThat(new ParentStanding("step-parent", false, true).words())
        .isEqualTo("Step-parent; no parental responsibility; day-to-day care");
  }

  @Test
  void aValueThatIsNotAllowedIsRefusedNamingItsField() {
    assertThatThrownBy(() -> Parents.given("parents",
            "[{\"name\":\"Gail Marsh\",\"address\":\"1 High Street\",\"relationship\":\"aunt\"}]", List.of(), ParentRelationships.national(), java.time.ZoneId.of("Europe/London")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("parents[0].relationship")
        .hasMessageContaining("mother, father, step-parent, carer, other");
    assertThatThrownBy(() -> Parents.parse("parents",
            "[{\"name\":\"Gail Marsh\",\"address\":\"1 High Street\",\"parentalResponsibility\":\"maybe\"}]", java.time.ZoneId.of("Europe/London")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("parents[0].parentalResponsibility");
    assertThatThrownBy(() -> ParentStanding.of("parent", "mother", null, 3, ParentRelationships.national()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("parent.dayToDayCare");
  }
}
