package uk.schoolattendance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.system.StatementCounter;

/**
 * A case's message subscriptions ({@code CaseClosed}, {@code AttendanceUpdated}, {@code ChangeLevel})
 * are all gone when it ends, however it ends, and deleting them sends no look-up for asynchronous
 * event jobs, which a message subscription cannot have ({@link MessageSubscriptionRemoval}).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class MessageSubscriptionRemovalTest {

  /** The engine's query for the jobs that would deliver an event to a subscription later. */
  private static final Pattern EVENT_JOB_LOOKUP = Pattern.compile("(?is)from\\s+ACT_RU_JOB\\s+where\\s+HANDLER_TYPE_");

  @Autowired ProcessEngine engine;

  @Test
  void aCaseThatEndsAtItsReviewLeavesNoSubscriptionAndLooksForNoEventJob() {
    String id = start("AC-SUBSCR-1");
    assertThat(subscriptions(id)).isEqualTo(3);
    complete(id, Map.of("attendanceTarget", 92.0));
    engine.getManagementService().executeJob(
        engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult().getId());

    StatementCounter.capture(EVENT_JOB_LOOKUP);
    complete(id, Map.of("currentAttendancePercent", 92.0));
    assertThat(StatementCounter.captured()).isNull();

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(subscriptions(id)).isZero();
  }

  @Test
  void aCaseClosedByItsMessageLeavesNoSubscriptionAndLooksForNoEventJob() {
    String id = start("AC-SUBSCR-2");

    StatementCounter.capture(EVENT_JOB_LOOKUP);
    engine.getRuntimeService().createMessageCorrelation("CaseClosed").processInstanceBusinessKey("AC-SUBSCR-2")
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Pupil left the area").correlate();
    assertThat(StatementCounter.captured()).isNull();

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(subscriptions(id)).isZero();
  }

  /**
   * The guard on the branch kept: the engine opens our manager, and a signal subscription (which an
   * asynchronously thrown signal can hold a job for) is still deleted the engine's way, with its
   * look-up for those jobs. An engine upgrade that changes {@code EventSubscriptionManager} or how
   * sessions are opened fails here.
   */
  @Test
  void theEngineOpensOurManagerAndASignalSubscriptionIsStillDeletedTheEnginesWay() {
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getSessionFactories().get(org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager.class))
        .isInstanceOf(MessageSubscriptionRemoval.Factory.class);
    Object opened = configuration.getCommandExecutorTxRequired().execute(context -> (Object) context.getEventSubscriptionManager());
    assertThat(opened).isInstanceOf(MessageSubscriptionRemoval.class);

    org.camunda.bpm.model.bpmn.BpmnModelInstance waiting = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("subscriptionGuardSignalWait")
        .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent().signal("subscriptionGuardSignal").endEvent().done();
    String deployment = engine.getRepositoryService().createDeployment().addModelInstance("subscription-guard.bpmn", waiting)
        .deploy().getId();
    try {
      String id = engine.getRuntimeService().startProcessInstanceByKey("subscriptionGuardSignalWait").getId();
      assertThat(subscriptions(id)).isEqualTo(1);

      StatementCounter.capture(EVENT_JOB_LOOKUP);
      engine.getRuntimeService().deleteProcessInstance(id, "test");
      assertThat(StatementCounter.captured()).as("the engine's look-up for the signal's asynchronous jobs").isNotNull();
      assertThat(subscriptions(id)).isZero();
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  private String start(String reference) {
    return engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", reference,
        CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2)).getId();
  }

  private long subscriptions(String instanceId) {
    return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instanceId).count();
  }

  private void complete(String instanceId, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    engine.getTaskService().complete(task.getId(), variables);
  }
}
