package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.attendance.BandWords;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.casework.AttendanceCase;

/** The timeline and the forms show what the history and the decisions keep as codes in words. */
class EventWordsTest {

  @Test
  void theReasonsTheSystemWritesAsCodesReadAsWords() {
    assertThat(EventWords.reason("penalty-notices-concluded", "penalty-paid")).isEqualTo("Penalty paid");
    assertThat(EventWords.reason("penalty-notices-concluded", "court-outcome")).isEqualTo("Court outcome reached");
    assertThat(EventWords.reason("court-outcome", "conditional-discharge")).isEqualTo("Conditional discharge");
    assertThat(EventWords.reason("case-opened", "entry at level 2")).isEqualTo("Opened at level 2");
    assertThat(EventWords.reason("case-opened", "term-time leave")).isEqualTo("Opened for term-time leave");
    // what a person wrote stays as written
    assertThat(EventWords.reason("level-changed", "from level 2 to 3: no engagement")).isEqualTo("from level 2 to 3: no engagement");
  }

  @Test
  void eventsReadAsWhatHappened() {
    assertThat(CaseNotes.title("school-intervention-refer-to-la")).isEqualTo("School intervention: referred to the local authority");
    assertThat(CaseNotes.title("review-no-progress")).isEqualTo("Review: little or no progress");
    assertThat(CaseNotes.title("legal-route-penalty-notice")).isEqualTo("Legal route chosen: penalty notice");
    assertThat(CaseNotes.title("attendance-updated")).isEqualTo("Attendance updated");
    // walk 12 #11/#16: a paid notice beside a withdrawn one is not "every notice withdrawn"; asking is not preparing
    assertThat(CaseNotes.title(AttendanceCase.PENALTY_NOTICE_WITHDRAWN_FOR_ERROR_EVENT))
        .isEqualTo("A notice withdrawn for a material error: decide whether a corrected notice follows");
    assertThat(CaseNotes.title(AttendanceCase.PENALTY_NOTICES_CORRECTED_EVENT)).isEqualTo("Corrected penalty notices asked for");
  }

  /** The history's codes are built from the contract's values: a value added or renamed there gets its words here. */
  @Test
  void everyOutcomeTheContractListsHasItsOwnTitle() {
    Map<String, List<String>> codes = Map.of(
        "school-intervention-", AttendanceCase.SCHOOL_OUTCOMES,
        "casework-", AttendanceCase.CASEWORK_OUTCOMES,
        "attendance-contract-", AttendanceCase.CONTRACT_OUTCOMES,
        "legal-route-", AttendanceCase.LEGAL_ROUTES);
    codes.forEach((prefix, values) -> values.forEach(value ->
        assertThat(EventWords.title(prefix + value)).as(prefix + value).isNotEqualTo(Wording.sentence(prefix + value))));
  }

  @Test
  void bandsReadAsWords() {
    assertThat(BandWords.of("not-persistent")).isEqualTo("Not persistently absent");
    assertThat(BandWords.of("severe")).isEqualTo("Severe absence");
    assertThat(BandWords.of(null)).isEmpty();
  }
}
