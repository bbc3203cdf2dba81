package uk.schoolattendance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/} (and {@code /api}): an index of the project's API, every resource under
 * {@code /api/} with its methods and a link to each, and where in the project's repository the
 * documentation is (repository paths, not links on this server). The README sends people to
 * {@code /api/}, which answered "No resource at api." (walk 14, defect 4).
 */
@RestController
class ApiIndexController {

  /** One resource of the API: its address (a template where it has a {@code {name}}), methods and what it is. */
  record Resource(String href, List<String> methods, String description) {}

  /**
   * Every mapping under {@code /api/} but this index: {@code ApiIndexTest} compares the list with
   * Spring's request mappings, so an endpoint added without a line here fails the build.
   */
  private static final List<Resource> RESOURCES = List.of(
      new Resource("/api/cases", List.of("POST"), "start an attendance case"),
      new Resource("/api/cases/{caseReference}", List.of("GET"), "a case: pupil, school, level, figures, parents"),
      new Resource("/api/cases/{caseReference}/parents", List.of("POST"), "add a parent with their relationship to the child"),
      new Resource("/api/cases/{caseReference}/corrections", List.of("POST"), "a recorded correction of one of the case's facts: field, new value and why"),
      new Resource("/api/cases/{caseReference}/notice-to-improve/letter", List.of("GET"), "the latest Notice to Improve as a PDF"),
      new Resource("/api/cases/{caseReference}/supervision-order-extensions", List.of("POST"), "record an application to extend an education supervision order and its result"),
      new Resource("/api/cases/{caseReference}/supervision-order-discharge", List.of("POST"), "record the family court's discharge of an education supervision order (its reminder goes)"),
      new Resource("/api/pupils/{upn}/attendance", List.of("GET"), "a pupil's attendance figures from the register (?asOf=YYYY-MM-DD)"),
      new Resource("/api/pupils/{upn}/parents", List.of("GET"), "the parents the register holds for a pupil, as a case takes them (name, address, relationship, parental responsibility)"),
      new Resource("/api/pupils/{upn}/offence-period", List.of("GET"), "the period of unauthorised absence for a notice or prosecution"),
      new Resource("/api/pupils/{upn}/registration-certificate", List.of("GET"), "the register's certificate as a PDF (?from=…&to=…)"),
      new Resource("/api/pupils/{upn}/documents/{documentId}", List.of("GET"), "a document generated as evidence for the pupil, as generated, with its SHA-256"),
      new Resource("/api/schools/{urn}/data-pack", List.of("GET"), "a school's Targeting Support Meeting data pack (?asOf=YYYY-MM-DD)"),
      new Resource("/api/targeting-support-meetings", List.of("POST"), "start a school's termly Targeting Support Meeting"),
      new Resource("/api/attendance/imports", List.of("GET", "POST"), "register marks imported (CSV or CTF) and their results"),
      new Resource("/api/attendance/imports/{importId}", List.of("GET"), "one import's counts, state and rejected rows"),
      new Resource("/api/calendar/recalculate-timers", List.of("POST"), "after the term dates change, move every waiting school-week timer onto the new calendar (administrators)"),
      new Resource("/api/penalty-notices", List.of("GET"), "the penalty notice register (filter by case, pupil, parent, status)"),
      new Resource("/api/penalty-notices/external", List.of("POST"), "record a notice issued outside the product (a head teacher, the police, another authority)"),
      new Resource("/api/penalty-notices/{noticeNumber}", List.of("GET"), "one penalty notice"),
      new Resource("/api/penalty-notices/{noticeNumber}/evidence", List.of("GET"), "the notice's evidence from the register of marks"),
      new Resource("/api/penalty-notices/{noticeNumber}/letter", List.of("GET"), "the notice as a PDF"),
      new Resource("/api/penalty-notices/{noticeNumber}/dispatch", List.of("POST"), "issue a prepared notice: posted or handed over on a day"),
      new Resource("/api/penalty-notices/{noticeNumber}/payments", List.of("POST"), "record a payment"),
      new Resource("/api/penalty-notices/{noticeNumber}/refund", List.of("GET", "POST"), "the refund owed on an overpaid notice; record it as made"),
      new Resource("/api/penalty-notices/{noticeNumber}/external-withdrawal", List.of("POST"), "record that the issuer of an outside notice withdrew it"),
      new Resource("/api/penalty-notices/{noticeNumber}/external-payment", List.of("POST"), "record the payment of an outside notice, as its issuer reports it"),
      new Resource("/api/persons/{id}", List.of("GET"), "a person (pupil or parent) and their cases"),
      new Resource("/api/persons/{id}/merge", List.of("POST"), "merge another record of the same person into this one"),
      new Resource("/api/reports/dashboard", List.of("GET"), "the managers' overview shown on Cockpit's dashboard, counted as the signed-in user may read"),
      new Resource("/api/reports/parental-responsibility-measures", List.of("GET"), "the census of parental responsibility measures (?academicYear=2026-27; JSON or text/csv)"),
      new Resource("/api/reports/closed-cases", List.of("GET"), "the cases ended in a period by outcome and reason, per school and in total, as the signed-in user may read (?from=YYYY-MM-DD&to=YYYY-MM-DD, default this academic year; JSON or text/csv)"));

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
    // Files of the project's repository, not addresses of this server: a "path", not an "href",
    // so a client does not resolve them against /api/ (where they would not be found).
    index.put("documentation", List.of(
        Map.of("path", "docs/casefile.md", "description", "the case file's pages and the project's API, in the project's repository"),
        Map.of("path", "docs/register.md", "description", "register marks: the CSV layout, CTF, imports"),
        Map.of("path", "docs/penalty-notices.md", "description", "penalty notices, payments and letters"),
        Map.of("path", "docs/security.md", "description", "who may call what")));
    return index;
  }
}
