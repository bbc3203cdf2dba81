package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casefile.CaseSteps;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A manager opens the figures, follows "closed cases by outcome", chooses a period and reads how
 * the cases ended, then downloads the period's CSV, in Chromium.
 */
class ClosedCasesBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @Test
  void aManagerReadsClosedCasesByOutcomeForAPeriodAndDownloadsTheCsv() {
    ProcessInstance instance = new CaseFileCases(runtimeService)
        .start(CaseFixtures.TRADED_SCHOOL, "Ula Movedaway", CaseFileCases.newUpn(), "parent-1", "Vic Movedaway");
    CaseSteps.runJobs(managementService, instance.getId());
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(AttendanceCase.INTERVENE_IN_SCHOOL.id()).singleResult().getId(),
        Map.of(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), AttendanceCase.NO_LONGER_NEEDED,
            AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "moved-away",
            AttendanceCase.NO_LONGER_NEEDED_EXPLANATION.name(), "The family moved to Leeds; the new council confirmed it"));
    CaseSteps.runJobs(managementService, instance.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();

    try (Browser browser = browser()) {
      browser.logInTo("cockpit", "manager", "manager");
      browser.open("/casework/figures");
      browser.press(By.id("closed-cases-link"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Closed cases by outcome']"));
      // the period: the autumn term so far (the tests' today is in November 2026)
      browser.type("#from-day", "1");
      browser.type("#from-month", "9");
      browser.type("#from-year", "2026");
      browser.type("#to-day", "30");
      browser.type("#to-month", "11");
      browser.type("#to-year", "2026");
      browser.press(By.xpath("//button[normalize-space(.)='Show the period']"));
      browser.waitUntil("period-shown", () -> browser.driver().findElement(By.cssSelector("#closed-cases caption")).getText()
          .equals("Cases closed from 1 September 2026 to 30 November 2026"));
      String movedAway = browser.driver()
          .findElement(By.cssSelector("#closed-cases tr[data-outcome=no-longer-needed-moved-away]")).getText();
      assertThat(movedAway).startsWith("The pupil has moved away from the area");
      assertThat(Long.parseLong(movedAway.substring(movedAway.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1);
      assertThat(browser.driver().findElement(By.id("closed-cases-by-school")).getText())
          .contains("Riverside Primary School", "Hillcrest Academy", "No longer needed");
      ((JavascriptExecutor) browser.driver()).executeScript(
          "document.getElementById('closed-cases').scrollIntoView({block: 'start'});");
      browser.screenshot("casefile-closed-cases");

      // the CSV of the period shown, as the link downloads it with the manager's session
      String href = browser.driver().findElement(By.id("closed-cases-csv")).getDomAttribute("href");
      assertThat(href).contains("from-day=1", "from-month=9", "to-day=30", "to-month=11", "to-year=2026");
      Object csv = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + '\\n' + t)))"
              + ".catch(e => done('failed ' + e));",
          href);
      assertThat((String) csv)
          .startsWith("200 text/csv")
          .contains("from,to,schoolUrn,school,caseOutcome,outcome,noLongerNeededReason,reason,cases")
          .contains("2026-09-01,2026-11-30,100001,Riverside Primary School,no-longer-needed,No longer needed,moved-away,");
    }
  }
}
