package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A manager in Cockpit: the application's name, no vendor banner, the attendance overview. */
class CockpitDashboardBrowserTest extends BrowserTestSupport {

  @Test
  void aManagerSeesTheAttendanceOverviewInCockpit() {
    try (Browser browser = browser()) {
      browser.logInTo("cockpit", "manager", "manager");
      try {
        browser.visible(By.cssSelector(".attendance-dashboard"));
      } finally {
        browser.screenshot("cockpit-dashboard-manager");
      }
      String page = browser.driver().getPageSource();
      assertThat(page).contains("Open cases").contains("Caseload by level").contains("Reviews overdue");
      assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
          .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
      assertThat(browser.driver().findElement(By.cssSelector(".navbar-brand")).getText().trim())
          .isEqualTo("School Attendance Casework");
      assertThat(browser.driver().getTitle()).startsWith("School Attendance Casework");

      // walk 14, defect 13 and its product question: each tile opens the case file's list of the cases it
      // counts, and the manager, who watches the service, sees the cases that did not follow their pupil
      assertThat(tileLink(browser, "Open cases")).endsWith("/casework/figures/cases?measure=open");
      assertThat(tileLink(browser, "Reviews overdue")).endsWith("/casework/figures/cases?measure=reviews-overdue");
      assertThat(browser.driver().findElements(By.cssSelector(".attendance-dashboard table a")).stream()
          .map(link -> link.getDomAttribute("href")).toList()).contains("/casework/figures/cases?measure=level-1");
      assertThat(tileLink(browser, "Cases that did not follow their pupil")).endsWith("/casework/failed-moves");
      // every tile opens what it counts, or says it is a count only
      assertThat(tileLink(browser, "Reviews due this week")).endsWith("/casework/figures/cases?measure=reviews-due-this-week");
      assertThat(tileLink(browser, "Notices to Improve ending this week"))
          .endsWith("/casework/figures/cases?measure=notices-to-improve-ending-this-week");
      assertThat(tileLink(browser, "Tasks overdue")).contains("/camunda/app/tasklist/default/#/?filter=");
      WebElement notices = browser.driver().findElement(By.xpath(TILE.formatted("Penalty notices awaiting payment or a decision")));
      assertThat(notices.getText()).contains("Count only");
      assertThat(notices.findElements(By.tagName("a"))).isEmpty();
      browser.press(By.xpath(TILE.formatted("Open cases") + "//a"));
      browser.waitUntil("open-cases-list", () -> browser.driver().getCurrentUrl().endsWith("/casework/figures/cases?measure=open"));
      assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Open cases");
    }
  }

  /**
   * Walk 14, defect 13: the data team may open Cockpit (identification runs) but read no attendance case; its
   * tiles read "OPEN CASES 0" while cases were open. They say the cases are not shown to its role instead.
   */
  @Test
  void theDataTeamsTilesSayTheCasesAreNotShownNotZero() {
    try (Browser browser = browser()) {
      browser.logInTo("cockpit", "datateam", "datateam");
      browser.visible(By.cssSelector(".attendance-dashboard"));
      browser.screenshot("cockpit-dashboard-datateam");
      WebElement open = browser.driver().findElement(By.xpath(TILE.formatted("Open cases")));
      assertThat(open.getText()).contains("Not shown: your role does not include reading attendance cases");
      assertThat(open.findElements(By.cssSelector(".figure"))).isEmpty();
      assertThat(browser.driver().findElement(By.xpath(TILE.formatted("Caseload by level"))).getText())
          .doesNotContain("Level 1").contains("Not shown");
      // it does watch the moves of cases between schools
      assertThat(tileLink(browser, "Cases that did not follow their pupil")).endsWith("/casework/failed-moves");
    }
  }

  private static final String TILE = "//div[contains(@class, 'attendance-dashboard')]/section[h4[normalize-space(.)='%s']]";

  private static String tileLink(Browser browser, String title) {
    return browser.driver().findElement(By.xpath(TILE.formatted(title) + "//a")).getDomAttribute("href");
  }
}
