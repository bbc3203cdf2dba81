package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** People in a real browser: the roles of the contract doing their part in Tasklist and Cockpit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (.ci/install installs them)");
  }

  private Browser browser() {
    return new Browser("http://localhost:" + port);
  }

  @Test
  void aSchoolUserStartsACaseWithTheStartForm() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.clickable(By.xpath("//a[contains(., 'Start process')]")).click();
      browser.clickable(By.xpath("//a[contains(., 'Attendance case')]")).click();
      browser.type("input[id$='Field_PupilUpn']", Upns.valid("801200001001"));
      browser.type("input[id$='Field_PupilName']", "Jamie Browser");
      browser.type("input[id$='Field_SchoolUrn']", "100002");
      browser.clickable(By.cssSelector("input[id$='Field_Route-0']")).click();
      browser.type("input[id$='Field_AttendancePercent']", "84.5");
      browser.type("input[id$='Field_UnauthorisedSessions']", "6");
      browser.type("input[id$='Field_ParentName_0']", "Alex Browser");
      browser.type("textarea[id$='Field_ParentAddress_0']", "1 High Street, Hilltown, HT1 1AA");
      browser.screenshot("start-form-filled");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waiting().until(d -> caseCount("Jamie Browser") == 1);
      browser.screenshot("start-form-started");
    }
    assertThat(caseCount("Jamie Browser")).isEqualTo(1);
  }

  private long caseCount(String pupilName) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilName", pupilName)
        .count();
  }
}
