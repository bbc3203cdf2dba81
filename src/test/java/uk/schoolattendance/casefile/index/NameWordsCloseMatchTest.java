package uk.schoolattendance.casefile.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a row of the forgiving search says it was found by forgiving a letter ("Lily for Lilly"). */
class NameWordsCloseMatchTest {

  @Test
  void aWordForgivenALetterIsNamedWithTheNamesWordAsWritten() {
    assertThat(NameWords.closeMatch(List.of("lilly", "quarendon"), List.of("Lily Quarendon", "Dana Quarendon")))
        .isEqualTo("Lily for Lilly");
    assertThat(NameWords.closeMatch(List.of("obrien", "smyth"), List.of("Zoë O'Brien-Smith")))
        .isEqualTo("Smith for Smyth");
    // found through a parent's name
    assertThat(NameWords.closeMatch(List.of("danna"), List.of("Lily Quarendon", "Dana Quarendon"))).isEqualTo("Dana for Danna");
  }

  @Test
  void anExactMatchOrARowFoundAnotherWayIsNotACloseMatch() {
    assertThat(NameWords.closeMatch(List.of("lil", "quar"), List.of("Lily Quarendon"))).isNull();
    assertThat(NameWords.closeMatch(List.of("riverside"), List.of("Lily Quarendon"))).isNull();
  }
}
