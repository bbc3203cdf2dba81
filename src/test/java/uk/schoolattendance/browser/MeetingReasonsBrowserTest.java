package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * The Pupil Planning Meeting in Tasklist asks why no Notice to Improve for each parent who had
 * none: a senior practitioner choosing an education supervision order for a case opened at Level 4
 * (no contract, no Notice to Improve) gives the contract's reason and one reason per parent in the
 * form's list, and the case keeps each parent's reason.
 */
class MeetingReasonsBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void theMeetingRecordsWhyNoNoticeToImproveForEachParentInTasklist() {
    Map<String, Object> start = CaseFixtures.with(CaseFixtures.startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4,
        AttendanceCase.PUPIL_NAME.name(), "Robin Reasons");
    String caseId = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, "AC-2026-900771", start).getId();
    String taskId = taskService.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "senior", "senior");
      browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.waitUntil("task-opened", () -> !browser.driver().findElements(By.cssSelector(".fjs-form")).isEmpty()
          || !browser.driver().findElements(By.xpath("//*[normalize-space(.)='Claim']")).isEmpty());
      browser.claimTask(() -> "senior".equals(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
      browser.press(By.cssSelector("input[id$='Field_LegalRoute-2']"));
      browser.type("textarea[id$='Field_NoContractReason']", "The parents would not meet to agree one");
      List<String> reasons = List.of("Alex works abroad in term time", "Jo refused every meeting");
      browser.waitUntil("a-row-per-parent", () -> reasonFields(browser).size() == 2);
      for (int i = 0; i < reasons.size(); i++) {
        int row = i;
        // typed again (emptied first) until the row holds it: a click on a row the form draws once
        // more, or one still moving into place, types nothing
        browser.waitUntil("reason-" + row, () -> {
          WebElement field = reasonFields(browser).get(row);
          if (reasons.get(row).equals(field.getDomProperty("value"))) {
            return true;
          }
          ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
          field.clear();
          new Actions(browser.driver()).click(field).sendKeys(reasons.get(row)).pause(Duration.ofMillis(600)).perform();
          ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].blur();", field);
          return reasons.get(row).equals(reasonFields(browser).get(row).getDomProperty("value"));
        });
      }
      browser.type("textarea[id$='Field_LegalRouteReason']", "Sustained absence; support refused");
      // each row names its parent (read-only: the case says who had no Notice to Improve)
      assertThat(browser.driver().findElements(By.cssSelector("input[id*='Field_NoNoticeToImproveParent']")).stream()
          .map(input -> input.getDomProperty("value")).toList())
          .satisfiesExactly(alex -> assertThat(alex).startsWith("Alex Parent"), jo -> assertThat(jo).startsWith("Jo Parent"));
      browser.screenshot("meeting-reasons-per-parent");
      // a field of the list put right leaves no error behind: Complete is enabled and completes the meeting
      browser.press(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("meeting-completed", () -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    }
    JsonNode kept = AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.from(
        runtimeService.getVariable(caseId, AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.name()));
    assertThat(kept.findValuesAsText("parent")).containsExactly("Alex Parent", "Jo Parent");
    assertThat(kept.findValuesAsText("reason")).containsExactly("Alex works abroad in term time", "Jo refused every meeting");
    assertThat(runtimeService.getVariable(caseId, AttendanceCase.NO_CONTRACT_REASON.name()))
        .isEqualTo("The parents would not meet to agree one");
  }

  private static List<WebElement> reasonFields(Browser browser) {
    return browser.driver().findElements(By.cssSelector("textarea[id*='Field_NoNoticeToImproveReason']")).stream()
        .filter(WebElement::isDisplayed).toList();
  }
}
