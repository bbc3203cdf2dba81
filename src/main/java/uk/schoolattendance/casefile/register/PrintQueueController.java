package uk.schoolattendance.casefile.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.Pages;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.notices.LetterPrinting;
import uk.schoolattendance.notices.NoticeActionRefused;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeActions;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.notices.PaymentDetailsMissing;
import uk.schoolattendance.process.CaseFacts;
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
 *
 * <p>"Print all on this page" prints the letters the page listed as one PDF, recorded as a print run
 * ({@link PrintRuns}): the page names who printed each letter and when, a later copy of a run is a
 * reprint and says so, and a page whose letters were printed before is asked about before a new run.
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
      Pages.Pagination pagination, Map<String, String> printed, RunShown run, boolean askAgain) {}

  /**
   * A print run just made, for the page's banner: what it holds and made by whom and when, and its
   * "Print the letters" form's action ({@code href}, a POST: each press a counted copy); {@code left} the
   * letters the page listed that were no longer waiting and so left out; the {@code copies} made so far
   * and the last of them to open again without making another ({@code lastCopy}, null before the first).
   */
  record RunShown(long id, String summary, String href, String left, int copies, String lastCopy) {}

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
  private final PrintRuns runs;
  private final PenaltyNoticeRegister register;
  private final LetterPrinting printing;
  private final PrintedCopies printed;

  PrintQueueController(
      RegisterKeepers keepers, RegisterRows rows, PenaltyNoticeActions actions, UkDates dates,
      PenaltyNoticeProperties properties, PrintRuns runs, PenaltyNoticeRegister register, LetterPrinting printing,
      PrintedCopies printed) {
    this.printed = printed;
    this.properties = properties;
    this.runs = runs;
    this.register = register;
    this.printing = printing;
    this.keepers = keepers;
    this.rows = rows;
    this.actions = actions;
    this.dates = dates;
  }

  @GetMapping(PATH)
  String queue(@RequestParam(required = false) Integer posted, @RequestParam(required = false) String method,
      @RequestParam(required = false) String page, @RequestParam(required = false) Long run,
      @RequestParam(required = false) List<String> left,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    String done = null;
    if (posted != null && posted > 0) {
      String how = PenaltyNotice.HAND.equals(method) ? "handed over" : "posted";
      done = posted + (posted == 1 ? " notice" : " notices") + " marked as " + how + " on " + dates.day(dates.today());
    }
    List<FieldError> errors = new ArrayList<>(paymentDetailsMissing());
    int shown = Pages.shown(page, pages(), "letters", "letters-heading", errors);
    if (errors.stream().anyMatch(error -> "letters-heading".equals(error.field()))) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    PrintQueuePage shownPage = page(PenaltyNotice.POST, List.of(), errors, done, shown);
    if (run != null) {
      shownPage = withRun(shownPage, runs.find(run).orElse(null), left == null ? List.of() : left);
    }
    model.addAttribute("page", shownPage);
    return "casefile/print-queue";
  }

  /** The page with the banner of print run {@code run}, when it exists. */
  private PrintQueuePage withRun(PrintQueuePage page, PrintRuns.PrintRun run, List<String> left) {
    if (run == null) {
      return page;
    }
    int letters = runs.notices(run.id()).size();
    String summary = "Print run " + run.id() + ": " + letters + (letters == 1 ? " letter" : " letters") + " "
        + (PenaltyNotice.HAND.equals(run.method()) ? "to hand over" : "for posting") + " on " + dates.day(run.dispatchOn())
        + ", printed by " + run.printedByName() + " at " + dates.moment(run.printedAt()) + ".";
    List<String> notLeft = left.stream().filter(number -> CaseFacts.NOTICE_NUMBER_SHAPE.matcher(number).matches()).toList();
    String leftOut = notLeft.isEmpty() ? null
        : "Not in this print run, as no longer waiting to be printed: " + String.join(", ", notLeft) + ".";
    return new PrintQueuePage(page.title(), page.today(), page.letters(), page.heldBack(), page.heldBackCount(), page.method(),
        page.methods(), page.chosen(), page.errors(), page.done(), page.page(), page.showing(), page.pagination(),
        page.printed(), new RunShown(run.id(), summary, runHref(run.id()), leftOut, run.copies(),
            run.copies() == 0 ? null : copyHref(run.id(), run.copies())), false);
  }

  /** Where "Print the letters" of print run {@code id} posts: each press is a counted copy. */
  static String runHref(long id) {
    return PATH + "/print-runs/" + id + "/copies";
  }

  /**
   * "Print all on this page": the letters the page listed (sent back with the form, in its order),
   * recorded as one print run by the signed-in member of the compliance team, then the page again
   * with the run's PDF to open. A letter no longer waiting (posted, withdrawn, moved beyond the limit
   * since) is left out and named. A letter already printed in an earlier run is not printed again by
   * accident: the page names each, with who printed it and when, and asks to print them again.
   */
  @PostMapping(PATH + "/print-runs")
  String printPage(
      @RequestParam(name = "onPage", required = false) List<String> onPage,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String again,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Viewer viewer = keepers.require(request);
    List<FieldError> errors = new ArrayList<>();
    List<String> listed = onPage == null ? List.of()
        : new ArrayList<>(new LinkedHashSet<>(onPage.stream().filter(n -> CaseFacts.NOTICE_NUMBER_SHAPE.matcher(n).matches()).toList()));
    if (listed.isEmpty()) {
      errors.add(new FieldError("notices", "There were no letters on the page to print"));
    } else if (listed.size() > RegisterRows.PAGE_SIZE) {
      // a page lists at most PAGE_SIZE letters: more is not a page of the queue (and each costs a query)
      errors.add(new FieldError("notices", "A print run is one page of the queue: at most " + RegisterRows.PAGE_SIZE
          + " letters, not " + listed.size()));
      listed = List.of();
    }
    if (method == null || !PenaltyNotice.DELIVERY_METHODS.contains(method)) {
      errors.add(new FieldError("method", "Select whether the letters will be posted or handed over"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("page", page(method, List.of(), errors, null, pageFrom(page)));
      return "casefile/print-queue";
    }
    if (!paymentDetailsMissing().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("page", page(method, List.of(), paymentDetailsMissing(), null, pageFrom(page)));
      return "casefile/print-queue";
    }
    List<String> printable = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (String number : listed) {
      boolean waiting = register.find(number)
          .filter(notice -> PenaltyNoticeEntry.PREPARED.equals(notice.status()) && !notice.beyondLimit(properties.limit()))
          .isPresent();
      (waiting ? printable : left).add(number);
    }
    if (printable.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      errors.add(new FieldError("notices", "None of the letters the page listed is still waiting to be printed: "
          + String.join(", ", left)));
      model.addAttribute("page", page(method, List.of(), errors, null, pageFrom(page)));
      return "casefile/print-queue";
    }
    long id;
    try {
      id = runs.record(viewer.userId(), viewer.name() == null ? viewer.userId() : viewer.name(),
          EngineClock.now().toInstant(), method, dates.today(), printable, again != null);
    } catch (PrintRuns.BeingPrinted busy) {
      // another person's print of the same letters holds them: neither a wait without end nor an error page
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      errors.add(new FieldError("notices", BEING_PRINTED));
      model.addAttribute("page", page(method, List.of(), errors, null, pageFrom(page)));
      return "casefile/print-queue";
    } catch (PrintRuns.AlreadyPrinted already) {
      Map<String, PrintRuns.PrintRun> earlier = already.earlier();
      // printed before: not again by accident
      for (String number : printable) {
        PrintRuns.PrintRun run = earlier.get(number);
        if (run != null) {
          errors.add(new FieldError("notices", "Notice " + number + " was already printed by " + run.printedByName() + " at "
              + dates.moment(run.printedAt()) + " (print run " + run.id() + ")"));
        }
      }
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      PrintQueuePage shown = page(method, List.of(), errors, null, pageFrom(page));
      model.addAttribute("page", new PrintQueuePage(shown.title(), shown.today(), shown.letters(), shown.heldBack(),
          shown.heldBackCount(), shown.method(), shown.methods(), shown.chosen(), shown.errors(), shown.done(), shown.page(),
          shown.showing(), shown.pagination(), shown.printed(), null, true));
      return "casefile/print-queue";
    }
    int back = pageFrom(page);
    StringBuilder to = new StringBuilder("redirect:" + PATH + "?run=" + id);
    if (back > 1) {
      to.append("&page=").append(back);
    }
    left.forEach(number -> to.append("&left=").append(number));
    return to.toString();
  }

  /**
   * "Print the letters" (a form button under the print run's banner): one more copy of the run's
   * letters as one PDF, counted as made by the signed-in member of the compliance team, then
   * redirected (303) to that copy's PDF, which only reads. Every copy is counted: the first is the
   * print; a later one is a reprint, and says so in its title and file name, so a pile printed twice
   * is found before it is posted twice. Counting is a POST with the form's CSRF token, never a GET: a
   * page load, a browser's prefetch or a crawler opening a link makes no reprint. The copy is made
   * (rendered) as it is counted, so a copy that fails to render is not counted; the PDF so made is the
   * one the redirect fetches ({@link PrintedCopies}), not rendered a second time. A letter that may no
   * longer be printed (withdrawn before issue, beyond the limit) refuses the run: 409 naming it.
   */
  @PostMapping(PATH + "/print-runs/{id}/copies")
  ResponseEntity<byte[]> printCopy(@PathVariable String id, HttpServletRequest request) {
    Viewer viewer = keepers.require(request);
    PrintRuns.PrintRun run = run(id);
    List<PenaltyNoticeEntry> notices = runs.notices(run.id()).stream().map(register::get).toList();
    ResponseEntity<byte[]> refused = refused(run, notices);
    if (refused != null) {
      return refused;
    }
    // counted with the copy: a render that fails counts nothing; the bytes made are the ones sent
    int copy;
    try {
      Map.Entry<Integer, byte[]> made = runs.copy(run.id(), viewer.userId(), EngineClock.now().toInstant(),
          number -> Map.entry(number, render(run, notices, number)));
      copy = made.getKey();
      printed.made(run.id(), copy, made.getValue());
    } catch (PrintRuns.BeingPrinted busy) {
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN)
          .body(("Print run " + run.id() + " is being printed by someone else just now: nothing was counted. Try again in a"
              + " moment.").getBytes(StandardCharsets.UTF_8));
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(java.net.URI.create(copyHref(run.id(), copy))).build();
  }

  /**
   * Copy {@code copy} of a print run as one PDF, each letter's pages exactly as its own PDF prints them,
   * in the run's order: dated for the run's day and way of giving, issued by whoever made the run (a
   * letter posted since prints as it was sent), a reprint's title saying which copy it is. Only reads:
   * opening it again, or a browser fetching it ahead, records nothing. Only copies made ("Print the
   * letters") exist; any other is not found. The first fetch of a copy just made sends the PDF its press
   * rendered; a later one renders it again.
   */
  @GetMapping(PATH + "/print-runs/{id}/copies/{copy}.pdf")
  ResponseEntity<byte[]> copyPdf(@PathVariable String id, @PathVariable String copy, HttpServletRequest request) {
    keepers.require(request);
    PrintRuns.PrintRun run = run(id);
    int number;
    try {
      number = Integer.parseInt(copy);
    } catch (NumberFormatException notANumber) {
      throw new PageNotFoundException("copy " + copy + " of print run " + id);
    }
    if (number < 1 || number > run.copies()) {
      throw new PageNotFoundException("copy " + copy + " of print run " + id);
    }
    List<PenaltyNoticeEntry> notices = runs.notices(run.id()).stream().map(register::get).toList();
    ResponseEntity<byte[]> refused = refused(run, notices);
    if (refused != null) {
      return refused;
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("print-run-" + run.id() + (number > 1 ? "-reprint-" + number : "") + ".pdf").build().toString())
        .header(PRINT_RUN_COPY, String.valueOf(number))
        .body(printed.take(run.id(), number).orElseGet(() -> render(run, notices, number)));
  }

  /** The print run of a path's id; "Page not found" when there is none (or the id is not a number). */
  private PrintRuns.PrintRun run(String id) {
    long runId;
    try {
      runId = Long.parseLong(id);
    } catch (NumberFormatException notANumber) {
      throw new PageNotFoundException("print run " + id);
    }
    return runs.find(runId).orElseThrow(() -> new PageNotFoundException("print run " + id));
  }

  /** Why the run's letters may not be printed now (409 in words), or null when they may. */
  private ResponseEntity<byte[]> refused(PrintRuns.PrintRun run, List<PenaltyNoticeEntry> notices) {
    if (run.dispatchOn().isBefore(dates.today())
        && notices.stream().anyMatch(notice -> PenaltyNoticeEntry.PREPARED.equals(notice.status()))) {
      // its letters would state that day's date of issue and deadlines, while marking them given issues them today
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN)
          .body(("Print run " + run.id() + " was dated for " + dates.day(run.dispatchOn())
              + " and its letters have not been posted or handed over: print the page of the print queue again for today, "
              + dates.day(dates.today())).getBytes(StandardCharsets.UTF_8));
    }
    try {
      notices.forEach(printing::requirePrintable);
      properties.authority().requireReadyToIssue();
    } catch (NoticeActionRefused | PaymentDetailsMissing refused) {
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN)
          .body(("Print run " + run.id() + " is not printed: " + refused.getMessage()).getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  private byte[] render(PrintRuns.PrintRun run, List<PenaltyNoticeEntry> notices, int copy) {
    return printing.letters(notices, run.method(), run.dispatchOn(), run.printedBy(), "Print run " + run.id() + ", printed by "
        + run.printedByName() + " at " + dates.moment(run.printedAt()) + (copy > 1 ? ": REPRINT (copy " + copy + ")" : ""));
  }

  /** Where copy {@code copy} of print run {@code id} is read. */
  static String copyHref(long id, int copy) {
    return PATH + "/print-runs/" + id + "/copies/" + copy + ".pdf";
  }

  /** Why a page was not printed while another person's print of the same letters held them. */
  static final String BEING_PRINTED = "These letters are being printed by someone else just now: nothing was printed or"
      + " recorded. Try again in a moment, and the page will say who printed them";

  /** The response header saying which copy of the run a PDF is: 1 the print, 2 and after reprints. */
  static final String PRINT_RUN_COPY = "X-Print-Run-Copy";

  /** The pages the letters to post fill (1 when there are none). */
  private int pages() {
    return Pages.count(rows.countLettersToPost(), RegisterRows.PAGE_SIZE);
  }

  /** The page a form was sent from, from 1: the nearest page that exists now (1 for none or not a number). */
  private int pageFrom(String page) {
    return Pages.shown(page, pages(), "letters", "letters-heading", new ArrayList<>());
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
    int pages = Pages.count(total, RegisterRows.PAGE_SIZE);
    List<RegisterRow> letters = rows.lettersToPost(page - 1);
    String showing = Pages.showing(page, RegisterRows.PAGE_SIZE, letters.size(), total, "letter", "letters");
    Map<String, String> printed = new LinkedHashMap<>();
    runs.latestOf(letters.stream().map(RegisterRow::noticeNumber).toList()).forEach((number, run) -> printed.put(number,
        "Printed by " + run.printedByName() + " at " + dates.moment(run.printedAt()) + " (print run " + run.id() + ")"));
    return new PrintQueuePage(
        "Letters to post", dates.day(dates.today()), letters, heldBack, heldBack.isEmpty() ? 0 : rows.countHeldBack(),
        method == null ? PenaltyNotice.POST : method, METHODS, chosen, errors, done, page, showing,
        Pages.of(page, pages, each -> each > 1 ? PATH + "?page=" + each : PATH), printed, null,
        false);
  }
}
