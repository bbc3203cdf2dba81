package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** People in a real browser: the roles of the contract doing their part in Tasklist and Cockpit. */
class TasklistBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void aSchoolUserStartsACaseWithTheStartFormAndRefersItToTheLocalAuthority() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      // Every task belongs to a case: Tasklist offers no "Create task" (the engine refuses one).
      browser.visible(By.cssSelector("li.start-process-action"));
      assertThat(browser.driver().findElements(By.cssSelector("li.create-task-action")))
          .allSatisfy(item -> assertThat(item.isDisplayed()).isFalse());
      browser.press(By.xpath("//a[contains(., 'Start process')]"));
      browser.press(By.xpath("//a[contains(., 'Attendance case')]"));
      browser.type("input[id$='Field_PupilUpn']", Upns.valid("801200001001"));
      browser.type("input[id$='Field_PupilName']", "Jamie Browser");
      browser.type("input[id$='Field_SchoolUrn']", "100002");
      browser.press(By.cssSelector("input[id$='Field_Route-0']"));
      browser.type("input[id$='Field_AttendancePercent']", "84.5");
      browser.type("input[id$='Field_UnauthorisedSessions']", "6");
      browser.type("input[id$='Field_Parent1Name']", "Alex Browser");
      browser.type("input[id$='Field_Parent1Address']", "1 High Street, Hilltown, HT1 1AA");
      browser.screenshot("school-start-form-filled");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waitUntil("school-start", () -> caseCount("Jamie Browser") == 1);

      // The universal-service school does its own Level 1 work, found in its filter.
      browser.press(By.xpath("//*[contains(text(), \"My school's tasks\")]"));
      // Each task in the list shows its pupil.
      browser.waitUntil("pupils-in-list", () -> !browser.driver().findElements(
          By.xpath("//li[contains(., 'Intervene in school') and contains(., 'Pupil')]")).isEmpty());
      // A busy school's list runs past its first page (other tests leave theirs, soonest due first), so the
      // school opens Jamie's task as the case file links to it: Tasklist at the task's address.
      String taskId = taskService.createTaskQuery().processVariableValueEquals("pupilName", "Jamie Browser")
          .singleResult().getId();
      browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.waitUntil("task-opened", () -> !browser.driver().findElements(By.cssSelector(".fjs-form")).isEmpty()
          || !browser.driver().findElements(By.xpath("//*[normalize-space(.)='Claim']")).isEmpty());
      // Tasklist's dates as Cockpit's (one shared format): "Sunday 29 November 2026, 9:41am", not Camunda's own
      // (the task's dates' tooltips)
      browser.waitUntil("tasklist-uk-dates", () -> browser.driver().findElements(By.cssSelector("[uib-tooltip]")).stream()
          .map(element -> element.getDomAttribute("uib-tooltip"))
          .anyMatch(title -> title != null && title.matches("[A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{1,2}:\\d{2}[ap]m")));
      browser.claimTask(() -> "school2".equals(assigneeOf("Jamie Browser")));
      browser.press(By.xpath("//input[@type='radio' and contains(@id, 'Field_SchoolInterventionOutcome-1')]"));
      browser.type("textarea[id$='Field_SchoolInterventionNotes']", "Three call-backs; no change. Referring to the LA.");
      browser.screenshot("school-refers-case");
      browser.press(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("school-refer", () -> openTask("Jamie Browser").equals("Task_HoldAttendanceMeeting"));
    }
  }

  private String assigneeOf(String pupilName) {
    return taskService.createTaskQuery().processVariableValueEquals("pupilName", pupilName).list().stream()
        .map(task -> String.valueOf(task.getAssignee()))
        .findFirst()
        .orElse("");
  }

  private String openTask(String pupilName) {
    return taskService.createTaskQuery().processVariableValueEquals("pupilName", pupilName).list().stream()
        .map(task -> task.getTaskDefinitionKey())
        .findFirst()
        .orElse("");
  }

  private long caseCount(String pupilName) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilName", pupilName)
        .count();
  }
}
