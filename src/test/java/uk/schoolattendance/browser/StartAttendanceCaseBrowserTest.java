package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer opens an attendance case in Tasklist through the Camunda Form: the parents come
 * from the parent 1 / parent 2 fields (a form-js dynamic list cannot be submitted in Tasklist
 * 7.24, see docs/process.md), the case gets its reference and waits at Level 1.
 */
class StartAttendanceCaseBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;


  @Test
  void anOfficerOpensACaseWithTheStartForm() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      try {
        browser.type("[id$='Field_PupilUpn']", "X801200001002");
        browser.type("[id$='Field_PupilName']", "Robin Browser");
        browser.type("[id$='Field_SchoolUrn']", "100002");
        browser.type("[id$='Field_AttendancePercent']", "84.5");
        browser.type("[id$='Field_UnauthorisedSessions']", "6");
        browser.type("[id$='Field_Parent1Name']", "Alex Parent");
        browser.type("[id$='Field_Parent1Address']", "1 High Street, Southend");
        browser.type("[id$='Field_Parent2Name']", "Jo Parent");
        browser.type("[id$='Field_Parent2Address']", "5 Low Road, Southend");
        browser.type("[id$='Field_SupportSoFar']", "Call-backs and a meeting with the school");
        browser.screenshot("tasklist-start-attendance-case");
        browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
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
        .contains("Alex Parent").contains("Jo Parent").containsPattern("\"id\":\"P-\\d{6}\"").doesNotContain("parent-1");
    assertThat(runtimeService.getVariable(started.getId(), "attendancePercent")).isEqualTo(84.5);
    assertThat(runtimeService.getVariable(started.getId(), "level")).isEqualTo(1);
  }

  /**
   * A person types a number, tabs to the parent's name and goes on typing at a normal pace: form-js
   * commits the number a second time 300 ms after the Tab and redraws the form, which wiped the
   * letters typed into the name meanwhile ("ire Thornton" for "Claire Thornton").
   */
  @Test
  void aNameTypedAtANormalPaceAfterTabbingFromANumberKeepsItsFirstLetters() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      browser.type("[id$='Field_PupilUpn']", Upns.valid("801200007301"));
      browser.type("[id$='Field_PupilName']", "Casey Thornton");
      browser.type("[id$='Field_SchoolUrn']", "100002");
      browser.type("[id$='Field_AttendancePercent']", "84.5");
      // about eight keys a second, as a person types
      browser.typeAtAPersonsPace("[id$='Field_UnauthorisedSessions']", "12\tClaire Thornton", Duration.ofMillis(120));
      browser.type("[id$='Field_Parent1Address']", "1 High Street, Southend");
      String typed = browser.visible(By.cssSelector("[id$='Field_Parent1Name']")).getDomProperty("value");
      browser.screenshot("tasklist-start-form-typed-at-a-persons-pace");
      assertThat(typed).isEqualTo("Claire Thornton");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waiting().until(d -> !cases("Casey Thornton").isEmpty());
    }
    ProcessInstance started = cases("Casey Thornton").get(0);
    assertThat(runtimeService.getVariable(started.getId(), "parents").toString()).contains("\"Claire Thornton\"");
    assertThat(runtimeService.getVariable(started.getId(), "unauthorisedSessions")).isEqualTo(12);
  }

  private List<ProcessInstance> cases() {
    return cases("Robin Browser");
  }

  private List<ProcessInstance> cases(String pupilName) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilName", pupilName).listPage(0, 10);
  }
}
