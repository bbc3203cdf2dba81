package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A manager in Cockpit: the application's name, no vendor banner, the attendance overview. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CockpitDashboardBrowserTest {

  @LocalServerPort int port;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (.ci/install installs them)");
  }

  @Test
  void aManagerSeesTheAttendanceOverviewInCockpit() {
    try (Browser browser = new Browser("http://localhost:" + port)) {
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
      assertThat(browser.driver().findElement(By.cssSelector(".navbar-brand")).getText().replace('\u00a0', ' ').trim())
          .isEqualTo("School Attendance Casework");
    }
  }
}
