package uk.schoolattendance.casefile.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.Pages;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.notices.PenaltyNoticeEntry;

/**
 * The penalty notice register for the compliance team ({@code /casework/register}): every notice
 * by state, soonest deadline first, {@link RegisterRows#PAGE_SIZE} a page, with a filter by state and
 * a search box (notice number, case reference, child's UPN or parent's id), and the same notices
 * as CSV.
 */
@Controller
class RegisterPageController {

  static final String PATH = "/casework/register";
  /** The longest search the box takes: the longest reference or id the register holds. */
  static final int MAX_SEARCH = 64;

  /** The page: the filters, the counts by state, one page of notices and the links to the others. */
  record RegisterPage(
      String title, String state, String search, List<Option> states, List<RegisterRow> rows, String heading, String showing,
      Pages.Pagination pagination, long waitingToBePosted, String exportHref, List<FieldError> errors) {}

  /** One choice of the state filter, with its count. */
  record Option(String value, String label, long count, boolean selected) {}

  private final RegisterKeepers keepers;
  private final RegisterRows rows;
  private final NoticeCsv csv;
  private final UkDates dates;

  RegisterPageController(RegisterKeepers keepers, RegisterRows rows, NoticeCsv csv, UkDates dates) {
    this.keepers = keepers;
    this.rows = rows;
    this.csv = csv;
    this.dates = dates;
  }

  /**
   * The register page. The filters are {@code state} ({@code status}, the API's name for it, is
   * read the same way) and {@code q}, the search box; {@code page} counts from 1. A value that is not
   * a state, a search too long, or a page that does not exist is named in the error summary (400):
   * a bad filter is not applied, and for a page out of range the nearest page is shown.
   */
  @GetMapping(PATH)
  String register(@RequestParam(required = false) String state, @RequestParam(required = false) String status,
      @RequestParam(required = false) String q, @RequestParam(required = false) String page, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    keepers.require(request);
    List<FieldError> errors = new ArrayList<>();
    String chosen = chosenState(state, status, errors);
    String search = search(q, errors);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String each : NoticeWords.STATE_ORDER) {
      counts.put(each, rows.count(each, search));
    }
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Every state", counts.values().stream().mapToLong(Long::longValue).sum(), chosen == null));
    for (String each : NoticeWords.STATE_ORDER) {
      options.add(new Option(each, NoticeWords.state(each), counts.get(each), each.equals(chosen)));
    }
    long total = chosen == null ? options.get(0).count() : counts.get(chosen);
    int pages = Pages.count(total, RegisterRows.PAGE_SIZE);
    int shownPage = Pages.shown(page, pages, "notices", "notices-heading", errors);
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    List<RegisterRow> shown = rows.page(chosen, search, shownPage - 1);
    String showing = Pages.showing(shownPage, RegisterRows.PAGE_SIZE, shown.size(), total, "notice", "notices");
    model.addAttribute("page", new RegisterPage(
        "Penalty notices", chosen == null ? "" : chosen, search == null ? "" : search, options, shown,
        Pages.number(total) + (total == 1 ? " notice" : " notices"), showing,
        Pages.of(shownPage, pages, each -> link(PATH, chosen, search, each)), rows.count(PenaltyNoticeEntry.PREPARED, null),
        link(PATH + "/export.csv", chosen, search, null), errors));
    return "casefile/register";
  }

  /** The address of the register (or its export) with the filters kept: {@code state}, {@code q}, {@code page}. */
  private static String link(String path, String state, String search, Integer page) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
    if (state != null) {
      builder.queryParam("state", state);
    }
    if (search != null) {
      builder.queryParam("q", search);
    }
    if (page != null && page > 1) {
      builder.queryParam("page", page);
    }
    return builder.encode().build().toUriString();
  }

  /** The search box's words, stripped; null when empty; one too long is named in {@code errors} and not applied. */
  private static String search(String q, List<FieldError> errors) {
    String search = q == null || q.isBlank() ? null : q.strip();
    if (search != null && search.length() > MAX_SEARCH) {
      errors.add(new FieldError("q", "Enter a notice number, case reference, UPN, parent ID or name of " + MAX_SEARCH
          + " characters or fewer (every notice is shown)"));
      return null;
    }
    return search;
  }

  /**
   * The state asked for ({@code state}, or the API's {@code status}), null for every state; a value
   * that is not a state of a notice is named in {@code errors} (and every state shown).
   */
  private static String chosenState(String state, String status, List<FieldError> errors) {
    String asked = state == null || state.isBlank() ? status : state;
    if (state != null && !state.isBlank() && status != null && !status.isBlank() && !state.strip().equals(status.strip())) {
      errors.add(new FieldError("state", "The state filter asks for both " + shown(state) + " and " + shown(status)
          + ": select one state from the list (every notice is shown)"));
      return null;
    }
    String chosen = asked == null || asked.isBlank() ? null : asked.strip();
    if (chosen != null && !NoticeWords.STATES.containsKey(chosen)) {
      errors.add(new FieldError("state", "The state filter " + shown(chosen) + " is not a state of a notice: select a"
          + " state from the list (every notice is shown)"));
      return null;
    }
    return chosen;
  }

  /** A value from the address, quoted and cut short for the page. */
  private static String shown(String value) {
    String stripped = value.strip();
    return "‘" + (stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped) + "’";
  }

  /**
   * Every notice matching the filters ({@code state}, {@code q}: every page of them), one row each,
   * as CSV for a spreadsheet, in the page's order. Written as the database sends the rows, so a
   * register of any size never sits whole in memory. A bad filter answers 400 naming it.
   */
  @GetMapping(PATH + "/export.csv")
  void export(@RequestParam(required = false) String state, @RequestParam(required = false) String q,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    keepers.require(request);
    String chosen = state == null || state.isBlank() ? null : state.strip();
    String search = q == null || q.isBlank() ? null : q.strip();
    String refused = null;
    if (chosen != null && !NoticeWords.STATES.containsKey(chosen)) {
      refused = "state: " + shown(chosen) + " is not a state of a notice, one of " + String.join(", ", NoticeWords.STATE_ORDER);
    } else if (search != null && search.length() > MAX_SEARCH) {
      refused = "q: must be " + MAX_SEARCH + " characters or fewer";
    }
    if (refused != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(refused + "\n");
      return;
    }
    String name = "penalty-notices-" + (chosen == null ? "" : chosen + "-") + dates.today() + ".csv";
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
    Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    csv.write(out, each -> rows.each(chosen, search, each));
  }
}
