package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Names are shown as typed and refused when they are not names, in Tasklist. A name with markup
 * from before the rule (the application's own start does not check it) is shown literally in the
 * task's form: no link, no formatting. The same name typed into the start form is refused, with
 * the rule, and no case opens.
 */
class PersonNamesBrowserTest extends BrowserTestSupport {

  static final String LINK = "[Sign in again](https://example.org/login)";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void aNameWithMarkdownIsShownLiterallyInTheTasksForm() {
    ProcessInstance legacy =
        runtimeService.startProcessInstanceByKey(
            "AttendanceCase", CaseFixtures.with(CaseFixtures.startVariables(), "pupilName", LINK));
    String task = taskService.createTaskQuery().processInstanceId(legacy.getId()).singleResult().getId();
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      // the field is found again each time: Tasklist may draw the form once more
      browser.waitUntil("markdown-name", () -> LINK.equals(
          browser.visible(By.cssSelector("input[id$='Field_ShowPupilName']")).getDomProperty("value")));
      browser.screenshot("tasklist-markdown-name-shown-as-typed");
      List<WebElement> links = browser.driver().findElements(By.cssSelector(".fjs-form a[href*='example.org']"));
      assertThat(links).isEmpty();
      assertThat(browser.driver().findElement(By.cssSelector(".fjs-form")).getText()).doesNotContain("Sign in again\n");
    }
  }

  @Test
  void aNameWithMarkdownIsRefusedInTheStartForm() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      browser.type("[id$='Field_PupilUpn']", Upns.valid("801200009901"));
      browser.type("[id$='Field_PupilName']", LINK);
      browser.type("[id$='Field_SchoolUrn']", "100002");
      browser.type("[id$='Field_AttendancePercent']", "84.5");
      browser.type("[id$='Field_UnauthorisedSessions']", "6");
      browser.type("[id$='Field_Parent1Name']", "Alex O'Brien-Smith");
      browser.type("[id$='Field_Parent1Address']", "1 High Street, Southend");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waitUntil("refused-name", () -> !browser.errorNotifications().isEmpty());
      browser.screenshot("tasklist-markdown-name-refused");
      assertThat(String.join(" ", browser.errorNotifications()))
          .contains("pupilName")
          .contains("names hold letters, spaces, hyphens, apostrophes and full stops");
    }
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("pupilUpn", Upns.valid("801200009901")).count())
        .isZero();
  }

}
