package uk.schoolattendance.casefile.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.schoolattendance.attendance.MovedPupilCases;
import uk.schoolattendance.attendance.OffRollCases;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Cases that did not follow their pupil" ({@code /casework/failed-moves}, docs/register.md): every
 * case the daily step ({@link MovedPupilCases}) could not move to its pupil's new school and tries
 * again on each run, the longest failing first: the case, the pupil, the school left and the new
 * school, the leaving date, the first failure, the attempts, and the last error in plain words (the
 * logged text under "Technical detail"). For whoever the engine lets read every school's pupils
 * ({@link SchoolAccess#mayReadEverySchool()}: the authority's caseworkers, managers, the data team and
 * administrators); a manager reads it (nothing on it changes anything). Anyone else, schools included,
 * gets "You cannot open this page" (403). Linked from the data team's "Import register marks" and the
 * Cockpit dashboard's "Cases that did not follow their pupil" tile.
 *
 * <p>Below them, "Pupils no longer on the roll" ({@link OffRollCases}): open cases still at their
 * pupil's main school after an import showed the pupil left its roll (a leaving date past, no school
 * to follow), the longest off the roll first: nothing moves these; an officer decides what follows.
 */
@Controller
class FailedMovesController {

  static final String PATH = "/casework/failed-moves";

  /** The page: its rows, the longest failing first; then the cases whose pupil left the roll, the longest off it first. */
  record FailedMovesPage(String title, List<Row> moves, List<OffRollRow> offRoll) {}

  /** A case at a school its pupil left, as the page shows it: "No longer on the roll of ... since 20 November 2026". */
  record OffRollRow(String caseReference, String caseHref, String upn, String pupilName, String school, String leftOn,
      String noticedOn) {}

  /** A failed move as the page shows it. */
  record Row(String caseReference, String caseHref, String upn, String pupilName, String leftSchool, String newSchool,
      String leavingDate, String firstFailure, String lastFailure, int attempts, String lastError, String technical) {}

  private final MovedPupilCases moves;
  private final OffRollCases offRoll;
  private final SchoolDirectory schools;
  private final UkDates dates;
  private final Viewers viewers;
  private final SchoolAccess access;

  FailedMovesController(MovedPupilCases moves, OffRollCases offRoll, SchoolDirectory schools, UkDates dates, Viewers viewers,
      SchoolAccess access) {
    this.offRoll = offRoll;
    this.access = access;
    this.moves = moves;
    this.schools = schools;
    this.dates = dates;
    this.viewers = viewers;
  }

  @GetMapping(PATH)
  String failedMoves(HttpServletRequest request, Model model) {
    viewers.current(request);
    if (!sees(access)) {
      throw new PageForbiddenException("the failed moves of cases: whoever reads every school's pupils");
    }
    List<Row> rows = moves.failedMoves().stream().map(this::row).toList();
    List<OffRollRow> left = offRoll.open().stream().map(c -> new OffRollRow(c.caseReference(), "/casework/cases/" + c.caseReference(),
        c.upn(), c.pupilName() == null ? "Pupil " + c.upn() : c.pupilName(), school(c.schoolUrn()), dates.day(c.leftOn()),
        dates.day(c.noticedAt()))).toList();
    model.addAttribute("page", new FailedMovesPage("Cases that did not follow their pupil", rows, left));
    return "casefile/failed-moves";
  }

  /**
   * Whether the signed-in user sees every school's failed moves (and identified pupils not opened): the
   * engine's grant of READ on every school ({@code *}), as the authority's caseworkers, managers, the data
   * team and administrators have it.
   */
  static boolean sees(SchoolAccess access) {
    return access.mayReadEverySchool();
  }

  private Row row(MovedPupilCases.FailedMove move) {
    return new Row(move.caseReference(), move.caseReference() == null ? null : "/casework/cases/" + move.caseReference(),
        move.upn(), move.pupilName() == null ? "Pupil " + move.upn() : move.pupilName(), school(move.endedUrn()),
        school(move.mainUrn()), dates.day(move.leavingDate()), dates.moment(move.firstFailedAt()),
        dates.moment(move.lastFailedAt()), move.attempts(), FailedMoveWords.of(move.lastError()), move.lastError());
  }

  private String school(String urn) {
    return schools.find(urn).map(School::name).orElse("School") + " (URN " + urn + ")";
  }
}
