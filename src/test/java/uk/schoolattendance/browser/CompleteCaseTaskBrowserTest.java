package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An officer holds the attendance meeting in Tasklist: the form shows the case and its history,
 * takes the target and a review date (submitted by Tasklist as an ISO string) and completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CompleteCaseTaskBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (.ci/install installs them)");
  }

  @Test
  void anOfficerHoldsTheAttendanceMeetingWithTheForm() {
    String instance = runtimeService.startProcessInstanceByKey("AttendanceCase", "AC-2026-900020", Map.of(
        "pupilUpn", "H801200001001", "pupilName", "Casey Meeting", "schoolUrn", "100002", "entryLevel", 2,
        "attendancePercent", 81.0, "unauthorisedSessions", 8,
        "parents", SpinValues.jsonValue("[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]").create())).getId();
    Task meeting = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?task=" + meeting.getId());
      try {
        browser.clickable(By.cssSelector("[ng-click='claim()']")).click();
        browser.visible(By.xpath("//*[contains(text(),'Casey Meeting')]"));
        browser.visible(By.xpath("//*[contains(text(),'case-opened')]"));
        browser.visible(By.cssSelector("input[id$='Field_AttendanceTarget']")).sendKeys("92", Keys.TAB);
        browser.visible(By.cssSelector("textarea[id$='Field_Barriers']")).sendKeys("Anxiety about school", Keys.TAB);
        browser.screenshot("tasklist-hold-attendance-meeting");
        org.openqa.selenium.WebElement button = browser.clickable(By.cssSelector("button[ng-click='complete()']"));
        // The page footer can cover a button at the bottom edge: bring it to the middle first
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        browser.clickable(By.cssSelector("button[ng-click='complete()']")).click();
        browser.waiting().until(d -> taskService.createTaskQuery().taskId(meeting.getId()).count() == 0);
      } catch (RuntimeException e) {
        browser.screenshot("tasklist-hold-attendance-meeting-failed");
        browser.dumpPage("tasklist-hold-attendance-meeting-failed");
        throw e;
      }
    }
    assertThat(runtimeService.getVariable(instance, "attendanceTarget")).isEqualTo(92.0);
    assertThat(runtimeService.getVariable(instance, "barriers")).isEqualTo("Anxiety about school");
    assertThat(runtimeService.getVariable(instance, "reviewDueDate")).isNotNull();
    assertThat(runtimeService.getVariable(instance, "history").toString()).contains("\"by\":\"officer\"");
  }
}
