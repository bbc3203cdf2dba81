package uk.schoolattendance.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * What "Record court outcome" offers is one vocabulary, {@code attendance.court.outcomes} (walk 13 #21):
 * an application for an education supervision order is offered only its own outcomes, in words, and
 * a council cannot configure an outcome the law does not allow for the proceedings.
 */
class CourtOutcomeWordsTest {

  private static CourtProperties fromApplicationYaml() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return Binder.get(environment).bind("attendance.court", CourtProperties.class).get();
  }

  @Test
  void theConfiguredWordsOfAnApplicationAreItsThreeOutcomesInOrder() throws Exception {
    CourtProperties properties = fromApplicationYaml();
    assertThat(properties.outcomesOf(CourtProceedings.EDUCATION_SUPERVISION_ORDER)).containsExactly(
        Map.entry("education-supervision-order", "Education supervision order made (Children Act 1989 s36)"),
        Map.entry("dismissed", "Application refused"),
        Map.entry("withdrawn", "Application withdrawn (with the court's permission)"));
    assertThat(properties.outcomesOf(CourtProceedings.PROSECUTION).keySet())
        .containsExactly("fine", "conditional-discharge", "parenting-order", "education-supervision-order", "dismissed", "withdrawn");
    // the national words when nothing is configured are the same
    assertThat(CourtProperties.defaults().outcomesOf(CourtProceedings.EDUCATION_SUPERVISION_ORDER))
        .isEqualTo(properties.outcomesOf(CourtProceedings.EDUCATION_SUPERVISION_ORDER));
  }

  @Test
  void aFineForAnApplicationIsRefusedAtStartUpNamingTheSetting() {
    Map<String, String> words = new LinkedHashMap<>();
    words.put("education-supervision-order", "Order made");
    words.put("fine", "Fine");
    assertThatThrownBy(() -> new CourtProperties(null, null, null, null, null, null, null, null, null, null,
            Map.of(CourtProceedings.EDUCATION_SUPERVISION_ORDER, words), null))
        .hasMessageContaining("attendance.court.outcomes.education-supervision-order.fine")
        .hasMessageContaining("not an outcome of these proceedings");
  }

  @Test
  void aCouncilsOwnWordsAreOffered() {
    CourtProperties properties = new CourtProperties(null, null, null, null, null, null, null, null, null, null,
        Map.of(CourtProceedings.EDUCATION_SUPERVISION_ORDER, Map.of("withdrawn", "Withdrawn by leave",
            "dismissed", "Refused", "education-supervision-order", "Order made")), null);
    assertThat(properties.outcomesOf(CourtProceedings.EDUCATION_SUPERVISION_ORDER)).containsEntry("withdrawn", "Withdrawn by leave")
        .hasSize(3);
    assertThat(properties.outcomesOf(CourtProceedings.PROSECUTION)).containsKey("fine");
  }

  /** The outcome in words is cut at its first "; " (the sentence, then a s447 direction): words with "; " would break it. */
  @Test
  void wordsContainingTheDirectionSeparatorAreRefusedAtStartUpNamingTheSetting() {
    Map<String, String> words = new LinkedHashMap<>(CourtProperties.defaults().outcomesOf(CourtProceedings.PROSECUTION));
    words.put("fine", "Fine; costs to follow");
    assertThatThrownBy(() -> new CourtProperties(null, null, null, null, null, null, null, null, null, null,
            Map.of(CourtProceedings.PROSECUTION, words), null))
        .hasMessageContaining("attendance.court.outcomes.prosecution.fine")
        .hasMessageContaining("\"; \"");
  }

  /** Review 3 S5: the codes are the law's, only the words are local; a council cannot take away a dismissal. */
  @Test
  void aListWithoutAnOutcomeTheLawAllowsIsRefusedAtStartUpNamingTheSetting() {
    Map<String, String> words = new LinkedHashMap<>();
    words.put("fine", "Fine");
    assertThatThrownBy(() -> new CourtProperties(null, null, null, null, null, null, null, null, null, null,
            Map.of(CourtProceedings.PROSECUTION, words), null))
        .hasMessageContaining("attendance.court.outcomes.prosecution")
        .hasMessageContaining("missing [conditional-discharge, parenting-order, education-supervision-order, dismissed, withdrawn]");
  }

  /** Review 3 S4: in a prosecution the outcome of that name is the direction to consider applying, not an order. */
  @Test
  void aProsecutionOffersTheDirectionNotTheOrder() throws Exception {
    assertThat(fromApplicationYaml().outcomesOf(CourtProceedings.PROSECUTION).get(CourtProceedings.EDUCATION_SUPERVISION_ORDER))
        .isEqualTo("Direction to consider an education supervision order (Education Act 1996 s447(2))");
    assertThat(CourtProperties.defaults().outcomesOf(CourtProceedings.PROSECUTION).get(CourtProceedings.EDUCATION_SUPERVISION_ORDER))
        .isEqualTo("Direction to consider an education supervision order (Education Act 1996 s447(2))");
  }

  /**
   * courtOutcomeShown (the school's report, the case page's sentence) is in the configured words, so a
   * council's wording shows, with the fine, the costs awarded to the authority and a parenting order.
   */
  @Test
  void theOutcomeInWordsUsesACouncilsConfiguredWords() {
    Map<String, String> words = new LinkedHashMap<>();
    words.put("fine", "Financial penalty imposed by the bench");
    words.put("conditional-discharge", "Conditionally discharged");
    words.put("parenting-order", "Parenting order (Crime and Disorder Act 1998 s8)");
    words.put("education-supervision-order", "Direction under s447 to consider an ESO");
    words.put("dismissed", "Acquitted");
    words.put("withdrawn", "Prosecution withdrawn");
    CourtProperties council = new CourtProperties(null, null, null, null, null, null, null, null, null, null,
        Map.of(CourtProceedings.PROSECUTION, words), null);
    assertThat(CourtOutcomeValid.shown(council.outcomesOf(CourtProceedings.PROSECUTION), "fine", new java.math.BigDecimal("400"),
            new java.math.BigDecimal("150"), 6, 0, true))
        .isEqualTo("financial penalty imposed by the bench of £400.00, costs of £150.00 to the local authority and parenting order"
            + " (Crime and Disorder Act 1998 s8) of 6 months; direction under s447 to consider an ESO");
    assertThat(CourtOutcomeValid.shown(council.outcomesOf(CourtProceedings.PROSECUTION), "dismissed", null, null, null, null, false))
        .isEqualTo("acquitted");
    // the national words when nothing is configured
    assertThat(CourtOutcomeValid.shown(CourtProperties.defaults().outcomesOf(CourtProceedings.PROSECUTION), "conditional-discharge",
            null, java.math.BigDecimal.ZERO, null, null, false))
        .isEqualTo("conditional discharge and no costs to the local authority");
    assertThat(CourtOutcomeValid.shown(CourtProperties.defaults().outcomesOf(CourtProceedings.EDUCATION_SUPERVISION_ORDER),
            "education-supervision-order", null, null, null, null, false))
        .isEqualTo("education supervision order made (Children Act 1989 s36)");
  }
}
