package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** People in a real browser: the roles of the contract doing their part in Tasklist and Cockpit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistBrowserTest {

  @LocalServerPort int port;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (.ci/install installs them)");
  }

  private Browser browser() {
    return new Browser("http://localhost:" + port);
  }

  @Test
  void aSchoolUserLogsInToTasklist() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school1", "school1");
      browser.visible(By.cssSelector(".tasks-list, [cam-tasks], .task-filters"));
      browser.screenshot("tasklist-school1");
      assertThat(browser.driver().getPageSource()).contains("Sam");
    }
  }
}
