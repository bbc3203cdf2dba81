package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.CaseFixtures;

/** A senior practitioner reads every officer's caseload and gives a case to another officer, in Chromium. */
class CaseloadsBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void aSeniorPractitionerReadsTheCaseloadsAndGivesACaseToAnotherOfficer() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started =
        cases.start(CaseFixtures.TRADED_SCHOOL, "Ivy Handover", CaseFileCases.newUpn(), "parent-1", "Joe Handover");
    String reference = cases.referenceOf(started);
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "senior", "senior");
      browser.open("/casework/");
      browser.press(By.linkText("Caseloads"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Caseloads']"));
      assertThat(browser.driver().findElement(By.id("caseloads")).getText()).contains("Olivia Okafor", "Riverside Primary School");
      browser.screenshot("casefile-caseloads");
      browser.press(By.linkText("Olivia Okafor"));
      browser.waitUntil("olivias-caseload", () -> browser.driver().getPageSource().contains("Caseload of Olivia Okafor"));
      browser.press(By.linkText("Ivy Handover"));
      browser.waitUntil("case-page", () -> browser.driver().getCurrentUrl().endsWith("/casework/cases/" + reference));

      browser.press(By.id("give-to-officer"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Give the case to another officer']"));
      browser.press(By.xpath("//label[normalize-space(.)='Samir Shah']"));
      browser.type("#reason", "Olivia is on leave until June");
      browser.screenshot("casefile-give-to-another-officer");
      browser.press(By.id("reassign"));
      browser.waitUntil("reassigned", () -> browser.driver().getPageSource().contains("The case has been given to another officer"));
      assertThat(browser.driver().findElement(By.id("timeline")).getText())
          .contains("Case given to another officer", "Olivia Okafor → Samir Shah. Reason: Olivia is on leave until June");
      assertThat(browser.driver().findElement(By.id("next-step")).getText()).contains("Samir Shah");
    }
    assertThat(taskService.createTaskQuery().processInstanceId(started.getId()).taskCandidateUser("senior").count()).isEqualTo(1);
  }
}
