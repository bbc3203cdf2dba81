package uk.schoolattendance.reporting;

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

  ReportsController(ParentalResponsibilityMeasures census, CurrentUser currentUser, SchoolAccess schoolAccess) {
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
}
