package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Review S4: who to contact about a case that stayed at the school its pupil left, in the one
 * wording the case page and the new school's list share: the case's officer is named as such, the
 * school's named officer (the case has none) as the school's, and with neither the authority's team.
 */
class StayedCaseContactTest {

  private static MovedPupilCases.StayedCase stayed(String officer, boolean caseOfficer) {
    return new MovedPupilCases.StayedCase("AC-2026-000001", "A123456789012", "Sam Mover", "100001",
        LocalDate.of(2026, 11, 20), "100002", officer, caseOfficer);
  }

  @Test
  void theContactIsNamedForWhoTheyAre() {
    assertThat(stayed("olivia", true).contactWords(id -> "Olivia Officer"))
        .isEqualTo("Olivia Officer (the case's attendance officer)");
    assertThat(stayed("olivia", false).contactWords(id -> "Olivia Officer"))
        .isEqualTo("Olivia Officer (the school's named attendance officer)");
    assertThat(stayed(null, false).contactWords(id -> "nobody")).isEqualTo("the local authority's attendance team");
  }
}
