package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.casework.AttendanceCase;

/**
 * The case page looks for its called processes' steps only when the case's history records a call
 * ({@link CasePageReader#CALLS}): those events are the ones the case's writers record, named once in
 * {@link AttendanceCase}, so a renamed event cannot silently drop every called step from the page.
 */
class CalledEventsTest {

  @Test
  void thePageLooksForTheCallEventsTheCaseWrites() throws IOException {
    assertThat(CasePageReader.CALLS).containsExactlyInAnyOrderElementsOf(AttendanceCase.CALL_EVENTS);
    // the BPMN's listeners cannot name a Java constant: they spell out the same two names
    String bpmn = Files.readString(Path.of("bpmn/AttendanceCase.bpmn"));
    assertThat(bpmn)
        .contains("casePathway.record(execution, '" + AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_EVENT + "'")
        .contains("casePathway.enter(execution, 5, '" + AttendanceCase.COURT_PROCEEDINGS_EVENT + "'");
  }

  @Test
  void theCasesClosingCourtEntryIsTheOneItsOwnProceedingsWrite() {
    assertThat(EventWords.calledProcessEnded(AttendanceCase.COURT)).isTrue();
    assertThat(EventWords.title(AttendanceCase.COURT)).isEqualTo("Case closed: court outcome reached");
    assertThat(EventWords.calledProcessEnded(AttendanceCase.PENALTY_NOTICES_CONCLUDED_EVENT)).isTrue();
  }
}
