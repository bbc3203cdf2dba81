package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The DfE check letter (domain notes §9). */
class UpnTest {

  @ParameterizedTest
  @ValueSource(strings = {"H801200001001", "X801200001002", "A000000000000", "L93520012345A"})
  void acceptsValidUpns(String upn) {
    assertThat(Upn.problem(upn)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "B801200001001, check letter is wrong",
    "H80120000100, 13 characters",
    "H8012000010011, 13 characters",
    "I801200001001, never used",
    "H80120000100I, never used",
    "H8012000A1001, check letter then 12 digits",
    "h801200001001, check letter then 12 digits"
  })
  void refusesInvalidUpns(String upn, String problem) {
    assertThat(Upn.problem(upn)).contains(problem);
  }

  @Test
  void computesTheCheckLetterByTheDfeRule() {
    // 8*2 + 0*3 + 1*4 + 2*5 + 0*6 + 0*7 + 0*8 + 0*9 + 1*10 + 0*11 + 0*12 + 1*13 = 53; 53 mod 23 = 7 -> H
    assertThat(Upn.checkLetter("801200001001")).isEqualTo('H');
    assertThat(Upn.problem(null)).isEqualTo("is required");
  }

  @Test
  void numbersAPupilWithAValidUpn() {
    assertThat(Upn.of(801_200_001_001L)).isEqualTo("H801200001001");
    assertThat(Upn.of(1L)).isEqualTo(Upn.checkLetter("000000000001") + "000000000001");
    assertThat(Upn.isValid(Upn.of(801_400_000_123L))).isTrue();
  }
}
