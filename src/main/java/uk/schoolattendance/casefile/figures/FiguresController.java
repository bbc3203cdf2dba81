package uk.schoolattendance.casefile.figures;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.casefile.lists.CaseLists;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.reporting.CaseCounts;
import uk.schoolattendance.reporting.CensusFigures;
import uk.schoolattendance.reporting.ParentalResponsibilityMeasures;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.security.CurrentUser;

/**
 * The census and the dashboard on screen ({@code /casework/figures}): an academic year picker,
 * the Parental Responsibility Measures census for that year, the open cases by level and the
 * overdue reviews, and a row per school. Each figure opens the cases it counts
 * ({@code /casework/figures/cases}), or for a school the search for its URN.
 *
 * <p>Who sees what: the local authority's staff (officers, senior practitioners, the compliance
 * team, managers, administrators) see everything. A school's staff see the case counts and their
 * own school's row, never the census: it is the authority's return over every school, and the
 * register it reads is not filtered by the engine. Every case count is an engine query run as the
 * viewer, so it counts only what the engine lets them read; every list of cases is filtered again
 * the same way. The data team (READ on every School, no case) sees the census and each school's
 * notices issued, aggregate figures for the return, but no case figure (the engine would count
 * none of the cases it may not read) and no list of cases ("Page not found"). Anyone else
 * (analysts) gets "You cannot open this page".
 */
@Controller
class FiguresController {

  static final String CASES = Navigation.FIGURES + "/cases";
  /** The measures Cockpit's overview links to beside the page's own (DashboardController's links). */
  static final String REVIEWS_DUE_THIS_WEEK = "reviews-due-this-week";
  static final String NOTICES_TO_IMPROVE_ENDING = "notices-to-improve-ending-this-week";
  private static final int YEARS_OFFERED = 5;

  private static final Map<String, String> CENSUS_WORDS =
      Map.ofEntries(
          Map.entry("penaltyNoticesIssued", "Penalty notices issued"),
          Map.entry("penaltyNoticesIssuedHoliday", "Penalty notices for term-time leave"),
          Map.entry("penaltyNoticesIssuedLate", "Penalty notices for lateness"),
          Map.entry("penaltyNoticesIssuedOther", "Penalty notices for other absence"),
          Map.entry("penaltyNoticesPaidWithin21Days", "Paid within 21 days"),
          Map.entry("penaltyNoticesPaidWithin28Days", "Paid from day 22 to day 28"),
          Map.entry("penaltyNoticesWithdrawn", "Penalty notices withdrawn"),
          Map.entry("prosecutionsAfterNonPayment", "Prosecutions after non-payment"),
          Map.entry("casesEnteringCaseManagement", "Cases entering the legal stage"),
          Map.entry("attendanceContracts", "Attendance contracts agreed"),
          Map.entry("parentingOrders", "Parenting orders"),
          Map.entry("educationSupervisionOrders", "Education supervision orders"));

  private final Viewers viewers;
  private final CurrentUser currentUser;
  private final ParentalResponsibilityMeasures census;
  private final CaseCounts counts;
  private final SchoolDirectory schools;
  private final CaseIndex index;
  private final CaseLists lists;
  private final UkDates dates;
  private final SchoolAccess schoolAccess;

  FiguresController(
      Viewers viewers, CurrentUser currentUser, ParentalResponsibilityMeasures census, CaseCounts counts,
      SchoolDirectory schools, CaseIndex index, CaseLists lists, UkDates dates, SchoolAccess schoolAccess) {
    this.schoolAccess = schoolAccess;
    this.viewers = viewers;
    this.currentUser = currentUser;
    this.census = census;
    this.counts = counts;
    this.schools = schools;
    this.index = index;
    this.lists = lists;
    this.dates = dates;
  }

