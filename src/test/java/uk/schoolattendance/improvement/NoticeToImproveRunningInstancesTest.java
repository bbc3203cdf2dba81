package uk.schoolattendance.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A Notice to Improve issued on the model before early escalation asked for a reason (version tag
 * 1.1, the model as deployed at dba319f, a test resource) keeps running on it after the upgrade: its
 * watch form has no reason field, so escalating early needs the grounds only, and its period is the
 * one it stored then, beginning on the letter's date ({@code noticeToImproveBaseDate}), which its
 * review's register figures still count from.
 */
class NoticeToImproveRunningInstancesTest {

  static ProcessEngineFixture fixture;
  static ProcessEngine engine;

  @BeforeAll
  static void deployTheOldModel() {
    fixture = ProcessEngineFixture.builder("notice-to-improve-1-1-test").build();
    engine = fixture.configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn-test/NoticeToImprove-1.1.bpmn").deploy();
  }

  @AfterAll
  static void close() {
    TestClock.reset();
    engine.close();
  }

  /** A notice on 1.1 as the code of then left it: issued Monday 1 December 2025, its period from that day. */
  private ProcessInstance issuedOnTheOldModel() {
    clockAt(2025, 12, 1, 10);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(NoticeToImprove.KEY)
        .singleResult().getVersionTag()).isEqualTo("1.1");
    Map<String, Object> stored = CaseFixtures.vars(
        "pupilUpn", CaseFixtures.UPN, "pupilName", "Sam Pupil",
        NoticeToImprove.SCHOOL_URN.name(), CaseFixtures.UNIVERSAL_SCHOOL,
        NoticeToImprove.ISSUED_ON.name(), "2025-12-01",
        NoticeToImprove.BASE_DATE.name(), "2025-12-01",
        NoticeToImprove.PERIOD_WEEKS.name(), 6,
        NoticeToImprove.ENDS_ON.name(), "2026-01-26");
    return engine.getRuntimeService().createProcessInstanceByKey(NoticeToImprove.KEY).businessKey("AC-2025-000101")
        .setVariables(stored).startBeforeActivity("Activity_ImprovementPeriod").execute();
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void aNoticeOnTheOldModelEscalatesEarlyOnItsGroundsWithoutAReason() {
    ProcessInstance instance = issuedOnTheOldModel();
    ClockUtil.setCurrentTime(CaseFixtures.london(2025, 12, 8, 10));
    Task watch = task(instance);
    assertThat(watch.getTaskDefinitionKey()).isEqualTo(NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id());
    engine.getTaskService().complete(watch.getId(), CaseFixtures.vars(NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(),
        "Unauthorised absence on 3, 4 and 5 December, no reason given"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Event_EscalatedEarly").count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(NoticeToImprove.IMPROVEMENT_SUFFICIENT.name()).singleResult().getValue()).isEqualTo(false);
  }

  @Test
  void aNoticeOnTheOldModelIsReviewedOnThePeriodItStored() {
    ProcessInstance instance = issuedOnTheOldModel();
    Job period = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_ImprovementPeriodEnded").singleResult();
    ClockUtil.setCurrentTime(period.getDuedate());
    engine.getManagementService().executeJob(period.getId());
    Task review = task(instance);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id());
    // from the letter's date it stored, not from a receipt two working days later (3 December)
    assertThat(engine.getTaskService().getVariableLocal(review.getId(), NoticeToImprove.IMPROVEMENT_PERIOD_FIGURES_SHOWN.name()))
        .asString().contains("(1 December 2025 to ");
    engine.getTaskService().complete(review.getId(), CaseFixtures.vars(NoticeToImprove.IMPROVEMENT_SUFFICIENT.name(), "true"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }
}
