package uk.schoolattendance.reporting;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for managers and returns: {@code /api/reports}. */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

  private static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final ParentalResponsibilityMeasures census;

  ReportsController(ParentalResponsibilityMeasures census) {
    this.census = census;
  }

  /** The Parental Responsibility Measures census for an academic year, as JSON. */
  @GetMapping("/parental-responsibility-measures")
  CensusFigures parentalResponsibilityMeasures(@RequestParam(required = false) String academicYear) {
    return census.forYear(academicYear);
  }

  /** The same figures as CSV ({@code Accept: text/csv}): one row per measure. */
  @GetMapping(value = "/parental-responsibility-measures", produces = "text/csv")
  ResponseEntity<String> parentalResponsibilityMeasuresCsv(@RequestParam(required = false) String academicYear) {
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