  @GetMapping(Navigation.FIGURES)
  String figures(@RequestParam(required = false) String year, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    Viewer viewer = viewers.current(request);
    Reader reader = requireReader(viewer);
    boolean authority = reader == Reader.AUTHORITY;
    List<FieldError> errors = new ArrayList<>();
    String shown = year == null || year.isBlank() ? currentYear() : year.strip();
    try {
      ParentalResponsibilityMeasures.firstDay(shown);
    } catch (InvalidInputException refused) {
      errors.add(new FieldError("year", "Select an academic year from the list"));
      shown = currentYear();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    List<FiguresPage.Tile> censusTiles = new ArrayList<>();
    if (reader != Reader.SCHOOL) {
      CensusFigures figures = census.forYear(shown);
      for (Map.Entry<String, Long> row : figures.rows().entrySet()) {
        String href = authority && ParentalResponsibilityMeasures.NOTICE_MEASURES.contains(row.getKey())
            ? casesHref(row.getKey(), shown) : null;
        censusTiles.add(new FiguresPage.Tile(row.getKey(), CENSUS_WORDS.getOrDefault(row.getKey(), row.getKey()), row.getValue(), href));
      }
    }
    List<FiguresPage.Tile> caseTiles = new ArrayList<>();
    if (reader != Reader.DATA) {
      caseTiles.addAll(caseTiles());
    }
    model.addAttribute("page", new FiguresPage(
        reader == Reader.SCHOOL ? "My school's figures" : "Figures", shown, years(), censusTiles, caseTiles,
        reader != Reader.DATA, schoolRows(viewer, reader, shown), errors));
    return "casefile/figures";
  }

  /** The dashboard's case counts, each opening the list of its cases. */
  private List<FiguresPage.Tile> caseTiles() {
    List<FiguresPage.Tile> caseTiles = new ArrayList<>();
    caseTiles.add(new FiguresPage.Tile("open", "Open cases", counts.openCases().count(), casesHref("open", null)));
    for (Map.Entry<String, Long> level : counts.byLevel().entrySet()) {
      caseTiles.add(new FiguresPage.Tile("level-" + level.getKey(), "At level " + level.getKey(), level.getValue(),
          casesHref("level-" + level.getKey(), null)));
    }
    caseTiles.add(new FiguresPage.Tile("reviews-overdue", "Attendance reviews overdue",
        counts.reviewsOverdue(EngineClock.now()).count(), casesHref("reviews-overdue", null)));
    return caseTiles;
  }

  /** The cases a figure counts, as the viewer may see them. */
  @GetMapping(CASES)
  String cases(@RequestParam String measure, @RequestParam(required = false) String year, HttpServletRequest request,
      Model model) {
    Viewer viewer = viewers.current(request);
    Reader reader = requireReader(viewer);
    if (reader == Reader.DATA) {
      throw new PageNotFoundException("cases of figure " + measure + ", for " + viewer.userId() + " who reads no case");
    }
    boolean authority = reader == Reader.AUTHORITY;
    int page = CaseLists.LIMIT + 1;
    List<String> candidates;
    String title;
    if ("open".equals(measure)) {
      title = "Open cases";
      candidates = counts.openCases().listPage(0, page).stream().map(instance -> instance.getId()).toList();
    } else if (measure.matches("level-[1-" + CaseCounts.LEVELS + "]")) {
      int level = Integer.parseInt(measure.substring("level-".length()));
      title = "Cases at level " + level;
      candidates = counts.atLevel(level).listPage(0, page).stream().map(instance -> instance.getId()).toList();
    } else if ("reviews-overdue".equals(measure)) {
      title = "Cases with an attendance review overdue";
      candidates = new ArrayList<>(new LinkedHashSet<>(
          counts.reviewsOverdue(EngineClock.now()).listPage(0, page).stream().map(task -> task.getProcessInstanceId()).toList()));
    } else if (REVIEWS_DUE_THIS_WEEK.equals(measure)) {
      // Cockpit's "Reviews due this week": the same query, so the list and the figure agree
      Date now = EngineClock.now();
      title = "Cases with an attendance review due in the next 7 days";
      candidates = new ArrayList<>(new LinkedHashSet<>(counts.reviewsDue(now, CaseCounts.aWeekAfter(now)).listPage(0, page).stream()
          .map(task -> task.getProcessInstanceId()).toList()));
    } else if (NOTICES_TO_IMPROVE_ENDING.equals(measure)) {
      // Cockpit's "Notices to Improve ending this week": the cases it counts
      title = "Cases whose Notice to Improve's improvement period ends in the next 7 days";
      List<String> ending = counts.casesWithNoticeToImproveEndingBefore(CaseCounts.aWeekAfter(EngineClock.now()));
      candidates = ending.subList(0, Math.min(page, ending.size()));
    } else if (authority && ParentalResponsibilityMeasures.NOTICE_MEASURES.contains(measure) && year != null) {
      try {
        title = CENSUS_WORDS.get(measure) + ", " + year;
        candidates = noticeCases(census.noticesCounted(measure, year.strip()));
      } catch (InvalidInputException notAYear) {
        throw new PageNotFoundException("figures for " + year);
      }
    } else {
      throw new PageNotFoundException("figure " + measure);
    }
    model.addAttribute("page", lists.of(title, "The cases this figure counts that you may see.", candidates));
    return "casefile/cases";
  }

  /** The cases of the notices; notices recorded from others have no case in the system. */
  private List<String> noticeCases(List<PenaltyNoticeEntry> notices) {
    Set<String> ids = new LinkedHashSet<>();
    for (PenaltyNoticeEntry notice : notices) {
      if (notice.caseReference() != null) {
        index.caseIdOf(notice.caseReference()).ifPresent(ids::add);
      }
    }
    return new ArrayList<>(ids);
  }

  /** Who reads the figures, and so which of them they see. */
  private enum Reader {
    /** The authority's staff: everything. */
    AUTHORITY,
    /** Reads every school (the data team) but no case: the census and each school's notices. */
    DATA,
    /** A school's staff: their own cases and school. */
    SCHOOL
  }

  /** The viewer's kind of reader; anyone else is refused the page (403). */
  private Reader requireReader(Viewer viewer) {
    if (currentUser.readsEverySchool()) {
      return Reader.AUTHORITY;
    }
    if (!viewer.schoolUrns().isEmpty()) {
      return Reader.SCHOOL;
    }
    if (schoolAccess.mayReadEverySchool()) {
      return Reader.DATA;
    }
    throw new PageForbiddenException("figures, for " + viewer.userId());
  }

  private List<FiguresPage.SchoolRow> schoolRows(Viewer viewer, Reader reader, String year) {
    List<School> shown = schools.all().stream()
        .filter(school -> reader != Reader.SCHOOL || viewer.schoolUrns().contains(school.urn()))
        .sorted(Comparator.comparing(School::name))
        .toList();
    Map<String, Long> notices = new java.util.HashMap<>();
    for (PenaltyNoticeEntry notice : census.noticesCounted("penaltyNoticesIssued", year)) {
      notices.merge(notice.schoolUrn(), 1L, Long::sum);
    }
    return shown.stream()
        .map(school -> new FiguresPage.SchoolRow(
            school.urn(), school.name(), reader == Reader.DATA ? null : counts.ofSchool(school.urn()).count(),
            notices.getOrDefault(school.urn(), 0L),
            reader == Reader.DATA ? null : UriComponentsBuilder.fromPath(Navigation.FIND).queryParam("q", school.urn()).toUriString()))
        .toList();
  }

  private static String casesHref(String measure, String year) {
    UriComponentsBuilder href = UriComponentsBuilder.fromPath(CASES).queryParam("measure", measure);
    if (year != null) {
      href.queryParam("year", year);
    }
    return href.toUriString();
  }

  /** The academic year today is in: from 1 September. */
  private String currentYear() {
    return yearOf(dates.today());
  }

  private static String yearOf(LocalDate day) {
    int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    return start + "-" + String.format("%02d", (start + 1) % 100);
  }

  private List<String> years() {
    List<String> years = new ArrayList<>();
    LocalDate day = dates.today();
    for (int i = 0; i < YEARS_OFFERED; i++) {
      years.add(yearOf(day.minusYears(i)));
    }
    return years;
  }
}
