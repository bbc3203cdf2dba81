package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;
import uk.schoolattendance.notices.PenaltyNoticeRegister;

/**
 * "Print all on this page": the letters a page of the print queue lists, printed as one PDF, each
 * letter on its own pages exactly as its own PDF, recorded as a print run (who, when, which notices)
 * that the queue shows beside each letter; a second copy of a run says it is a reprint, and a page
 * printed again is asked about first. A notice withdrawn before it was issued has no letter as sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PrintRunTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final LocalDate POSTING_DAY = LocalDate.of(2026, 11, 2);
  private static final String QUEUE = "/casework/register/print-queue";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired PenaltyNoticeRegister register;
  @Autowired IdentityService identityService;
  @Autowired PrintRuns runs;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @BeforeEach
  void postingDay() {
    ClockUtil.setCurrentTime(Date.from(POSTING_DAY.atTime(10, 5).atZone(LONDON).toInstant()));
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user, user);
    return person;
  }

  /** A notice the process has prepared: it waits in the print queue. */
  private String prepared() {
    String number = numbers.next();
    String upn = CaseFileCases.newUpn();
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, NoticeInputs.inputs("PRN-" + upn, upn, "other"));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    return number;
  }

  private String nameOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return (user.getFirstName() + " " + user.getLastName()).trim();
  }

  /** The page's letters, in the order it lists them, that are among {@code mine}. */
  private static List<String> mineInPageOrder(CaseFileClient.Page page, List<String> mine) {
    return page.html().select("#print-queue-form input[name=onPage]").eachAttr("value").stream().filter(mine::contains).toList();
  }

  private CaseFileClient.Page printPage(CaseFileClient person, CaseFileClient.Page page, List<String> onPage, String... more) {
    List<String[]> pairs = new ArrayList<>();
    pairs.add(new String[] {"_csrf", page.html().select("#print-queue-form input[name=_csrf]").val()});
    onPage.forEach(number -> pairs.add(new String[] {"onPage", number}));
    pairs.add(new String[] {"method", "post"});
    pairs.add(new String[] {"page", "1"});
    for (int i = 0; i < more.length; i += 2) {
      pairs.add(new String[] {more[i], more[i + 1]});
    }
    return person.postPairs(page.html().select("#print-page").attr("formaction"), pairs);
  }

  /** "Print the letters" under print run {@code id}'s banner: the form's POST, with the page's CSRF token. */
  private static CaseFileClient.Page press(CaseFileClient person, String id) {
    return person.post(person.get(QUEUE + "?run=" + id), "#print-run-form", java.util.Map.of());
  }

  /** Where a redirect sends the browser, as a path. */
  private static String path(String location) {
    return location.replaceFirst("^https?://[^/]+", "");
  }

  private static HttpResponse<byte[]> download(CaseFileClient person, String path) {
    return person.raw(HttpRequest.newBuilder(URI.create(person.base() + path)).GET());
  }

  private static String text(PdfReader reader, int page) throws Exception {
    return new PdfTextExtractor(reader).getTextFromPage(page).replaceAll("\\s+", " ");
  }

  @Test
  void aPageOfLettersPrintsAsOnePdfEachLetterOnItsOwnPagesAsItsOwnPdfInTheQueuesOrder() throws Exception {
    List<String> mine = List.of(prepared(), prepared(), prepared());
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page queue = compliance.get(QUEUE);
    assertThat(queue.html().select("#print-page").text()).startsWith("Print all").endsWith("letters on this page as one PDF");
    List<String> order = mineInPageOrder(queue, mine);
    assertThat(order).containsExactlyInAnyOrderElementsOf(mine);

    CaseFileClient.Page made = printPage(compliance, queue, order);
    assertThat(made.status()).as(made.html().select(".govuk-error-summary").text()).isEqualTo(302);
    CaseFileClient.Page shown = compliance.get(made.location().replaceFirst("^https?://[^/]+", ""));
    String printedBy = nameOf("compliance");
    assertThat(shown.html().select("#print-run-summary").text())
        .matches("Print run \\d+: 3 letters for posting on 2 November 2026, printed by " + printedBy
            + " at 10:05am on 2 November 2026\\.");
    for (String number : mine) {
      assertThat(shown.html().select("[data-printed=" + number + "]").text())
          .startsWith("Printed by " + printedBy + " at 10:05am on 2 November 2026 (print run ");
    }
    String id = made.location().replaceFirst(".*run=(\\d+).*", "$1");
    assertThat(shown.html().select("#print-run-print").text()).isEqualTo("Print the letters (PDF)");
    // nothing is printed until the button is pressed: the page has no copy to open
    assertThat(shown.html().select("#print-run-pdf")).isEmpty();
    assertThat(runs.find(Long.parseLong(id))).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(0);

    // "Print the letters": a POST counts the print, then sends the browser to that copy's PDF (303)
    CaseFileClient.Page pressed = press(compliance, id);
    assertThat(pressed.status()).as(pressed.body()).isEqualTo(303);
    String pdfPath = path(pressed.location());
    assertThat(pdfPath).isEqualTo(QUEUE + "/print-runs/" + id + "/copies/1.pdf");
    HttpResponse<byte[]> first = download(compliance, pdfPath);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    assertThat(first.headers().firstValue(PrintQueueController.PRINT_RUN_COPY)).hasValue("1");
    PdfReader run = new PdfReader(first.body());
    assertThat(run.getInfo().get("Title")).doesNotContain("REPRINT");
    // one page a letter (each letter is one page), in the queue's order, each notice number on its own page only
    assertThat(run.getNumberOfPages()).isEqualTo(3);
    for (int page = 1; page <= 3; page++) {
      String expected = order.get(page - 1);
      String onPage = text(run, page);
      assertThat(onPage).contains("Penalty notice " + expected);
      for (String other : mine) {
        if (!other.equals(expected)) {
          assertThat(onPage).doesNotContain(other);
        }
      }
      // the same letter as its own PDF, printed by the same officer for the same day and way: page for page
      HttpResponse<byte[]> own = download(compliance, "/api/penalty-notices/" + expected + "/letter?deliveryMethod=post");
      PdfReader alone = new PdfReader(own.body());
      assertThat(alone.getNumberOfPages()).isEqualTo(1);
      assertThat(onPage).isEqualTo(text(alone, 1));
      assertThat(run.getPageContent(page)).isEqualTo(alone.getPageContent(1));
    }

    // opening it again, as a reload, a browser's prefetch or a crawler would, reads: no reprint is counted
    HttpResponse<byte[]> reopened = download(compliance, pdfPath);
    assertThat(reopened.statusCode()).isEqualTo(200);
    assertThat(reopened.headers().firstValue(PrintQueueController.PRINT_RUN_COPY)).hasValue("1");
    assertThat(new PdfReader(reopened.body()).getInfo().get("Title")).doesNotContain("REPRINT");
    CaseFileClient.Page reloaded = compliance.get(QUEUE + "?run=" + id);
    assertThat(reloaded.html().select("#print-run-print").text()).isEqualTo("Reprint the letters (PDF)");
    assertThat(reloaded.html().select("#print-run-pdf").attr("href")).isEqualTo(pdfPath);
    // a copy not yet made is not there to fetch, and fetching it makes none
    assertThat(download(compliance, QUEUE + "/print-runs/" + id + "/copies/2.pdf").statusCode()).isEqualTo(404);
    assertThat(download(compliance, QUEUE + "/print-runs/" + id + "/copies.pdf").statusCode()).isEqualTo(404);
    assertThat(runs.find(Long.parseLong(id))).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(1);
    // and the button is a POST that needs the page's CSRF token: without it nothing is counted
    assertThat(compliance.postForm(QUEUE + "/print-runs/" + id + "/copies", java.util.Map.of()).status()).isEqualTo(403);
    assertThat(runs.find(Long.parseLong(id))).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(1);

    // the second copy of the same run, pressed again, is a reprint and says so
    CaseFileClient.Page pressedAgain = press(compliance, id);
    assertThat(pressedAgain.status()).isEqualTo(303);
    assertThat(path(pressedAgain.location())).isEqualTo(QUEUE + "/print-runs/" + id + "/copies/2.pdf");
    HttpResponse<byte[]> second = download(compliance, path(pressedAgain.location()));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue(PrintQueueController.PRINT_RUN_COPY)).hasValue("2");
    assertThat(second.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("reprint-2"));
    assertThat(new PdfReader(second.body()).getInfo().get("Title")).contains("REPRINT (copy 2)");
    assertThat(new PdfReader(second.body()).getNumberOfPages()).isEqualTo(3);

    // printing the page again is not done by accident: each letter printed before is named, nothing recorded
    CaseFileClient.Page again = compliance.get(QUEUE);
    CaseFileClient.Page refused = printPage(compliance, again, order);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.html().select(".govuk-error-summary li").eachText())
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).contains("was already printed by " + printedBy + " at 10:05am on 2 November 2026"));
    assertThat(refused.html().select("#print-again").text()).isEqualTo("Print them again");
    CaseFileClient.Page reprinted = printPage(compliance, again, order, "again", "yes");
    assertThat(reprinted.status()).isEqualTo(302);
    assertThat(reprinted.location()).doesNotContain(made.location().replaceFirst(".*run=", "run="));
  }

  @Test
  void onlyThoseWhoMayPrintTheQueueFindAPrintRun() {
    List<String> mine = List.of(prepared());
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page queue = compliance.get(QUEUE);
    CaseFileClient.Page made = printPage(compliance, queue, mineInPageOrder(queue, mine));
    assertThat(made.status()).isEqualTo(302);
    String id = made.location().replaceFirst(".*run=(\\d+).*", "$1");
    assertThat(press(compliance, id).status()).isEqualTo(303);
    for (String user : new String[] {"officer", "senior", "manager", "school1"}) {
      assertThat(download(signedIn(user), QUEUE + "/print-runs/" + id + "/copies/1.pdf").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(download(compliance, QUEUE + "/print-runs/999999999/copies/1.pdf").statusCode()).isEqualTo(404);
    // a page with no letters listed, or no way of giving, prints nothing
    CaseFileClient.Page none = printPage(compliance, queue, List.of());
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.html().select(".govuk-error-summary li").eachText()).contains("There were no letters on the page to print");
  }

  /**
   * Review note: a notice withdrawn before it was issued printed a letter "as sent" with no date of
   * issue. It was never sent: there is no copy as sent; the register says "Withdrawn before issue",
   * the notice's page offers no letter, and a print run holding it is refused naming it.
   */
  @Test
  void aNoticeWithdrawnBeforeItWasIssuedHasNoLetterAsSentAndTheRegisterSaysSo() {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page queue = compliance.get(QUEUE);
    CaseFileClient.Page made = printPage(compliance, queue, mineInPageOrder(queue, List.of(number)));
    String id = made.location().replaceFirst(".*run=(\\d+).*", "$1");
    CaseFileClient.Page page = compliance.get("/casework/register/" + number);
    assertThat(page.html().select("a:contains(The notice (PDF))")).hasSize(1);
    CaseFileClient.Page withdrawn = compliance.post(page, "#withdrawal-form",
        java.util.Map.of("ground", "wrong-recipient", "withdrawal-reason", "Prepared for the wrong parent"));
    assertThat(withdrawn.status()).isEqualTo(302);
    assertThat(register.get(number).issuedOn()).isNull();

    HttpResponse<byte[]> letter = download(compliance, "/api/penalty-notices/" + number + "/letter");
    assertThat(letter.statusCode()).isEqualTo(409);
    String problem = new String(letter.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(problem).contains("Withdrawn before issue").contains("withdrawn on 2 November 2026 before it was issued")
        .contains("no copy as sent");
    assertThat(register.asSent(number)).isEmpty();

    CaseFileClient.Page after = compliance.get("/casework/register/" + number);
    assertThat(after.html().select("a:contains(The notice (PDF))")).isEmpty();
    assertThat(after.text()).contains("Withdrawn before issue");
    assertThat(compliance.get("/casework/register?q=" + number).html().select("tr[data-notice=" + number + "]").text())
        .contains("Withdrawn before issue");

    CaseFileClient.Page run = press(compliance, id);
    assertThat(run.status()).isEqualTo(409);
    assertThat(run.body())
        .contains("Print run " + id + " is not printed", number, "withdrawn on 2 November 2026 before it was issued");
  }

  /**
   * Review s13 M4: a run recorded on one day and opened the next printed the letters with the first
   * day's date of issue and deadlines, while marking them given issues them on the day they are marked.
   */
  @Test
  void aRunOpenedOnALaterDayWhileItsLettersWaitIsRefusedNamingItsDay() {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page queue = compliance.get(QUEUE);
    CaseFileClient.Page made = printPage(compliance, queue, mineInPageOrder(queue, List.of(number)));
    String id = made.location().replaceFirst(".*run=(\\d+).*", "$1");
    ClockUtil.setCurrentTime(Date.from(POSTING_DAY.plusDays(1).atTime(9, 0).atZone(LONDON).toInstant()));
    CaseFileClient.Page late = press(compliance, id);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body())
        .contains("Print run " + id + " was dated for 2 November 2026", "print the page of the print queue again for today, 3 November 2026");
    assertThat(runs.find(Long.parseLong(id))).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(0);
  }

  /** Review s13 S3: a page lists at most a page's letters; more is refused naming the letters, nothing recorded. */
  @Test
  void moreLettersThanAPageHoldsAreRefused() {
    prepared(); // the queue shows its print button
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page queue = compliance.get(QUEUE);
    List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, RegisterRows.PAGE_SIZE + 1)
        .mapToObj(i -> String.format("PN-2099-%06d", i)).toList();
    CaseFileClient.Page refused = printPage(compliance, queue, tooMany);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary li").eachText())
        .contains("A print run is one page of the queue: at most " + RegisterRows.PAGE_SIZE + " letters, not " + (RegisterRows.PAGE_SIZE + 1));
  }

  /** Review s13 S4: a copy whose PDF fails to render is not counted, so the next print is not called a reprint. */
  @Test
  void aCopyThatFailsToRenderIsNotCounted() {
    String number = prepared();
    long id = runs.record("compliance", "Compliance", POSTING_DAY.atTime(10, 5).atZone(LONDON).toInstant(), "post", POSTING_DAY,
        List.of(number), false);
    try {
      runs.copy(id, "compliance", java.time.Instant.now(), copy -> {
        throw new IllegalStateException("the PDF could not be made");
      });
    } catch (IllegalStateException expected) {
      // the render failed
    }
    assertThat(runs.find(id)).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(0);
    int next = runs.copy(id, "compliance", java.time.Instant.now(), copy -> copy);
    assertThat(next).isEqualTo(1);
  }

  /**
   * Review s13 S5: two people printing the same page at once made two runs (the "already printed"
   * check and the record were separate steps). Now the second waits for the first and is told.
   */
  @Test
  void twoRunsOfTheSameLettersAtOnceMakeOne() throws Exception {
    String number = prepared();
    java.time.Instant at = POSTING_DAY.atTime(10, 5).atZone(LONDON).toInstant();
    java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
    var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> transaction.execute(status -> {
        long id = runs.record("compliance", "Compliance", at, "post", POSTING_DAY, List.of(number), false);
        recorded.countDown();
        try {
          commit.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return id;
      }));
      recorded.await();
      var second = pool.submit(() -> runs.record("admin", "Admin", at, "post", POSTING_DAY, List.of(number), false));
      // the second may not record while the first is open: it waits on the notice's row (or finishes refused)
      try {
        second.get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException waitingOrRefused) {
        // expected
      }
      commit.countDown();
      first.get();
      assertThat(org.assertj.core.api.Assertions.catchThrowable(second::get))
          .hasCauseInstanceOf(PrintRuns.AlreadyPrinted.class);
      assertThat(runs.latestOf(List.of(number))).hasSize(1);
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
  }

  /**
   * Review s14: on H2 (the default) the second of two people printing the same letters at once waited
   * for the first's row lock until H2 gave up (2 s) and was shown an error page (500). Now the second
   * is told they are being printed just now and to try again (409), and nothing of theirs is recorded:
   * for "Print all on this page" (the notices' rows) and for "Print the letters" of one run (the run's row).
   */
  @Test
  void theSecondOfTwoPrintsAtOnceIsToldTheLettersAreBeingPrintedNotAnError() throws Exception {
    String number = prepared();
    CaseFileClient compliance = signedIn("compliance");
    CaseFileClient.Page queue = compliance.get(QUEUE);
    java.time.Instant at = POSTING_DAY.atTime(10, 5).atZone(LONDON).toInstant();
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      // another person's "Print all" of the same letter, still being recorded, holds the notice's row
      var first = pool.submit(() -> transaction.execute(status -> {
        long id = runs.record("admin", "Admin", at, "post", POSTING_DAY, List.of(number), false);
        holding.countDown();
        awaitQuietly(release);
        return id;
      }));
      assertThat(holding.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the other print holds the row").isTrue();
      CaseFileClient.Page loser = printPage(compliance, queue, List.of(number));
      release.countDown();
      assertThat(loser.status()).as(loser.body()).isEqualTo(409);
      assertThat(loser.html().select(".govuk-error-summary li").eachText())
          .containsExactly(PrintQueueController.BEING_PRINTED);
      long id = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
      // one run, the other person's
      assertThat(runs.latestOf(List.of(number))).extractingByKey(number).extracting(PrintRuns.PrintRun::id).isEqualTo(id);

      // "Print the letters" of the run while another copy of it is being made: told so, nothing counted
      java.util.concurrent.CountDownLatch copying = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      var other = pool.submit(() -> runs.copy(id, "admin", at, copy -> {
        copying.countDown();
        awaitQuietly(done);
        return copy;
      }));
      assertThat(copying.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the other copy is being made").isTrue();
      CaseFileClient.Page pressed = press(compliance, String.valueOf(id));
      done.countDown();
      assertThat(pressed.status()).as(pressed.body()).isEqualTo(409);
      assertThat(pressed.body()).isEqualTo("Print run " + id
          + " is being printed by someone else just now: nothing was counted. Try again in a moment.");
      assertThat(other.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(runs.find(id)).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(1);
      // once it is done, the same press makes the next copy
      assertThat(path(press(compliance, String.valueOf(id)).location())).endsWith("/copies/2.pdf");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
