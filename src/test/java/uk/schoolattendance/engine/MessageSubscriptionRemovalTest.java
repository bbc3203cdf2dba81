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
