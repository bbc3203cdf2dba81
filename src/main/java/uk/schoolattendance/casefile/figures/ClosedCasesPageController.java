package uk.schoolattendance.casefile.figures;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.schoolattendance.casefile.DayInput;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.casefile.lists.CaseLists;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseSettings;
import uk.schoolattendance.reporting.ClosedCaseFigures;
import uk.schoolattendance.reporting.ClosedCases;

/**
 * "Closed cases by outcome" ({@code /casework/figures/closed-cases}, linked from the figures page):
 * for a period (from and to as day, month and year; default the academic year that holds today),
 * how many cases ended with each outcome, those no longer needed by reason, in total and per
 * school; the same figures as CSV ({@code /casework/figures/closed-cases.csv}) and from the API
 * ({@code /api/reports/closed-cases}). Who sees what mirrors the figures page: the authority's
 * staff and the data team (counts, as for the census) every school, a school its own school only,
 * anyone else "You cannot open this page".
 */
@Controller
class ClosedCasesPageController {

  static final String PATH = Navigation.FIGURES + "/closed-cases";
  static final String CSV = PATH + ".csv";
  static final String CASES = PATH + "/cases";
  private static final String FROM = "from";
  private static final String TO = "to";

  private final ClosedCases closedCases;
  private final Viewers viewers;
  private final UkDates dates;
  private final CaseLists lists;
  private final CaseSettings caseSettings;
  private final uk.schoolattendance.schools.SchoolDirectory schoolDirectory;

  ClosedCasesPageController(
      ClosedCases closedCases, Viewers viewers, UkDates dates, CaseLists lists, CaseSettings caseSettings,
      uk.schoolattendance.schools.SchoolDirectory schoolDirectory) {
    this.schoolDirectory = schoolDirectory;
    this.lists = lists;
    this.caseSettings = caseSettings;
    this.closedCases = closedCases;
    this.viewers = viewers;
    this.dates = dates;
  }

  /** The period typed, or the academic year that holds today when none was. */
  private record Period(DayInput fromTyped, DayInput toTyped, LocalDate from, LocalDate to, List<FieldError> errors) {}

  private Period period(String fromDay, String fromMonth, String fromYear, String toDay, String toMonth, String toYear) {
    DayInput fromTyped = new DayInput(blank(fromDay), blank(fromMonth), blank(fromYear));
    DayInput toTyped = new DayInput(blank(toDay), blank(toMonth), blank(toYear));
    List<FieldError> errors = new ArrayList<>();
    if (fromTyped.blank() && toTyped.blank()) {
      LocalDate from = closedCases.academicYearStart();
      LocalDate to = closedCases.academicYearEnd();
      return new Period(typed(from), typed(to), from, to, errors);
    }
    LocalDate from = fromTyped.real(FROM, "the first day of the period", errors);
    LocalDate to = toTyped.real(TO, "the last day of the period", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(FieldError.ofDate(TO, "The last day of the period must be the same as or after the first day"));
    }
    if (!errors.isEmpty()) {
      // the academic year's figures below the refusal, the typed days kept in their fields
      return new Period(fromTyped, toTyped, closedCases.academicYearStart(), closedCases.academicYearEnd(), errors);
    }
    return new Period(fromTyped, toTyped, from, to, errors);
  }

  private static String blank(String value) {
    return value == null ? "" : value.strip();
  }

  private static DayInput typed(LocalDate day) {
    return new DayInput(String.valueOf(day.getDayOfMonth()), String.valueOf(day.getMonthValue()), String.valueOf(day.getYear()));
  }

  private ClosedCases.Reader requireReader(HttpServletRequest request) {
    ClosedCases.Reader reader = closedCases.reader();
    if (reader == null) {
      throw new PageForbiddenException("closed cases by outcome, for " + viewers.current(request).userId());
    }
    return reader;
  }

