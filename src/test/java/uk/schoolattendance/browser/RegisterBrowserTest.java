package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;
import uk.schoolattendance.notices.PenaltyNoticeRegister;

/** The compliance team's register in a real browser: the day's letters are posted, then a parent pays. */
class RegisterBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired PenaltyNoticeRegister register;

  private String prepared(String parentName) {
    String number = numbers.next();
    String upn = CaseFileCases.newUpn();
    java.util.Map<String, Object> inputs = NoticeInputs.inputs("BRW-" + upn, upn, "other");
    inputs.put("parentName", parentName);
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, inputs);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    return number;
  }

  @Test
  void theComplianceTeamPostsTheDaysLettersAndRecordsAPayment() {
    String first = prepared("Ada Postbury");
    String second = prepared("Ben Postbury");
    LocalDate today = LocalDate.ofInstant(uk.schoolattendance.engine.EngineClock.now().toInstant(), ZoneId.of("Europe/London"));
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "compliance", "compliance");
      browser.open("/casework/");
      browser.press(By.linkText("Penalty notices"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Penalty notices']"));
      // the register holds every notice of the classes sharing this Spring context: this one searched for
      browser.type("#q", first);
      browser.press(By.xpath("//button[normalize-space(.)='Show notices']"));
      browser.waitUntil("searched", () -> browser.driver().getCurrentUrl().contains("q=" + first));
      assertThat(browser.driver().findElement(By.id("notices")).getText()).contains(first, "Ada Postbury", "Waiting to be posted");
      browser.screenshot("casefile-register");

      browser.press(By.id("print-queue-link"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Letters to post']"));
      // soonest due first, 100 a page: other classes' letters may come before these two
      browser.onThisOrALaterPage(By.cssSelector("input[name=notice][value='" + first + "']"))
          .orElseThrow(() -> new AssertionError(first + " is on no page of the letters to post"));
      browser.press(By.cssSelector("input[name=notice][value='" + first + "']"));
      browser.press(By.cssSelector("input[name=notice][value='" + second + "']"));
      browser.screenshot("casefile-print-queue");
      browser.press(By.id("mark-given"));
      browser.waitUntil("posted", () -> browser.driver().getPageSource().contains("2 notices marked as posted on"));
      assertThat(browser.driver().getPageSource()).doesNotContain("value=\"" + first + "\"");

      browser.open("/casework/register/" + first);
      browser.visible(By.xpath("//h2[normalize-space(.)='Record a payment']"));
      browser.type("#amount", "80.00");
      browser.type("#paid-day", String.valueOf(today.getDayOfMonth()));
      browser.type("#paid-month", String.valueOf(today.getMonthValue()));
      browser.type("#paid-year", String.valueOf(today.getYear()));
      browser.press(By.cssSelector("input[name=method][value=card]"));
      browser.type("#reference", "CARD-4411");
      browser.press(By.xpath("//button[normalize-space(.)='Record the payment']"));
      browser.waitUntil("paid", () -> browser.driver().getPageSource().contains("The payment has been recorded"));
      assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("Paid");
      browser.screenshot("casefile-register-notice-paid");

      // the census counts the notice issued today, and its tile opens the cases it counts
      browser.press(By.linkText("Figures"));
      browser.visible(By.id("census"));
      assertThat(browser.driver().findElement(By.cssSelector("[data-figure=penaltyNoticesIssued]")).getText())
          .contains("Penalty notices issued");
      browser.screenshot("casefile-figures");
    }
    assertThat(register.get(first).status()).isEqualTo(PenaltyNoticeEntry.PAID);
    assertThat(register.get(second).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
    assertThat(register.get(second).issuedOn()).isEqualTo(today);
  }

  /**
   * "Print all on this page": the compliance team prints the page's letters as one PDF; the page names
   * the print run and, beside each letter, who printed it and when; the PDF holds each letter once.
   */
  @Test
  void theComplianceTeamPrintsAllTheLettersOfAPageAsOnePdf() throws Exception {
    String first = prepared("Cara Printwell");
    String second = prepared("Dan Printwell");
    // a queue nobody has printed yet: other tests in this shared context print runs of their own letters,
    // and a page holding a letter already in a run is refused until "Print them again" (PrintRunTest)
    jdbc.update("delete from pn_print_run_notice");
    jdbc.update("delete from pn_print_run");
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "compliance", "compliance");
      // soonest due first, 100 a page: other classes' letters may come before these two
      browser.onSomePage("/casework/register/print-queue", By.cssSelector("#print-queue-form input[name=onPage][value='" + first + "']"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Letters to post']"));
      java.util.List<String> listed = browser.driver().findElements(By.cssSelector("#print-queue-form input[name=onPage]")).stream()
          .map(input -> input.getAttribute("value")).toList();
      assertThat(listed).contains(first, second);
      assertThat(browser.driver().findElement(By.id("print-page")).getText())
          .isEqualTo("Print all " + listed.size() + " letters on this page as one PDF");
      browser.press(By.id("print-page"));
      browser.waitUntil("print run", () -> browser.driver().getPageSource().contains("print-run-summary"));
      assertThat(text(browser, "print-run-summary")).startsWith("Print run ")
          .contains(listed.size() + " letters for posting", "printed by ");
      assertThat(browser.driver().findElement(By.cssSelector("[data-printed='" + first + "']")).getText()).startsWith("Printed by ");
      browser.screenshot("casefile-print-queue-print-run");

      // loading the page printed nothing: the print is the banner's button, a POST, counted once pressed
      long run = Long.parseLong(text(browser, "print-run-summary").replaceFirst("^Print run (\\d+):.*", "$1"));
      assertThat(copies(run)).isZero();
      assertThat(browser.driver().findElements(By.id("print-run-pdf"))).isEmpty();
      String queue = browser.driver().getCurrentUrl();
      browser.press(By.id("print-run-print"));
      browser.waitUntil("the print counted", () -> copies(run) == 1);
      // the page again (a reload): it offers a reprint and the copy made, and counts nothing
      browser.open(queue.replaceFirst("^https?://[^/]+", ""));
      browser.visible(By.id("print-run-pdf"));
      assertThat(browser.driver().findElement(By.id("print-run-print")).getText()).isEqualTo("Reprint the letters (PDF)");

      // the copy the banner links to, fetched (a GET, as a prefetch would) in this browser's session: it only reads
      String href = browser.driver().findElement(By.id("print-run-pdf")).getAttribute("href");
      assertThat(href).endsWith("/print-runs/" + run + "/copies/1.pdf");
      Object fetched = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
              + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })"
              + ".catch(e => done('failed: ' + e));", href);
      byte[] pdf = java.util.Base64.getDecoder().decode((String) fetched);
      com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
      assertThat(reader.getNumberOfPages()).isEqualTo(listed.size());
      com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        assertThat(extractor.getTextFromPage(page)).contains("Penalty notice " + listed.get(page - 1));
      }
      assertThat(copies(run)).isEqualTo(1);
    }
  }

  /** The copies of print run {@code run} counted so far. */
  private int copies(long run) {
    Integer copies = jdbc.queryForObject("select copies from pn_print_run where run_id = ?", Integer.class, run);
    return copies == null ? 0 : copies;
  }

  @Autowired uk.schoolattendance.notices.PenaltyNoticeActions actions;

  private String external(String upn, String from, String to, String issuedOn, java.math.BigDecimal reduced) {
    return actions.recordExternal(new uk.schoolattendance.notices.ExternalNoticeRequest(
        "head-teacher", "A. Head, Riverside Primary School", null, upn, "Theo Wood", "100001", "BRW-EXT-" + upn, "Alex Wood",
        "4 Quay Street, Southend SS1 9ZZ", null, "holiday", LocalDate.parse(from), LocalDate.parse(to),
        LocalDate.parse(issuedOn), new java.math.BigDecimal("160.00"), reduced, false, null, null)).noticeNumber();
  }

  @Test
  void aThirdNoticeSomeoneElseIssuedShowsAsBeyondTheLimitAndABadFilterIsNamed() {
    String upn = CaseFileCases.newUpn();
    LocalDate today = LocalDate.ofInstant(uk.schoolattendance.engine.EngineClock.now().toInstant(), ZoneId.of("Europe/London"));
    external(upn, today.minusMonths(20).toString(), today.minusMonths(20).plusDays(9).toString(),
        today.minusMonths(20).plusDays(14).toString(), new java.math.BigDecimal("80.00"));
    external(upn, today.minusMonths(6).toString(), today.minusMonths(6).plusDays(9).toString(),
        today.minusMonths(6).plusDays(14).toString(), null);
    String third = external(upn, today.minusMonths(3).toString(), today.minusMonths(3).plusDays(9).toString(),
        today.minusMonths(3).plusDays(14).toString(), null);
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "compliance", "compliance");
      browser.open("/casework/register?status=bogus&page=-1");
      browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("The state filter ‘bogus’ is not a state of a notice", "Page ‘-1’ does not exist");
      browser.screenshot("casefile-register-bad-filter");

      browser.open("/casework/register/" + third);
      browser.visible(By.id("beyond-limit"));
      assertThat(browser.driver().findElement(By.id("details")).getText())
          .contains("3rd in 3 years: beyond the limit of 2").doesNotContain("Reduced amount");
      assertThat(browser.driver().findElement(By.id("beyond-limit")).getText()).contains("no more than 2 penalty notices");
      browser.screenshot("casefile-register-beyond-limit");
    }
  }
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private String text(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).getText();
  }

  @Test
  void thousandsOfNoticesArePagedAndTheFiltersStayFromPageToPage() {
    LocalDate today = LocalDate.ofInstant(uk.schoolattendance.engine.EngineClock.now().toInstant(), ZoneId.of("Europe/London"));
    uk.schoolattendance.notices.BulkNotices bulk =
        uk.schoolattendance.notices.BulkNotices.make(jdbc, "AC-BROWSER-PAGES", 1992, 2345, today);
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "compliance", "compliance");
      browser.open("/casework/register");
      browser.type("#q", "AC-BROWSER-PAGES");
      browser.press(By.xpath("//button[normalize-space(.)='Show notices']"));
      browser.waitUntil("searched", () -> text(browser, "showing").equals("Showing 1 to 100 of 2,345 notices"));
      String firstOfPage1 = browser.driver().findElement(By.cssSelector("#notices tr[data-notice]")).getAttribute("data-notice");
      assertThat(firstOfPage1).isEqualTo(bulk.inRegisterOrder(null).get(0));

      browser.press(By.id("next-page"));
      browser.waitUntil("page 2", () -> text(browser, "showing").equals("Showing 101 to 200 of 2,345 notices"));
      browser.press(By.cssSelector("#pagination a[aria-label='Page 24']"));
      browser.waitUntil("page 24", () -> text(browser, "showing").equals("Showing 2,301 to 2,345 of 2,345 notices"));
      assertThat(browser.driver().findElements(By.id("next-page"))).isEmpty();

      // a state chosen keeps the search; its pages keep both
      new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("state"))).selectByValue("unpaid");
      browser.press(By.xpath("//button[normalize-space(.)='Show notices']"));
      long unpaid = bulk.count("unpaid");
      browser.waitUntil("unpaid", () -> text(browser, "showing")
          .equals("Showing 1 to 100 of " + String.format(java.util.Locale.UK, "%,d", unpaid) + " notices"));
      browser.press(By.id("next-page"));
      browser.waitUntil("unpaid page 2", () -> text(browser, "showing").startsWith("Showing 101 to 200 of"));
      assertThat(browser.driver().getCurrentUrl()).contains("state=unpaid", "q=AC-BROWSER-PAGES", "page=2");
      assertThat(browser.driver().findElement(By.id("q")).getAttribute("value")).isEqualTo("AC-BROWSER-PAGES");
      assertThat(browser.driver().findElements(By.cssSelector("#notices tr[data-notice]")).stream()
          .map(row -> row.getAttribute("data-notice")).toList())
          .containsExactlyElementsOf(bulk.inRegisterOrder("unpaid").subList(100, 200));
      browser.screenshot("casefile-register-pages");

      // a page that does not exist is named
      browser.open("/casework/register?q=AC-BROWSER-PAGES&page=99");
      browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Page ‘99’ does not exist: these notices fill pages 1 to 24 (page 24 is shown below)");
    } finally {
      bulk.delete();
    }
  }

  @Test
  void theComplianceTeamRecordsThatTheIssuerWithdrewItsNotice() {
    String upn = CaseFileCases.newUpn();
    LocalDate today = LocalDate.ofInstant(uk.schoolattendance.engine.EngineClock.now().toInstant(), ZoneId.of("Europe/London"));
    String first = external(upn, today.minusMonths(6).toString(), today.minusMonths(6).plusDays(9).toString(),
        today.minusMonths(6).plusDays(14).toString(), new java.math.BigDecimal("80.00"));
    String second = external(upn, today.minusMonths(3).toString(), today.minusMonths(3).plusDays(9).toString(),
        today.minusMonths(3).plusDays(14).toString(), null);
    LocalDate withdrawnOn = today.minusDays(1);
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "compliance", "compliance");
      browser.open("/casework/register/" + first);
      browser.visible(By.xpath("//h2[normalize-space(.)='Record the issuer’s withdrawal']"));
      browser.type("#withdrawn-day", String.valueOf(withdrawnOn.getDayOfMonth()));
      browser.type("#withdrawn-month", String.valueOf(withdrawnOn.getMonthValue()));
      browser.type("#withdrawn-year", String.valueOf(withdrawnOn.getYear()));
      browser.press(By.cssSelector("#issuer-withdrawal-form input[name=ground][value=wrong-recipient]"));
      browser.type("#withdrawal-reported-by", "A. Head, Riverside Primary School");
      browser.press(By.xpath("//button[normalize-space(.)='Record the withdrawal']"));
      browser.waitUntil("withdrawn", () -> browser.driver().getPageSource().contains("The issuer's withdrawal has been recorded"));
      assertThat(text(browser, "state")).isEqualTo("Withdrawn by its issuer");
      assertThat(text(browser, "details")).contains("Issued to the wrong person. Withdrawn by its issuer; reported by A. Head");
      browser.screenshot("casefile-register-issuer-withdrawal");
    }
    assertThat(register.get(first).status()).isEqualTo(PenaltyNoticeEntry.WITHDRAWN);
    assertThat(register.get(second).sequence()).isEqualTo(1);
  }
}
