package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.TestClock;

/**
 * The register's import in Chromium: the data team signs in, chooses a CSV file of good and bad
 * rows on "Import register marks", and lands on the import's page with the good rows counted and
 * each bad row named; a school's row of another school is rejected naming the URN.
 */
class RegisterImportBrowserTest extends BrowserTestSupport {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final String HEADER = "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup\n";

  @TempDir Path files;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }

  @AfterEach
  void realTime() {
    TestClock.reset();
  }

  private static void signIn(Browser browser, String user) {
    browser.open("/casework/");
    browser.visible(By.xpath("//h1[normalize-space(.)='Sign in']"));
    browser.type("#username", user);
    browser.type("#password", user);
    browser.press(By.xpath("//button[normalize-space(.)='Sign in']"));
    browser.waitUntil("signed-in-" + user, () -> browser.driver().getCurrentUrl().endsWith("/casework/"));
  }

  /** Chooses the file and imports it, then waits for the import's own page. */
  private Path upload(Browser browser, String name, String text) throws IOException {
    Path file = Files.writeString(files.resolve(name), text, StandardCharsets.UTF_8);
    browser.press(By.linkText("Register imports"));
    browser.visible(By.xpath("//h1[normalize-space(.)='Import register marks']"));
    browser.visible(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
    browser.press(By.id("import-button"));
    browser.waitUntil("import-page", () -> browser.driver().getCurrentUrl().matches(".*/casework/imports/\\d+"));
    return file;
  }

  private static List<String> rejections(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#rejections tbody tr")).stream().map(WebElement::getText).toList();
  }

  private static String count(Browser browser, String which) {
    return browser.driver().findElement(By.cssSelector("[data-count=" + which + "] dd")).getText();
  }

  @Test
  void theDataTeamUploadsACsvAndSeesTheGoodRowsAcceptedAndEachBadRowNamed() throws IOException {
    String amara = Upns.valid("700960000001");
    String ben = Upns.valid("700960000002");
    try (Browser browser = browser()) {
      signIn(browser, "datateam");
      upload(browser, "riverside-week.csv", HEADER
          + amara + ",100001,2026-11-16,AM,/,Amara,Okafor,2016-03-14,5\n"
          + amara + ",100001,2026-11-16,PM,\\\n"
          + ben + ",100001,2026-11-16,AM,Q9,Ben,Adeyemi,2016-07-02,5\n"
          + "A123,100001,2026-11-16,AM,/,Cal,Short,2016-01-01,5\n"
          + amara + ",100001,2026-11-22,AM,/\n");
      assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("Imported");
      assertThat(count(browser, "read")).isEqualTo("5");
      assertThat(count(browser, "accepted")).isEqualTo("2");
      assertThat(count(browser, "rejected")).isEqualTo("3");
      assertThat(rejections(browser)).hasSize(3)
          .anySatisfy(row -> assertThat(row).startsWith("Row 4 code").contains("Q9"))
          .anySatisfy(row -> assertThat(row).startsWith("Row 5 upn").contains("A123"))
          .anySatisfy(row -> assertThat(row).startsWith("Row 6 date").contains("not a school day"));
      browser.screenshot("casefile-register-import");

      browser.press(By.linkText("Import register marks"));
      browser.visible(By.id("latest"));
      assertThat(browser.driver().findElement(By.cssSelector("#latest tbody tr")).getText()).contains("CSV", "Imported");
      browser.screenshot("casefile-register-imports");
    }
  }

  @Test
  void aSchoolsRowOfAnotherSchoolIsRejectedNamingTheUrn() throws IOException {
    String dara = Upns.valid("700960000011");
    String eve = Upns.valid("700960000012");
    try (Browser browser = browser()) {
      signIn(browser, "school1");
      upload(browser, "riverside.csv", HEADER
          + dara + ",100001,2026-11-17,AM,/,Dara,Nwosu,2016-02-11,5\n"
          + eve + ",100002,2026-11-17,AM,/,Eve,Hart,2016-04-21,5\n");
      assertThat(count(browser, "accepted")).isEqualTo("1");
      assertThat(rejections(browser)).singleElement()
          .satisfies(row -> assertThat(row).startsWith("Row 3 urn").contains("100002"));
    }
  }

  @Test
  void theDataTeamSaysWhichOfAPupilsTwoMainRegistrationsIsReal() throws IOException {
    String fay = Upns.valid("700960000021");
    try (Browser browser = browser()) {
      signIn(browser, "datateam");
      upload(browser, "riverside-fay.csv", HEADER + fay + ",100001,2026-11-18,AM,/,Fay,Twice,2016-06-12,5\n"
          + fay + ",100001,2026-11-19,AM,O\n");
      upload(browser, "hillcrest-fay.csv", HEADER + fay + ",100002,2026-11-23,AM,/\n");
      // as the register held such a pupil before imports refused a second main registration
      jdbc.update("UPDATE att_enrolment SET to_date = NULL WHERE pupil_id = (SELECT pupil_id FROM att_pupil WHERE upn = ?)", fay);

      browser.press(By.linkText("Register imports"));
      browser.press(By.id("registrations-link"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Pupils with two main registrations']"));
      assertThat(browser.driver().findElement(By.cssSelector("#doubled tr[data-upn='" + fay + "']")).getText())
          .contains("Fay Twice", "Riverside Primary School", "Hillcrest Academy");
      browser.screenshot("casefile-two-main-registrations");
      browser.press(By.cssSelector("#doubled tr[data-upn='" + fay + "'] a"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Which main registration is real?']"));

      // Hillcrest is real, but a leaving date before Riverside's last mark is refused naming the field
      browser.press(By.id("keep-100002"));
      browser.type("#leavingDate-day", "18");
      browser.type("#leavingDate-month", "11");
      browser.type("#leavingDate-year", "2026");
      browser.type("#reason", "Hillcrest sent Fay's admission form");
      browser.press(By.id("record"));
      browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(browser.driver().findElement(By.id("leavingDate-error")).getText())
          .contains("on or after the last mark", "19 November 2026");

      browser.type("#leavingDate-day", "19");
      browser.press(By.id("record"));
      browser.visible(By.id("done"));
      assertThat(browser.driver().findElement(By.id("done")).getText()).contains("Pupil " + fay + " has one main registration now");
      assertThat(browser.driver().findElements(By.cssSelector("#doubled tr[data-upn='" + fay + "']"))).isEmpty();
      // the repair is kept: who, the leaving date and the reason typed (kept on the page through the refusal)
      assertThat(browser.driver().findElement(By.cssSelector("#repairs tr[data-upn='" + fay + "']")).getText())
          .contains("by datateam", "left 19 November 2026", "Hillcrest sent Fay's admission form");
    }
    assertThat(jdbc.queryForObject("SELECT school_urn FROM att_pupil WHERE upn = ?", Integer.class, fay)).isEqualTo(100002);
  }

  @Test
  void aFileWhoseEveryRowIsRejectedSaysNothingWasImportedAndTheFilesNameShows() throws IOException {
    String fay = Upns.valid("700960000021");
    try (Browser browser = browser()) {
      signIn(browser, "datateam");
      String text = HEADER
          + fay + ",100001,2026-11-16,AM,Q9,Fay,Lund,2016-02-11,5\n"
          + fay + ",100001,2026-12-02,PM,/\n";
      upload(browser, "day1.csv", text);
      String size = text.getBytes(StandardCharsets.UTF_8).length + " bytes";
      assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("Nothing imported");
      assertThat(browser.driver().findElement(By.id("state")).getAttribute("class")).doesNotContain("govuk-tag--green");
      assertThat(browser.driver().findElement(By.id("status")).getText())
          .contains("Nothing was imported: every row of the file was rejected").doesNotContain("good rows");
      assertThat(browser.driver().findElement(By.id("file-name")).getText()).isEqualTo("day1.csv (" + size + ")");
      assertThat(rejections(browser)).anySatisfy(row -> assertThat(row).startsWith("Row 3 date")
          .contains("2 December 2026 is in the future"));

      browser.press(By.linkText("Import register marks"));
      browser.visible(By.id("latest"));
      assertThat(browser.driver().findElement(By.cssSelector("#latest tbody tr")).getText())
          .contains("day1.csv (" + size + ")", "Nothing imported");
    }
  }

  @Test
  void theCsvLayoutsScrollingExampleIsReachedAndScrolledByKeyboard() {
    try (Browser browser = browser()) {
      signIn(browser, "datateam");
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      browser.open("/casework/imports/csv-layout");
      WebElement example = browser.visible(By.id("example"));
      var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
      assertThat((Boolean) js.executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth;", example))
          .as("the example scrolls sideways at 390 px").isTrue();
      // a keyboard user tabs to it (axe: scrollable-region-focusable) and hears what it is
      boolean reached = false;
      for (int i = 0; i < 60 && !reached; i++) {
        browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        reached = "example".equals(browser.driver().switchTo().activeElement().getAttribute("id"));
      }
      assertThat(reached).as("Tab reaches the example").isTrue();
      assertThat(example.getAttribute("aria-label")).isNotBlank();
      browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT,
          org.openqa.selenium.Keys.ARROW_RIGHT, org.openqa.selenium.Keys.ARROW_RIGHT);
      browser.waitUntil("example-scrolled",
          () -> ((Number) js.executeScript("return arguments[0].scrollLeft;", example)).doubleValue() > 0);
    }
  }
}
