package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;

/**
 * "Decide on non-payment" in Tasklist once the six months for laying an information have run
 * (Magistrates' Courts Act 1980 s127): the form offers withdrawal only and says why, with the last
 * day a prosecution could have started.
 */
class TasklistNonPaymentBrowserTest extends BrowserTestSupport {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired PenaltyNoticeNumbers numbers;

  @AfterEach
  void realTime() {
    TestClock.reset();
  }

  private static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  private void runTheOnlyJob(String processInstanceId) {
    Job job = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    managementService.executeJob(job.getId());
  }

  @Test
  void pastTheTimeLimitTheFormOffersOnlyWithdrawalAndSaysWhy() {
    String upn = Upns.valid("801200009001");
    Map<String, Object> inputs = NoticeInputs.inputs("BROWSER-P1", upn, "other");
    inputs.put(PenaltyNotice.PUPIL_NAME.name(), "Noa Timebar");
    // an offence ending 13 March 2026: an information may be laid until 13 September 2026
    inputs.put(PenaltyNotice.OFFENCE_FROM.name(), "2026-03-02");
    inputs.put(PenaltyNotice.OFFENCE_TO.name(), "2026-03-13");
    today(LocalDate.of(2026, 4, 1));
    String id = runtimeService.startProcessInstanceByKey("PenaltyNotice", numbers.next(), inputs).getId();
    runTheOnlyJob(id); // prepared
    NoticeInputs.post(taskService, id);
    today(LocalDate.of(2026, 5, 11));
    runTheOnlyJob(id); // the payment period ended unpaid: "Decide on non-payment"
    Task decide = taskService.createTaskQuery().processInstanceId(id).singleResult();
    assertThat(decide.getTaskDefinitionKey()).isEqualTo(PenaltyNotice.DECIDE_ON_NON_PAYMENT.id());
    // still open the day after the deadline: its timer takes prosecution off the form
    today(LocalDate.of(2026, 9, 14));
    runTheOnlyJob(id);
    TestClock.reset();

    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "compliance", "compliance");
      browser.open("/camunda/app/tasklist/default/#/?task=" + decide.getId());
      browser.claimTask(() -> "compliance".equals(taskService.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()));
      // read once the form has filled it: the words come with the task's data
      assertThat(browser.valueOnceShown("time-barred-why", By.cssSelector("textarea[id$='Field_ShowProsecutionTimeBarred']")))
          .contains("13 September 2026", "Magistrates' Courts Act 1980 s127");
      browser.visible(By.cssSelector("input[id$='Field_NonPaymentDecision-0']"));
      String[] form = new String[1];
      browser.waitUntil("decision-drawn", () -> (form[0] = browser.driver().findElement(By.cssSelector(".fjs-form")).getText())
          .contains("Withdraw the notice"));
      assertThat(form[0]).doesNotContain("Prosecute for the original offence");
      assertThat(browser.driver().findElements(By.cssSelector("input[id$='Field_NonPaymentDecision-1']"))).isEmpty();
      browser.screenshot("non-payment-time-barred");
    }
  }
}
