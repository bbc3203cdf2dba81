package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one way the product writes an ordinal, in pages, messages and the penalty notice letter alike. */
class WordingTest {

  @Test
  void ordinalsFollowEnglishIncludingTheTeens() {
    assertThat(IntStream.of(1, 2, 3, 4, 10, 11, 12, 13, 14, 21, 22, 23, 101, 111, 112, 113, 121).mapToObj(Wording::ordinal))
        .containsExactly("1st", "2nd", "3rd", "4th", "10th", "11th", "12th", "13th", "14th", "21st", "22nd", "23rd", "101st",
            "111th", "112th", "113th", "121st");
  }
}
