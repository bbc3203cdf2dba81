package uk.schoolattendance.reporting;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.security.CurrentUser;

/** Reports for managers and returns: {@code /api/reports}. */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

  private static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final ParentalResponsibilityMeasures census;
  private final CurrentUser currentUser;
  private final SchoolAccess schoolAccess;
  private final ClosedCases closedCases;

  ReportsController(
      ParentalResponsibilityMeasures census, CurrentUser currentUser, SchoolAccess schoolAccess, ClosedCases closedCases) {
    this.closedCases = closedCases;
    this.schoolAccess = schoolAccess;
    this.census = census;
    this.currentUser = currentUser;
  }

  /**
   * The census covers every school of the authority: the authority's staff, and the data team who
   * read every school (the figures are counts, no person's data), as the case file's Figures page.
   */
  private void requireLocalAuthority() {
    if (!currentUser.readsEverySchool() && !schoolAccess.mayReadEverySchool()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the census is for the local authority's staff and data team");
    }
  }

  /** The Parental Responsibility Measures census for an academic year, as JSON. */
  @GetMapping("/parental-responsibility-measures")
  CensusFigures parentalResponsibilityMeasures(@RequestParam(required = false) String academicYear) {
    requireLocalAuthority();
    return census.forYear(academicYear);
  }

  /** The same figures as CSV ({@code Accept: text/csv}): one row per measure. */
  @GetMapping(value = "/parental-responsibility-measures", produces = "text/csv")
  ResponseEntity<String> parentalResponsibilityMeasuresCsv(@RequestParam(required = false) String academicYear) {
    requireLocalAuthority();
    CensusFigures figures = census.forYear(academicYear);
    StringBuilder csv = new StringBuilder("academicYear,measure,value\r\n");
    for (Map.Entry<String, Long> row : figures.rows().entrySet()) {
      csv.append(figures.academicYear()).append(',').append(row.getKey()).append(',').append(row.getValue()).append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(CSV)
        .header("Content-Disposition", "attachment; filename=\"parental-responsibility-measures-" + figures.academicYear() + ".csv\"")
        .body(csv.toString());
  }

  /**
   * Closed cases by outcome for a period ({@code from}, {@code to}: YYYY-MM-DD, both included;
   * default the academic year that holds today), per school and in total: every school for the
   * authority's staff and the data team, a school's own for its staff, as the case file's figures.
   */
  @GetMapping("/closed-cases")
  ClosedCaseFigures closedCases(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return closedCasesOf(from, to);
  }

  /** The same figures as CSV ({@code Accept: text/csv}): a row per school, outcome and reason, then the total's. */
  @GetMapping(value = "/closed-cases", produces = "text/csv")
  ResponseEntity<String> closedCasesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    ClosedCaseFigures figures = closedCasesOf(from, to);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header("Content-Disposition", "attachment; filename=\"" + ClosedCases.fileName(figures) + "\"")
        .body(ClosedCases.csv(figures, uk.schoolattendance.casefile.Wording::outcome));
  }

  private ClosedCaseFigures closedCasesOf(String from, String to) {
    ClosedCases.Reader reader = closedCases.reader();
    if (reader == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "closed cases by outcome are for the local authority's staff, the data team and schools");
    }
    LocalDate first = ClosedCases.day("from", from, closedCases.academicYearStart());
    // without an end: the end of the academic year the period starts in
    LocalDate last = ClosedCases.day("to", to, ClosedCases.academicYearEndOf(first));
    return closedCases.forReader(reader, first, last);
  }
}
