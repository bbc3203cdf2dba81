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

  @GetMapping(PATH)
  String register(@RequestParam(required = false) String state, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    keepers.require(request);
    List<FieldError> errors = new ArrayList<>();
    String chosen = state == null || state.isBlank() ? null : state.strip();
    if (chosen != null && !NoticeWords.STATES.containsKey(chosen)) {
      errors.add(new FieldError("state", "Select a state from the list"));
      chosen = null;
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

  /** The notices in the state chosen (every state without one), one row each, as CSV for a spreadsheet. */
  @GetMapping(PATH + "/export.csv")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String state, HttpServletRequest request) {
    keepers.require(request);
    String chosen = state == null || state.isBlank() ? null : state.strip();
    if (chosen != null && !NoticeWords.STATES.containsKey(chosen)) {
      chosen = null;
    }
    String name = "penalty-notices-" + (chosen == null ? "" : chosen + "-") + dates.today() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(csv.of(rows.all(chosen)).getBytes(StandardCharsets.UTF_8));
  }
}
