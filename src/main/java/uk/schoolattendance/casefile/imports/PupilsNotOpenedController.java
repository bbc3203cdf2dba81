package uk.schoolattendance.casefile.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.attendance.PupilsNotOpened;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.Pages;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.ThresholdWords;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Identified pupils not opened" ({@code /casework/pupils-not-opened}, docs/register.md): the pupils a
 * school left unticked on its completed "Review identified pupils", with the reason given, per school,
 * the newest review first, {@link #PAGE_SIZE} pupils a page with their count (older reviews on the
 * pages after): the pupil, the figures the review showed, why identified, the reason, who
 * completed the review and when. "Open a case" (Tasklist's start form) where the pupil still meets
 * the rule today and has no open case, for a viewer who may start a case. Whoever the engine lets read
 * every school's pupils (the authority's caseworkers, managers, the data team, administrators) sees every
 * school, a manager read-only (it may start no case, so no "Open a case"); a school's staff their own schools only; anyone
 * else gets "You cannot open this page" (403). Linked from "My school's cases" and "Import register marks".
 */
@Controller
class PupilsNotOpenedController {

  static final String PATH = "/casework/pupils-not-opened";
  /** Pupils a page, newest review first; the older ones on the pages after (GOV.UK pagination). */
  static final int PAGE_SIZE = 50;
  /** Tasklist, where a case is opened with its start form (as "Find a pupil" links to it). */
  static final String NEW_CASE = "/camunda/app/tasklist/default/#/";

