package uk.schoolattendance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/} (and {@code /api}): an index of the project's API, its resources with their
 * methods and a link to each, and where the documentation is. The README sends people to
 * {@code /api/}, which answered "No resource at api." (walk 14, defect 4).
 */
@RestController
class ApiIndexController {

  /** One resource of the API: its address (a template where it has a {@code {name}}), methods and what it is. */
  record Resource(String href, List<String> methods, String description) {}

  private static final List<Resource> RESOURCES = List.of(
      new Resource("/api/cases", List.of("POST"), "start an attendance case"),
      new Resource("/api/cases/{caseReference}", List.of("GET"), "a case: pupil, school, level, figures, parents"),
      new Resource("/api/cases/{caseReference}/parents", List.of("POST"), "add a parent with their relationship to the child"),
      new Resource("/api/pupils/{upn}/attendance", List.of("GET"), "a pupil's attendance figures from the register (?asOf=YYYY-MM-DD)"),
      new Resource("/api/pupils/{upn}/offence-period", List.of("GET"), "the period of unauthorised absence for a notice or prosecution"),
      new Resource("/api/pupils/{upn}/registration-certificate", List.of("GET"), "the register's certificate as a PDF (?from=…&to=…)"),
      new Resource("/api/attendance/imports", List.of("GET", "POST"), "register marks imported (CSV or CTF) and their results"),
      new Resource("/api/attendance/imports/{importId}", List.of("GET"), "one import's counts, state and rejected rows"),
      new Resource("/api/penalty-notices", List.of("GET"), "the penalty notice register (filter by case, pupil, parent, status)"),
      new Resource("/api/penalty-notices/{noticeNumber}", List.of("GET"), "one penalty notice"),
      new Resource("/api/penalty-notices/{noticeNumber}/letter", List.of("GET"), "the notice as a PDF"),
      new Resource("/api/penalty-notices/{noticeNumber}/payments", List.of("POST"), "record a payment"),
      new Resource("/api/persons/{id}", List.of("GET"), "a person (pupil or parent) and their cases"),
      new Resource("/api/reports/parental-responsibility-measures", List.of("GET"), "the census of parental responsibility measures (?academicYear=2026-27; JSON or text/csv)"));

  @GetMapping(value = {"/api", "/api/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> index(HttpServletRequest request) {
    String base = request.getContextPath();
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("title", "School attendance casework: the project's API");
    index.put("resources", RESOURCES.stream()
        .map(resource -> new Resource(base + resource.href(), resource.methods(), resource.description()))
        .toList());
    index.put("engine", Map.of("href", base + "/engine-rest", "description",
        "Camunda's REST API: start processes, complete tasks (the same authorizations as Tasklist)"));
    index.put("documentation", List.of(
        Map.of("href", "docs/casefile.md", "description", "the case file's pages and the project's API, in the project's repository"),
        Map.of("href", "docs/register.md", "description", "register marks: the CSV layout, CTF, imports"),
        Map.of("href", "docs/penalty-notices.md", "description", "penalty notices, payments and letters"),
        Map.of("href", "docs/security.md", "description", "who may call what")));
    return index;
  }
}
