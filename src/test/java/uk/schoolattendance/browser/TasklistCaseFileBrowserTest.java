package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Tasklist for people in England: a task's "Case file" tab opens its case's page with the same
 * login, and the forms' date pickers read and take day/month/year whatever the browser's language
 * (headless Chromium speaks US English).
 */
class TasklistCaseFileBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void aTasksCaseFileTabOpensItsCase() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started =
        cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Opal Tabbing", CaseFileCases.newUpn(), "parent-1", "Quin Tabbing");
    String reference = cases.referenceOf(started);
    String task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult().getId();
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      // the task's form shows the case's stage and history in words
      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      browser.waitUntil("history-in-words", () -> browser.driver().findElement(By.cssSelector(".fjs-form")).getText()
          .matches("(?s).*\\d{1,2}:\\d{2}(am|pm) on \\d{1,2} [A-Z][a-z]+ \\d{4}.*"));
      // the stage in words, read once the form has filled it (a blank field never passes)
      assertThat(browser.valueOnceShown("stage-shown", By.cssSelector("input[id$='Field_ShowStage']"))).doesNotContain("-");
      browser.screenshot("tasklist-history-in-words");
      browser.open("/camunda/app/tasklist/default/#/?task=" + task + "&detailsTab=attendance.case-file");
      // the tab's link, read once drawn with its case (found again if the tab is drawn once more)
      browser.waitUntil("case-file-link", () -> !browser.visible(By.id("case-file-link")).getText().isBlank());
      WebElement link = browser.visible(By.id("case-file-link"));
      assertThat(link.getAttribute("href")).endsWith("/casework/cases/" + reference);
      assertThat(link.getText()).isEqualTo("Open case " + reference + " in the case file");
      browser.screenshot("tasklist-case-file-tab");
      browser.press(By.id("case-file-link"));
      browser.waitUntil("case-page", () -> browser.driver().getCurrentUrl().endsWith("/casework/cases/" + reference));
      // the case page's heading, read once that page (not the one left) shows one
      String[] heading = new String[1];
      browser.waitUntil("case-heading", () -> browser.driver().findElements(By.tagName("h1")).stream()
          .map(WebElement::getText).filter(text -> (heading[0] = text).contains("Opal Tabbing")).findFirst().isPresent());
      assertThat(heading[0]).contains("Opal Tabbing");
    }
  }

  @Test
  void theStartFormsDatePickerTakesDayMonthYear() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      By bornField = By.cssSelector("input[id*='Field_PupilDateOfBirth']");
      assertThat(browser.visible(bornField).getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
      // typed as a person types it, again if the dialog was still drawing its form: a picker that
      // read it as month/day, or dropped it, never keeps 28/05/2016 however often it is typed
      browser.waitUntil("uk-date-kept", () -> {
        browser.clickUntilFocused("born-focused", bornField);
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
            .sendKeys("28/05/2016").sendKeys(Keys.TAB).perform();
        return "28/05/2016".equals(browser.visible(bornField).getDomProperty("value"));
      });
      browser.screenshot("tasklist-date-picker-day-month-year");
    }
  }
}
