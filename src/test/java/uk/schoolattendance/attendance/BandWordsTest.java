package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Walk 12 #4: severe absence is the national measure, attendance at or below 50 %; a pupil below
 * 30 % ({@code chronic}, a council's local extra) is severely absent too, and every label that
 * shows a band (case page, identified pupils, the data pack, the case's history) says so.
 */
class BandWordsTest {

  @Test
  void chronicAbsenceReadsAsSevereAbsenceWithItsSubBand() {
    assertThat(BandWords.of("chronic")).isEqualTo("Severe absence (below 30 %: chronic)");
    assertThat(BandWords.of("severe")).isEqualTo("Severe absence");
    assertThat(BandWords.severe("chronic")).isTrue();
    assertThat(BandWords.severe("severe")).isTrue();
    assertThat(BandWords.severe("persistent")).isFalse();
    assertThat(BandWords.severe(null)).isFalse();
  }
}
