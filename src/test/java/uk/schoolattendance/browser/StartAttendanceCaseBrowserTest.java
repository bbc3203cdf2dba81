package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer opens an attendance case in Tasklist through the Camunda Form: the parents come
 * from the parent 1 / parent 2 fields (a form-js dynamic list cannot be submitted in Tasklist
 * 7.24, see docs/process.md), the case gets its reference and waits at Level 1.
 */
class StartAttendanceCaseBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;

  private static WebElement field(Browser browser, String id) {
    return browser.visible(By.cssSelector("[id$='" + id + "']"));
  }

  @Test
  void anOfficerOpensACaseWithTheStartForm() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      try {
        field(browser, "Field_PupilUpn").sendKeys("X801200001002");
        field(browser, "Field_PupilName").sendKeys("Robin Browser");
        field(browser, "Field_SchoolUrn").sendKeys("100002");
        field(browser, "Field_AttendancePercent").sendKeys("84.5");
        field(browser, "Field_UnauthorisedSessions").sendKeys("6");
        field(browser, "Field_Parent1Name").sendKeys("Alex Parent", Keys.TAB);
        field(browser, "Field_Parent1Address").sendKeys("1 High Street, Southend", Keys.TAB);
        field(browser, "Field_Parent2Name").sendKeys("Jo Parent", Keys.TAB);
        field(browser, "Field_Parent2Address").sendKeys("5 Low Road, Southend", Keys.TAB);
        field(browser, "Field_SupportSoFar").sendKeys("Call-backs and a meeting with the school", Keys.TAB);
        browser.screenshot("tasklist-start-attendance-case");
        org.openqa.selenium.WebElement button = browser.clickable(By.cssSelector("button[ng-click='startProcessInstance()']"));
        // The page footer can cover a button at the bottom edge: bring it to the middle first
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        browser.clickable(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
        browser.waiting().until(d -> !cases().isEmpty());
      } catch (RuntimeException e) {
        browser.screenshot("tasklist-start-attendance-case-failed");
        browser.dumpPage("tasklist-start-attendance-case-failed");
        throw e;
      }
    }
    ProcessInstance started = cases().get(0);
    assertThat(started.getBusinessKey()).matches("AC-\\d{4}-\\d{6}");
    assertThat(runtimeService.getVariable(started.getId(), "parents").toString())
        .contains("Alex Parent").contains("parent-1").contains("Jo Parent").contains("parent-2");
    assertThat(runtimeService.getVariable(started.getId(), "attendancePercent")).isEqualTo(84.5);
    assertThat(runtimeService.getVariable(started.getId(), "level")).isEqualTo(1);
  }

  private List<ProcessInstance> cases() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilName", "Robin Browser").listPage(0, 10);
  }
}
