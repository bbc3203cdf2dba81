package uk.schoolattendance.casefile.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.notices.NoticeActionRefused;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeActions;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.PaymentDetailsMissing;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The print queue ({@code /casework/register/print-queue}): the letters waiting to be posted
 * (notices {@code prepared}), each printable as its PDF, and "mark as posted today" (or handed
 * over) for those chosen. A notice counts as issued when it is marked posted, with that date, and
 * its deemed receipt and deadlines follow from it: the "Post or hand over the notice" task of
 * each is completed as the signed-in member of the compliance team. A prepared notice beyond the
 * limit is not among them: it is listed apart, with no letter to print, and cannot be marked. While the council's payment
 * details are incomplete the page says which property is missing and marks nothing (the letters
 * themselves are refused too).
 *
 * <p>The letters are paged like the register, {@link RegisterRows#PAGE_SIZE} a page, soonest due
 * first, so none is ever left off however many wait. The ticks mark the letters of the page shown;
 * "Mark every letter on this page" marks exactly the letters the page listed (sent back with the
 * form), never one that arrived since. After marking, the same page is shown again (the letters
 * that were behind it move up), or the last page when there are fewer pages left.
 */
@Controller
class PrintQueueController {

  static final String PATH = RegisterPageController.PATH + "/print-queue";

  /**
   * The page: the letters to print and post; and, apart, the prepared notices that may not be
   * printed (beyond the limit: {@code heldBack}, the first of {@code heldBackCount}), each linked to
   * its page, which says what to do.
   */
  record PrintQueuePage(
      String title, String today, List<RegisterRow> letters, List<RegisterRow> heldBack, long heldBackCount, String method,
      Map<String, String> methods, List<String> chosen, List<FieldError> errors, String done, int page, String showing,
      RegisterPageController.Pagination pagination) {}

  private static final Map<String, String> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put(PenaltyNotice.POST, "Posted today");
    METHODS.put(PenaltyNotice.HAND, "Handed over today");
  }

  private final RegisterKeepers keepers;
  private final RegisterRows rows;
  private final PenaltyNoticeActions actions;
  private final UkDates dates;
  private final PenaltyNoticeProperties properties;

  PrintQueueController(
      RegisterKeepers keepers, RegisterRows rows, PenaltyNoticeActions actions, UkDates dates,
      PenaltyNoticeProperties properties) {
    this.properties = properties;
    this.keepers = keepers;
    this.rows = rows;
    this.actions = actions;
    this.dates = dates;
  }

  @GetMapping(PATH)
  String queue(@RequestParam(required = false) Integer posted, @RequestParam(required = false) String method,
      @RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    String done = null;
    if (posted != null && posted > 0) {
      String how = PenaltyNotice.HAND.equals(method) ? "handed over" : "posted";
      done = posted + (posted == 1 ? " notice" : " notices") + " marked as " + how + " on " + dates.day(dates.today());
    }
    List<FieldError> errors = new ArrayList<>(paymentDetailsMissing());
    int shown = RegisterPageController.pageShown(page, pages(), "letters", "letters-heading", errors);
    if (errors.stream().anyMatch(error -> "letters-heading".equals(error.field()))) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    model.addAttribute("page", page(PenaltyNotice.POST, List.of(), errors, done, shown));
    return "casefile/print-queue";
  }

  /** The pages the letters to post fill (1 when there are none). */
  private int pages() {
    return (int) Math.max(1, (rows.countLettersToPost() + RegisterRows.PAGE_SIZE - 1) / RegisterRows.PAGE_SIZE);
  }

  /** The page a form was sent from, from 1: the nearest page that exists now (1 for none or not a number). */
  private int pageFrom(String page) {
    return RegisterPageController.pageShown(page, pages(), "letters", "letters-heading", new ArrayList<>());
  }

  @PostMapping(PATH)
  String markGiven(
      @RequestParam(name = "notice", required = false) List<String> notices,
      @RequestParam(name = "onPage", required = false) List<String> onPage,
      @RequestParam(required = false) String all,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String page,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    List<FieldError> errors = new ArrayList<>();
    // "Mark every letter on this page": the letters the page listed, as it listed them
    boolean everyOnPage = all != null;
    Set<String> chosen = new LinkedHashSet<>(everyOnPage ? (onPage == null ? List.of() : onPage) : notices == null ? List.of() : notices);
    if (chosen.isEmpty()) {
      errors.add(new FieldError("notices", everyOnPage ? "There were no letters on the page to mark"
          : "Select the letters you have posted or handed over"));
    }
    if (method == null || !PenaltyNotice.DELIVERY_METHODS.contains(method)) {
      errors.add(new FieldError("method", "Select whether the letters were posted or handed over"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("page", page(method, everyOnPage ? List.of() : List.copyOf(chosen), errors, null, pageFrom(page)));
      return "casefile/print-queue";
    }
    if (!paymentDetailsMissing().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("page", page(method, everyOnPage ? List.of() : List.copyOf(chosen), paymentDetailsMissing(), null,
          pageFrom(page)));
      return "casefile/print-queue";
    }
    int given = 0;
    for (String number : chosen) {
      try {
        actions.dispatch(number, method, null);
        given++;
      } catch (NoticeActionRefused | InvalidInputException | PaymentDetailsMissing refused) {
        errors.add(new FieldError("notices", "Notice " + number + " was not marked: " + refused.getMessage()));
      }
    }
    if (errors.isEmpty()) {
      int back = pageFrom(page);
      return "redirect:" + PATH + "?posted=" + given + "&method=" + method + (back > 1 ? "&page=" + back : "");
    }
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    String done = given == 0 ? null
        : given + (given == 1 ? " notice" : " notices") + " marked as " + (PenaltyNotice.HAND.equals(method) ? "handed over" : "posted")
            + " on " + dates.day(dates.today());
    model.addAttribute("page", page(method, List.of(), errors, done, pageFrom(page)));
    return "casefile/print-queue";
  }

  /** The council's missing payment details as the page's one error, naming each property; none when complete. */
  private List<FieldError> paymentDetailsMissing() {
    List<String> missing = properties.authority().missingToIssue();
    return missing.isEmpty() ? List.of() : List.of(new FieldError("notices", new PaymentDetailsMissing(missing).getMessage()));
  }

  /** Page {@code page} (from 1) of the letters to post, with the first notices held back and how many there are. */
  private PrintQueuePage page(String method, List<String> chosen, List<FieldError> errors, String done, int page) {
    List<RegisterRow> heldBack = rows.heldBack();
    long total = rows.countLettersToPost();
    int pages = (int) Math.max(1, (total + RegisterRows.PAGE_SIZE - 1) / RegisterRows.PAGE_SIZE);
    List<RegisterRow> letters = rows.lettersToPost(page - 1);
    long first = (long) (page - 1) * RegisterRows.PAGE_SIZE + 1;
    String showing = letters.isEmpty() ? null
        : "Showing " + RegisterPageController.number(first) + " to " + RegisterPageController.number(first + letters.size() - 1)
            + " of " + RegisterPageController.number(total) + (total == 1 ? " letter" : " letters");
    return new PrintQueuePage(
        "Letters to post", dates.day(dates.today()), letters, heldBack, heldBack.isEmpty() ? 0 : rows.countHeldBack(),
        method == null ? PenaltyNotice.POST : method, METHODS, chosen, errors, done, page, showing,
        RegisterPageController.pagination(page, pages, each -> each > 1 ? PATH + "?page=" + each : PATH));
  }
}
