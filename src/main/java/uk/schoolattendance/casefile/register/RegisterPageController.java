package uk.schoolattendance.casefile.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.UkDates;

/**
 * The penalty notice register for the compliance team ({@code /casework/register}): every notice
 * by state, soonest deadline first, with a filter by state, and the same notices as CSV.
 */
@Controller
class RegisterPageController {

  static final String PATH = "/casework/register";

  /** The page: the filter, the counts by state and the notices. */
  record RegisterPage(
      String title, String state, List<Option> states, List<RegisterRow> rows, long total, boolean more,
      long waitingToBePosted, List<FieldError> errors) {}

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
   * The register page. The filter is {@code state}; {@code status}, the API's name for it, is
   * read the same way. A value that is not a state is named in the error summary and every notice
   * is shown; the page lists its notices on one page, so a {@code page} other than 1 is named and
   * page 1 shown. Either answers 400.
   */
  @GetMapping(PATH)
  String register(@RequestParam(required = false) String state, @RequestParam(required = false) String status,
      @RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    List<FieldError> errors = new ArrayList<>();
    String chosen = chosenState(state, status, errors);
    if (page != null && !"1".equals(page.strip())) {
      errors.add(new FieldError("notices-heading", "Page " + shown(page) + " does not exist: the register lists its notices on"
          + " one page, page 1, shown below (choose a state or download the spreadsheet for more)"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String each : NoticeWords.STATE_ORDER) {
      counts.put(each, rows.count(each));
    }
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Every state", counts.values().stream().mapToLong(Long::longValue).sum(), chosen == null));
    for (String each : NoticeWords.STATE_ORDER) {
      options.add(new Option(each, NoticeWords.state(each), counts.get(each), each.equals(chosen)));
    }
    List<RegisterRow> shown = rows.rows(chosen);
    long total = chosen == null ? options.get(0).count() : counts.get(chosen);
    model.addAttribute("page", new RegisterPage(
        "Penalty notices", chosen == null ? "" : chosen, options, shown, total, total > shown.size(),
        counts.get(uk.schoolattendance.notices.PenaltyNoticeEntry.PREPARED), errors));
    return "casefile/register";
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

  /** The notices in the state chosen (every state without one), one row each, as CSV for a spreadsheet. */
  @GetMapping(PATH + "/export.csv")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String state, HttpServletRequest request) {
    keepers.require(request);
    String chosen = state == null || state.isBlank() ? null : state.strip();
    if (chosen != null && !NoticeWords.STATES.containsKey(chosen)) {
      return ResponseEntity.badRequest()
          .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body(("state: " + shown(chosen) + " is not a state of a notice, one of " + String.join(", ", NoticeWords.STATE_ORDER)
              + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String name = "penalty-notices-" + (chosen == null ? "" : chosen + "-") + dates.today() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(csv.of(rows.all(chosen)).getBytes(StandardCharsets.UTF_8));
  }
}
