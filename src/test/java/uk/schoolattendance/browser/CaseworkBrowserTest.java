package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Officers, senior practitioners, schools and managers doing their part of a case in a real
 * browser, with nothing but Tasklist and Cockpit.
 */
class CaseworkBrowserTest extends BrowserTestSupport {

  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private Task startCaseAt(int level, String school, String pupilName) {
    Map<String, Object> variables =
        CaseFixtures.with(
            CaseFixtures.startVariables(), "entryLevel", level, "schoolUrn", school, "pupilName", pupilName);
    String instance =
        runtimeService.startProcessInstanceByKey("AttendanceCase", variables).getProcessInstanceId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private String assignee(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return task == null ? null : task.getAssignee();
  }

  private String openTask(Browser browser, Task task) {
    browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
    return task.getId();
  }

  @Test
  void anOfficerClaimsTheMeetingTaskAndCompletesItsForm() {
    // Riverside buys the traded service: its Level 2 work is its named officer's
    Task meeting = startCaseAt(2, CaseFixtures.TRADED_SCHOOL, "Robin Meeting");
    assertThat(meeting.getTaskDefinitionKey()).isEqualTo("Task_HoldAttendanceMeeting");
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      openTask(browser, meeting);
      browser.claimTask(() -> "officer".equals(assignee(meeting.getId())));
      browser.type("input[id$='Field_AttendanceTarget']", "95");
      browser.screenshot("officer-attendance-meeting");
      browser.press(COMPLETE);
      browser.waitUntil("officer-complete", () -> taskService.createTaskQuery().taskId(meeting.getId()).count() == 0);
    }
    assertThat(runtimeService.getVariable(meeting.getProcessInstanceId(), "attendanceTarget")).isEqualTo(95.0);
  }

  @Test
  void aSeniorPractitionerChoosesTheLegalRoute() {
    Task meeting = startCaseAt(4, CaseFixtures.UNIVERSAL_SCHOOL, "Kim Planning");
    assertThat(meeting.getTaskDefinitionKey()).isEqualTo("Task_HoldPupilPlanningMeeting");
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "senior", "senior");
      openTask(browser, meeting);
      browser.claimTask(() -> "senior".equals(assignee(meeting.getId())));
      // press: scrolled into view first, the case's facts above make the form longer than the window
      browser.press(By.xpath("//label[contains(., 'Further support')] | //input[@type='radio' and contains(@id,'Field_LegalRoute-3')]"));
      browser.type("textarea[id$='Field_LegalRouteReason']", "The family has just engaged with early help.");
      browser.screenshot("senior-pupil-planning-meeting");
      browser.press(COMPLETE);
      browser.waiting().until(d -> taskService.createTaskQuery().taskId(meeting.getId()).count() == 0);
    }
    // Further support takes the case back to Level 3 casework.
    Task next = taskService.createTaskQuery().processInstanceId(meeting.getProcessInstanceId()).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_WorkWithFamily");
    assertThat(runtimeService.getVariable(meeting.getProcessInstanceId(), "level")).isEqualTo(3);
  }

  @Test
  void aSchoolUserCannotSeeTheOtherSchoolsTask() {
    Task riverside = startCaseAt(1, CaseFixtures.TRADED_SCHOOL, "Lee Riverside");
    Task hillcrest = startCaseAt(1, CaseFixtures.UNIVERSAL_SCHOOL, "Max Hillcrest");
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.press(By.xpath("//*[contains(text(), \"My school's tasks\")]"));
      browser.waiting().until(d -> d.getPageSource().contains("Intervene in school"));
      browser.screenshot("school2-my-schools-cases");
      openTask(browser, riverside);
      browser.waiting().until(d -> d.getPageSource().contains("does not exist") || d.getPageSource().contains("not authorized") || d.getPageSource().contains("ot have"));
      browser.screenshot("school2-refused-other-school");
      assertThat(browser.driver().getPageSource()).doesNotContain("Lee Riverside");
    }
    assertThat(hillcrest).isNotNull();
  }

  @Test
  void aManagerSeesTheCasesInCockpitButCannotChangeThem() {
    Task task = startCaseAt(2, CaseFixtures.TRADED_SCHOOL, "Ali Cockpit");
    try (Browser browser = browser()) {
      browser.logInTo("cockpit", "manager", "manager");
      browser.open("/camunda/app/cockpit/default/#/process-definition/"
          + task.getProcessDefinitionId() + "/runtime");
      // the instances' table, newest first, 50 to a page: other classes' cases (started on later days by
      // their own clocks) may push this one off the first page, so the table is read when it lists any
      // case, and this case is then read on its own page
      browser.waitUntil("manager-case-list", () -> !browser.driver()
          .findElements(By.xpath("//td//a[contains(@href, 'process-instance/')]")).isEmpty());
      browser.screenshot("manager-cockpit-cases");
      browser.open("/camunda/app/cockpit/default/#/process-instance/" + task.getProcessInstanceId() + "/runtime");
      browser.waitUntil("manager-case", () -> browser.driver().findElements(By.xpath(
          "//dd[contains(@class, 'instance-id') and contains(., '" + task.getProcessInstanceId() + "')]")).size() > 0);
    }
    // Reading is all a manager may do: the same person cannot work the task.
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }
}
