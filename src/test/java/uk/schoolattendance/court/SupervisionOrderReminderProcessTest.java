package uk.schoolattendance.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Every path of {@code SupervisionOrderReminder}, with the engine's clock moved, never waited for;
 * class coverage must be 100 %. An order made on 10 February 2027 ends on 9 February 2028
 * (Children Act 1989 Sch 3 para 15(1)) and would expire on 10 February 2028; the authority may apply
 * from 10 November 2027 (para 15(3), counted from that day):
 * the reminder comes that day at 09:00, once per end; an extension moves it to the new end, a
 * discharge or the order's end takes it away.
 */
@Deployment(resources = {"bpmn/SupervisionOrderReminder.bpmn", "forms/consider-extending-supervision-order.form"})
class SupervisionOrderReminderProcessTest {

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("supervision-order-reminder-test").coverage().build();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ENGINE.configuration).assertClassCoverageAtLeast(1.0).build();

  static final LocalDate ENDS = LocalDate.of(2028, 2, 9);

  ProcessEngine engine;
  SupervisionOrderReminders reminders;
  CourtProceedingsRecord order;

  @BeforeEach
  void anOrderMadeOn10February2027() {
    reminders = ENGINE.beans.getBean(SupervisionOrderReminders.class);
    CaseFixtures.clockAt(2027, 2, 10, 14);
    String id = "court-" + java.util.UUID.randomUUID();
    order = new CourtProceedingsRecord(id, "AC-2027-000042", null, "A123456789012", "Theo Pupil", "100001", "P-1",
        CourtProceedings.EDUCATION_SUPERVISION_ORDER, null, null, LocalDate.of(2027, 2, 10), CourtProceedings.EDUCATION_SUPERVISION_ORDER,
        null, 12, ENDS, null, null);
    ENGINE.courtProceedings.insertIfAbsent(order);
  }

  @AfterEach
  void clockBack() {
    TestClock.reset();
  }

  @Test
  void theRemindersComesThreeMonthsBeforeTheOrderEndsToTheAttendanceOfficersOnceForThatEnd() {
    assertThat(reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null)).isTrue();
    // a restart, a retried step, the other node: the same end is never reminded of twice
    assertThat(reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null)).isFalse();
    assertThat(running()).isEqualTo(1);
    assertThat(timer().getDuedate()).isEqualTo(CaseFixtures.london(2027, 11, 10, 9));
    assertThat(tasks()).isEmpty();

    // the day before: not yet (the timer is not due)
    CaseFixtures.clockAt(2027, 11, 9, 17);
    assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();
    CaseFixtures.clockAt(2027, 11, 10, 9);
    engine.getManagementService().executeJob(timer().getId());
    Task task = tasks().get(0);
    assertThat(task.getName()).isEqualTo("Consider extending the education supervision order");
    assertThat(task.getTaskDefinitionKey()).isEqualTo(SupervisionOrderReminder.CONSIDER_EXTENDING.id());
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).anyMatch(link -> "attendance-officers".equals(link.getGroupId()));
    // due apply-by-weeks-before (6) weeks before the last day: the court must have extended it by then
    assertThat(task.getDueDate()).isEqualTo(CaseFixtures.london(2027, 12, 29, 9));
    assertThat(engine.getTaskService().getVariable(task.getId(), SupervisionOrderReminder.SUPERVISION_ORDER_ENDS_ON_SHOWN.name()))
        .isEqualTo("9 February 2028");
    assertThat(engine.getTaskService().getVariable(task.getId(), SupervisionOrderReminder.EXTENSION_WINDOW_OPENS_SHOWN.name()))
        .isEqualTo("10 November 2027");
    // the Tasklist task's "Case file" tab opens the case by this variable
    assertThat(engine.getTaskService().getVariable(task.getId(), SupervisionOrderReminder.CASE_REFERENCE.name()))
        .isEqualTo("AC-2027-000042");
    Task withForm = engine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
    assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("Form_ConsiderExtendingSupervisionOrder");
    assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");

    engine.getTaskService().complete(task.getId());
    assertThat(ended().getEndActivityId()).isEqualTo("Event_ExtensionConsidered");
    // considered: asking again for the same end starts nothing
    assertThat(reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null)).isFalse();
    assertThat(running()).isZero();
  }

  @Test
  void anExtensionMovesTheReminderToTheNewEnd() {
    reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null);
    CaseFixtures.clockAt(2027, 11, 10, 10);
    engine.getManagementService().executeJob(timer().getId());
    assertThat(tasks()).hasSize(1);

    // extended to 9 February 2030: this end's reminder goes, the new end's comes on 10 November 2029
    reminders.extended(engine.getRuntimeService(), order.processInstanceId());
    assertThat(ended().getEndActivityId()).isEqualTo("Event_ReminderMoved");
    assertThat(tasks()).isEmpty();
    assertThat(reminders.orderInForce(engine.getRuntimeService(), order, LocalDate.of(2030, 2, 9), null)).isTrue();
    assertThat(running()).isEqualTo(1);
    assertThat(timer().getDuedate()).isEqualTo(CaseFixtures.london(2029, 11, 10, 9));
  }

  @Test
  void aDischargeTakesTheReminderAway() {
    reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null);
    CaseFixtures.clockAt(2027, 6, 14, 10);
    reminders.discharged(engine.getRuntimeService(), order.processInstanceId());
    assertThat(ended().getEndActivityId()).isEqualTo("Event_ReminderWithdrawn");
    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    // a discharge with no reminder waiting changes nothing
    reminders.discharged(engine.getRuntimeService(), order.processInstanceId());
  }

  @Test
  void anOrderThatEndsLeavesNoReminderBehind() {
    reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null);
    CaseFixtures.clockAt(2027, 11, 10, 9);
    engine.getManagementService().executeJob(timer().getId());
    assertThat(tasks()).hasSize(1);
    // nobody applied: the day after its last day the order has expired and cannot be extended
    Job ended = engine.getManagementService().createJobQuery().timers().activityId(SupervisionOrderReminder.ORDER_ENDED).singleResult();
    assertThat(ended.getDuedate()).isEqualTo(CaseFixtures.london(2028, 2, 10, 9));
    CaseFixtures.clockAt(2028, 2, 10, 9);
    engine.getManagementService().executeJob(ended.getId());
    assertThat(ended().getEndActivityId()).isEqualTo("Event_OrderExpired");
    assertThat(tasks()).isEmpty();
  }

  @Test
  void twoNodesStartingTheSameEndAtOnceStartOneReminder() throws Exception {
    TransactionTemplate transaction = new TransactionTemplate(ENGINE.beans.getBean(PlatformTransactionManager.class));
    CountDownLatch together = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> started = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        Callable<Boolean> start = () -> {
          together.await();
          try {
            return transaction.execute(status -> reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null));
          } catch (org.springframework.dao.DataAccessException | org.camunda.bpm.engine.ProcessEngineException refused) {
            return false; // the other node's row came first: this transaction rolled back, its start with it
          }
        };
        started.add(nodes.submit(start));
      }
      together.countDown();
      int starts = 0;
      for (Future<Boolean> node : started) {
        starts += node.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(starts).isEqualTo(1);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(running()).isEqualTo(1);
  }

  @Test
  void noReminderToExtendAnOrderThatEndsByTheEndOfCompulsorySchoolAge() {
    // born 31 August 2011: compulsory school age ends on 25 June 2027, before the order's end (para 15(6)(a))
    assertThat(reminders.orderInForce(engine.getRuntimeService(), order, ENDS, LocalDate.of(2011, 8, 31))).isFalse();
    assertThat(running()).isZero();
    // born a day later: it ends on 30 June 2028, after the order's end, so an extension may still be made
    assertThat(reminders.orderInForce(engine.getRuntimeService(), order, ENDS, LocalDate.of(2011, 9, 1))).isTrue();
    assertThat(running()).isEqualTo(1);
    // an end on the very day compulsory school age ends: nothing to extend to
    assertThat(reminders.extendable(LocalDate.of(2028, 6, 30), LocalDate.of(2011, 9, 1))).isFalse();
    assertThat(reminders.extendable(LocalDate.of(2028, 6, 29), LocalDate.of(2011, 9, 1))).isTrue();
  }

  @Test
  void theLeadTimeIsConfiguredButNeverBeforeAnApplicationMayBeMade() {
    SupervisionOrderReminders oneMonth = new SupervisionOrderReminders(ENGINE.jdbc, ENGINE.calendar,
        new SupervisionOrderExtensionProperties(3, 3, 1, null), uk.schoolattendance.schools.CompulsorySchoolAge.national());
    assertThat(oneMonth.remindOn(ENDS)).isEqualTo(LocalDate.of(2028, 1, 10));
    // a task due 6 weeks before the end would come before this reminder: due the day it comes
    assertThat(oneMonth.applyBy(ENDS)).isEqualTo(CaseFixtures.london(2028, 1, 10, 9));
    assertThat(SupervisionOrderExtensionProperties.defaults().reminderMonthsBefore()).isEqualTo(3);
    assertThatThrownBy(() -> new SupervisionOrderExtensionProperties(3, 3, 4, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reminder-months-before").hasMessageContaining("para 15(3)");
    assertThatThrownBy(() -> new SupervisionOrderExtensionProperties(3, 3, 0, null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SupervisionOrderExtensionProperties(3, 3, 3, 0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("apply-by-weeks-before");
  }

  /**
   * Para 15(3) counts from the day the order would expire, the day after its last day: an application
   * on the day three months before the last day risks being a day early; month ends do not clamp back.
   */
  @Test
  void theWindowOpensThreeMonthsBeforeTheDayTheOrderWouldExpire() {
    assertThat(reminders.windowOpens(ENDS)).isEqualTo(LocalDate.of(2027, 11, 10));
    assertThat(reminders.remindOn(ENDS)).isEqualTo(LocalDate.of(2027, 11, 10));
    assertThat(reminders.windowOpens(LocalDate.of(2028, 5, 31))).isEqualTo(LocalDate.of(2028, 3, 1));
    assertThat(reminders.windowOpens(LocalDate.of(2028, 11, 30))).isEqualTo(LocalDate.of(2028, 9, 1));
  }

  /** A reminder model that is missing or suspended throws, and the "started once" row goes with it. */
  @Test
  void aReminderThatCannotStartIsNotRecordedAsStarted() {
    TransactionTemplate transaction = new TransactionTemplate(ENGINE.beans.getBean(PlatformTransactionManager.class));
    engine.getRepositoryService().suspendProcessDefinitionByKey(SupervisionOrderReminder.KEY);
    try {
      assertThatThrownBy(() -> transaction.execute(status -> reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null)))
          .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
    } finally {
      engine.getRepositoryService().activateProcessDefinitionByKey(SupervisionOrderReminder.KEY);
    }
    assertThat(rows()).isZero();
    assertThat(running()).isZero();
    // once the model can start, the order gets its reminder
    assertThat(reminders.orderInForce(engine.getRuntimeService(), order, ENDS, null)).isTrue();
    assertThat(running()).isEqualTo(1);
  }

  /**
   * The two nodes above may run one after the other, when the COUNT alone stops the second: the
   * table's key itself refuses a second row for the same end, whatever the timing.
   */
  @Test
  void theTableRefusesASecondRowForTheSameEnd() {
    String insert = "INSERT INTO supervision_order_reminder (process_instance_id, ends_on, scheduled_on) VALUES (?, ?, ?)";
    ENGINE.jdbc.update(insert, order.processInstanceId(), java.sql.Date.valueOf(ENDS), java.sql.Date.valueOf(ENDS));
    assertThatThrownBy(() -> ENGINE.jdbc.update(insert, order.processInstanceId(), java.sql.Date.valueOf(ENDS),
        java.sql.Date.valueOf(ENDS.minusDays(1)))).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  /**
   * The record of who was reminded and who completed the task is kept as long as the court record
   * it explains (CourtProceedings' history time to live), not deleted years before it.
   */
  @Test
  void theReminderHistoryIsKeptAsLongAsTheCourtRecord() throws Exception {
    try (java.io.InputStream court = getClass().getClassLoader().getResourceAsStream("bpmn/CourtProceedings.bpmn")) {
      String courtTtl = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(court)
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
          .getCamundaHistoryTimeToLiveString();
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
          .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(java.time.Period.parse(courtTtl).getDays());
    }
  }

  /**
   * The form's words hold whatever the configured window and extension length: no "three months"
   * or "three years" beside the dates worked out from the settings; and para 15(2) as it is: the court
   * must have extended the order before it ends.
   */
  @Test
  void theFormSaysNoConfiguredNumberAndThatTheCourtMustExtendBeforeTheEnd() throws Exception {
    try (java.io.InputStream form = getClass().getClassLoader().getResourceAsStream("forms/consider-extending-supervision-order.form")) {
      String text = new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).doesNotContainIgnoringCase("three months").doesNotContainIgnoringCase("three years")
          .contains("The court must make the extension before the order ends");
    }
  }

  private long rows() {
    return ENGINE.jdbc.queryForObject("SELECT COUNT(*) FROM supervision_order_reminder WHERE process_instance_id = ?", Long.class,
        order.processInstanceId());
  }

  private long running() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
        .variableValueEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), order.processInstanceId()).count();
  }

  private Job timer() {
    return engine.getManagementService().createJobQuery().timers().activityId(SupervisionOrderReminder.REMINDER_DUE)
        .processInstanceId(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
            .variableValueEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), order.processInstanceId()).singleResult().getId())
        .singleResult();
  }

  private List<Task> tasks() {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
        .processVariableValueEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), order.processInstanceId()).list();
  }

  private HistoricProcessInstance ended() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
        .variableValueEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), order.processInstanceId()).finished()
        .orderByProcessInstanceEndTime().desc().listPage(0, 1).get(0);
  }
}