  @GetMapping(PATH)
  String closedCases(
      @RequestParam(name = "from-day", required = false) String fromDay,
      @RequestParam(name = "from-month", required = false) String fromMonth,
      @RequestParam(name = "from-year", required = false) String fromYear,
      @RequestParam(name = "to-day", required = false) String toDay,
      @RequestParam(name = "to-month", required = false) String toMonth,
      @RequestParam(name = "to-year", required = false) String toYear,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    ClosedCases.Reader reader = requireReader(request);
    Period period = period(fromDay, fromMonth, fromYear, toDay, toMonth, toYear);
    if (!period.errors().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    ClosedCaseFigures figures = closedCases.forReader(reader, period.from(), period.to());
    List<ClosedCasesPage.Line> total = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    boolean lists = reader != ClosedCases.Reader.DATA;
    for (ClosedCaseFigures.OutcomeCount outcome : figures.total().outcomes()) {
      String code = outcome.caseOutcome();
      total.add(new ClosedCasesPage.Line(id(code), words(code), outcome.cases(), false,
          lists && code != null && outcome.cases() > 0 ? casesHref(figures, code, null) : null));
      for (ClosedCaseFigures.ReasonCount reason : outcome.reasons()) {
        String key = reason.noLongerNeededReason();
        total.add(new ClosedCasesPage.Line(
            id(code) + "-" + (key == null ? "not-recorded" : key), reason.words(), reason.cases(), true,
            lists && key != null && reason.cases() > 0 ? casesHref(figures, code, key) : null));
      }
      columns.add(words(outcome.caseOutcome()));
    }
    // a school's figures open its cases too, for the authority's staff (a school's own staff have the totals' links)
    boolean schoolLists = reader == ClosedCases.Reader.AUTHORITY;
    List<ClosedCasesPage.SchoolRow> schools = figures.schools().stream()
        .map(school -> new ClosedCasesPage.SchoolRow(school.urn(), school.name(),
            school.counts().outcomes().stream().map(ClosedCaseFigures.OutcomeCount::cases).toList(), school.counts().cases(),
            school.counts().outcomes().stream()
                .map(outcome -> schoolLists && !school.urn().isEmpty() && outcome.caseOutcome() != null && outcome.cases() > 0
                    ? schoolCasesHref(figures, outcome.caseOutcome(), school.urn()) : null)
                .toList()))
        .toList();
    String title = reader == ClosedCases.Reader.SCHOOL ? "My school's closed cases by outcome" : "Closed cases by outcome";
    model.addAttribute("page", new ClosedCasesPage(
        title, period.fromTyped(), period.toTyped(), dates.day(figures.from()) + " to " + dates.day(figures.to()), total,
        columns, schools, figures.total().cases(), href(CSV, figures, true), href("/api/reports/closed-cases", figures, false),
        period.errors()));
    return "casefile/closed-cases";
  }

  /**
   * The cases a figure counts, as the viewer may see them (the engine decides again): the
   * authority's staff and a school's; the data team reads no case ("Page not found"), as on the
   * figures page. A figure that is not one of the page's is not found either.
   */
  @GetMapping(CASES)
  String cases(
      @RequestParam String outcome, @RequestParam(required = false) String reason,
      @RequestParam String from, @RequestParam String to, @RequestParam(required = false) String school,
      HttpServletRequest request, Model model) {
    ClosedCases.Reader reader = requireReader(request);
    if (reader == ClosedCases.Reader.DATA) {
      throw new PageNotFoundException("cases closed " + outcome + ", for " + viewers.current(request).userId() + " who reads no case");
    }
    if (!ClosedCases.OUTCOMES.contains(outcome)
        || (reason != null && !(AttendanceCase.NO_LONGER_NEEDED_OUTCOME.equals(outcome) && caseSettings.noLongerNeededReasons().containsKey(reason)))) {
      throw new PageNotFoundException("closed cases figure " + outcome + " " + reason);
    }
    LocalDate first;
    LocalDate last;
    try {
      first = LocalDate.parse(from);
      last = LocalDate.parse(to);
      ClosedCases.checkPeriod(first, last);
    } catch (java.time.DateTimeException | uk.schoolattendance.process.InvalidInputException notAPeriod) {
      throw new PageNotFoundException("closed cases from " + from + " to " + to);
    }
    String title = "Cases closed: " + (reason == null ? words(outcome) : words(outcome) + ", " + caseSettings.noLongerNeededReasons().get(reason))
        + ", " + dates.day(first) + " to " + dates.day(last);
    java.util.Set<String> readable = closedCases.schoolsOf(reader);
    java.util.Set<String> schools = readable;
    if (school != null) {
      // one school's figure (the by-school table): only within the schools the viewer reads
      if (school.isBlank() || (readable != null && !readable.contains(school))) {
        throw new PageNotFoundException("closed cases of school " + school + " for " + viewers.current(request).userId());
      }
      schools = java.util.Set.of(school);
      title = title + ", " + schoolDirectory.find(school).map(uk.schoolattendance.schools.School::name).orElse("URN " + school);
    }
    LocalDate firstDay = first;
    LocalDate lastDay = last;
    String heading = title;
    java.util.Set<String> onlySchools = schools;
    model.addAttribute("page", lists.ofPages(heading, "The cases this figure counts that you may see, latest closed first.",
        (offset, count) -> closedCases.caseIds(firstDay, lastDay, outcome, reason, onlySchools, offset, count)));
    return "casefile/cases";
  }

  private static String schoolCasesHref(ClosedCaseFigures figures, String outcome, String urn) {
    return UriComponentsBuilder.fromPath(CASES).queryParam("outcome", outcome).queryParam(FROM, figures.from())
        .queryParam(TO, figures.to()).queryParam("school", urn).toUriString();
  }

  private static String casesHref(ClosedCaseFigures figures, String outcome, String reason) {
    UriComponentsBuilder href = UriComponentsBuilder.fromPath(CASES).queryParam("outcome", outcome);
    if (reason != null) {
      href.queryParam("reason", reason);
    }
    return href.queryParam(FROM, figures.from()).queryParam(TO, figures.to()).toUriString();
  }

  /** The page's figures as a CSV file; a period not a real one is not guessed at (400). */
  @GetMapping(CSV)
  void csv(
      @RequestParam(name = "from-day", required = false) String fromDay,
      @RequestParam(name = "from-month", required = false) String fromMonth,
      @RequestParam(name = "from-year", required = false) String fromYear,
      @RequestParam(name = "to-day", required = false) String toDay,
      @RequestParam(name = "to-month", required = false) String toMonth,
      @RequestParam(name = "to-year", required = false) String toYear,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    ClosedCases.Reader reader = requireReader(request);
    Period period = period(fromDay, fromMonth, fromYear, toDay, toMonth, toYear);
    if (!period.errors().isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, period.errors().get(0).message());
      return;
    }
    ClosedCaseFigures figures = closedCases.forReader(reader, period.from(), period.to());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + ClosedCases.fileName(figures) + "\"");
    response.getOutputStream().write(ClosedCases.csv(figures, Wording::outcome).getBytes(StandardCharsets.UTF_8));
  }

  private static String id(String caseOutcome) {
    return caseOutcome == null ? "no-outcome" : caseOutcome;
  }

  /** An outcome in words; a case that ended with none recorded (deleted rather than ended) says so. */
  static String words(String caseOutcome) {
    return caseOutcome == null ? "No outcome recorded" : Wording.outcome(caseOutcome);
  }

  private static void day(UriComponentsBuilder href, String field, LocalDate day) {
    href.queryParam(field + "-day", day.getDayOfMonth()).queryParam(field + "-month", day.getMonthValue())
        .queryParam(field + "-year", day.getYear());
  }

  /** The page's CSV with the period's days as the form sends them, or the API's with ISO days. */
  private static String href(String path, ClosedCaseFigures figures, boolean form) {
    UriComponentsBuilder href = UriComponentsBuilder.fromPath(path);
    if (form) {
      day(href, FROM, figures.from());
      day(href, TO, figures.to());
    } else {
      href.queryParam(FROM, figures.from()).queryParam(TO, figures.to());
    }
    return href.toUriString();
  }
}
