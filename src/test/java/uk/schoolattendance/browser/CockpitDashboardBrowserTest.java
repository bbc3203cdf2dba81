package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
    }
  }
}