  /**
   * Tasklist's start form for this pupil's attendance case: {@code #/?start=AttendanceCase&pupilUpn=…}
   * (tasklist/scripts/start-case.js opens the start dialog and fills in the pupil's UPN, name and school).
   * The pupil's details are in the address's fragment, which the browser never sends to a server.
   */
  static String newCase(String upn, String name, String urn) {
    return NEW_CASE + "?start=" + encoded(AttendanceCase.KEY)
        + "&" + uk.schoolattendance.process.CaseFacts.PUPIL_UPN.name() + "=" + encoded(upn)
        + "&" + uk.schoolattendance.process.CaseFacts.PUPIL_NAME.name() + "=" + encoded(name)
        + "&" + uk.schoolattendance.process.CaseFacts.SCHOOL_URN.name() + "=" + encoded(urn);
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The page: {@code heading} how many pupils in all ("134 pupils"), {@code showing} which of them
   * this page lists ("Showing 51 to 100 of 134 pupils", null when none), the errors (a page that
   * does not exist), {@code since} which reviews are read ("Reviews completed since 1 December 2025").
   */
  record NotOpenedPage(String title, boolean everySchool, List<SchoolRows> schools, String heading, String showing,
      Pages.Pagination pagination, List<FieldError> errors, String since) {}

  record SchoolRows(String urn, String name, List<Row> pupils) {}

  record Row(String upn, String name, String figures, String why, String reason, String by, String at,
      String openCaseHref, String status) {}

  private final PupilsNotOpened notOpened;
  private final ThresholdWords threshold;
  private final SchoolDirectory schools;
  private final UkDates dates;
  private final Viewers viewers;
  private final PeopleNames people;
  private final RepositoryService repository;
  private final SchoolAccess access;

  PupilsNotOpenedController(PupilsNotOpened notOpened, SchoolDirectory schools, UkDates dates, Viewers viewers,
      PeopleNames people, RepositoryService repository, ThresholdWords threshold, SchoolAccess access) {
    this.access = access;
    this.threshold = threshold;
    this.notOpened = notOpened;
    this.schools = schools;
    this.dates = dates;
    this.viewers = viewers;
    this.people = people;
    this.repository = repository;
  }

  /** The page; {@code page} counts from 1, and one that does not exist is named in the error summary (400). */
  @GetMapping(PATH)
  String page(@RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    Viewer viewer = viewers.current(request);
    boolean everySchool = FailedMovesController.sees(access);
    Set<String> own = viewer.schoolUrns();
    if (!everySchool && own.isEmpty()) {
      throw new PageForbiddenException("identified pupils not opened: the authority's caseworkers, the data team, a school");
    }
    boolean mayOpen = repository.createProcessDefinitionQuery().processDefinitionKey(AttendanceCase.KEY)
        .latestVersion().startablePermissionCheck().count() > 0;
    Set<String> urns = everySchool ? null : own;
    List<FieldError> errors = new ArrayList<>();
    // once the count is known: names a page that does not exist and reads the nearest
    PupilsNotOpened.Page onPage =
        notOpened.page(urns, pages -> Pages.shown(page, pages, "pupils", "pupils-heading", errors), PAGE_SIZE);
    int pages = Pages.count(onPage.total(), PAGE_SIZE);
    int shownPage = onPage.number();
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    Map<String, List<Row>> bySchool = new LinkedHashMap<>();
    for (PupilsNotOpened.NotOpened p : onPage.rows()) {
      if (!everySchool && !own.contains(p.schoolUrn())) {
        continue;
      }
      String status = p.openCase() ? "Has an open case now"
          : p.onAnotherRoll() ? onAnotherRoll(p, everySchool) : p.stillIdentified() ? "" : "No longer meets the rule";
      bySchool.computeIfAbsent(p.schoolUrn(), urn -> new ArrayList<>()).add(new Row(p.upn(), p.name(), figures(p), p.why(),
          p.reason(), p.by() == null ? "Not recorded" : people.of(p.by()), dates.moment(p.at()),
          mayOpen && status.isEmpty() ? newCase(p.upn(), p.name(), p.schoolUrn()) : null, status));
    }
    List<SchoolRows> shown = new ArrayList<>();
    bySchool.forEach((urn, rows) -> shown.add(new SchoolRows(urn,
        schools.find(urn).map(School::name).orElse("School") + " (URN " + urn + ")", rows)));
    model.addAttribute("page", new NotOpenedPage(
        errors.isEmpty() ? "Identified pupils not opened" : "Error: Identified pupils not opened", everySchool, shown,
        Pages.number(onPage.total()) + (onPage.total() == 1 ? " pupil" : " pupils"),
        Pages.showing(shownPage, PAGE_SIZE, onPage.rows().size(), onPage.total(), "pupil", "pupils"),
        Pages.of(shownPage, pages, each -> each > 1 ? PATH + "?page=" + each : PATH), errors,
        "Reviews completed since " + dates.day(onPage.since()) + "."));
    return "casefile/pupils-not-opened";
  }


  /**
   * A ticked pupil whose case did not open because they were on another school's roll: to a school,
   * only that (no other school is named to it); to the authority, which school's roll holds them today.
   */
  private String onAnotherRoll(PupilsNotOpened.NotOpened p, boolean everySchool) {
    if (!everySchool || p.onRollNow().isEmpty()) {
      return "On another school's roll: that school opens the case";
    }
    List<String> names = p.onRollNow().stream()
        .map(urn -> schools.find(urn).map(School::name).orElse("School") + " (URN " + urn + ")").toList();
    return "On the roll of " + String.join(" and ", names) + " today: that school opens the case";
  }

  /** The figures the review showed: "72.4% attendance, Persistent absence, 12 unauthorised sessions in 10 school weeks". */
  private String figures(PupilsNotOpened.NotOpened p) {
    List<String> parts = new ArrayList<>();
    if (p.attendancePercent() != null) {
      parts.add(String.format(Locale.UK, "%.1f%% attendance", p.attendancePercent()));
    }
    if (p.bandShown() != null) {
      parts.add(p.bandShown());
    }
    if (p.unauthorisedSessions() != null) {
      parts.add(p.unauthorisedSessions() + (p.unauthorisedSessions() == 1 ? " unauthorised session" : " unauthorised sessions")
          + " in " + threshold.lastSchoolWeeks());
    }
    return String.join(", ", parts);
  }
}
