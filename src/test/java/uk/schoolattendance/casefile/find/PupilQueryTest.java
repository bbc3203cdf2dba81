package uk.schoolattendance.casefile.find;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.schoolattendance.casefile.index.NameWords;

/** What "Find a pupil" makes of what a person typed: a reference however typed, and the near words of a name. */
class PupilQueryTest {

  @Test
  void aCaseReferenceTypedShortInLowerCaseOrWithSpacesIsTheFullReference() {
    for (String typed : new String[] {"ac-2026-14", "AC-2026-000014", "Ac 2026 14", "ac2026-0014", " AC-2026-14 "}) {
      PupilQuery query = PupilQuery.of(typed);
      assertThat(query.kind()).as(typed).isEqualTo(PupilQuery.Kind.REFERENCE);
      assertThat(query.text()).as(typed).isEqualTo("AC-2026-000014");
    }
    assertThat(PupilQuery.of("AC-2026-9000010").text()).isEqualTo("AC-2026-9000010");
  }

  @Test
  void anOutwardCodeAloneIsAPostcodeDistrictWhateverItsSpacingAndCase() {
    for (String typed : new String[] {"SS1", "ss1 ", " \tss1", "EC1A", "e1"}) {
      PupilQuery query = PupilQuery.of(typed);
      assertThat(query.kind()).as(typed).isEqualTo(PupilQuery.Kind.OUTWARD);
      assertThat(query.text()).as(typed).isEqualTo(typed.strip().toUpperCase(java.util.Locale.UK));
    }
    // a space inside is not squeezed out: a half-typed postcode is not another district
    for (String typed : new String[] {"SS1 4", "B1 2", "s s1"}) {
      assertThat(PupilQuery.of(typed).kind()).as(typed).isNotEqualTo(PupilQuery.Kind.OUTWARD);
    }
    assertThat(PupilQuery.of("SS1 9ZX").kind()).isEqualTo(PupilQuery.Kind.POSTCODE);
    assertThat(PupilQuery.of("Sam").kind()).isEqualTo(PupilQuery.Kind.NAME);
    assertThat(PupilQuery.of("SS1 Marine").kind()).isEqualTo(PupilQuery.Kind.NAME);
  }

  @Test
  void aWordsNearWordsAreOneEditAwayAndShortWordsHaveNone() {
    assertThat(NameWords.near("lilly")).contains("lily", "lilley", "lilyl", "billy").doesNotContain("lilly", "lolli");
    assertThat(NameWords.near("ahmad")).contains("ahmed", "ahmd", "hamad");
    assertThat(NameWords.near("mia")).isEmpty();
  }

  /** Review S7: a crafted long word would make one search thousands of look-ups; only real names' lengths are forgiven. */
  @Test
  void aWordLongerThanAnyNameHasNoNearWordsSoOneSearchStaysAFewLookUps() {
    assertThat(NameWords.near("a".repeat(100))).isEmpty();
    assertThat(NameWords.near("b".repeat(NameWords.NEAR_TO + 1))).isEmpty();
    assertThat(NameWords.near("wolfeschlegelsteinh")).isNotEmpty().hasSizeLessThan(53 * NameWords.NEAR_TO + 27);
    assertThat(NameWords.near("c".repeat(NameWords.NEAR_TO))).isNotEmpty();
  }

  /** Walk 12, defect 15: "2015-08-13", as a date is written in a file or a database, found nothing. */
  @Test
  void anIsoDateIsADateOfBirth() {
    PupilQuery query = PupilQuery.of("2015-08-13");
    assertThat(query.kind()).isEqualTo(PupilQuery.Kind.DATE_OF_BIRTH);
    assertThat(query.born()).isEqualTo(java.time.LocalDate.of(2015, 8, 13));
    assertThat(PupilQuery.of("2015-02-30").kind()).isNotEqualTo(PupilQuery.Kind.DATE_OF_BIRTH);
  }
}
