package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.court.SupervisionOrderReminder;

/**
 * Before an education supervision order ends the attendance officers are asked, in Tasklist, to
 * consider extending it (Children Act 1989 Sch 3 para 15(3): the authority applies in its last three
 * months; an expired order cannot be extended). The order is made through the case's own steps; the
 * reminder comes on the day the application window opens, once; recording an extension moves it to
 * the new end; recording the court's discharge (para 17) takes it away. The case page says when it is due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SupervisionOrderReminderTest {

  static final String REMINDER = "Reminder to consider extending the order";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired uk.schoolattendance.court.OrdersInForceReminded onStart;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @AfterEach
  void reset() {
    TestClock.reset();
    identityService.clearAuthentication();
  }

  @Test
  void theOfficersAreRemindedWhenTheWindowOpensAndAnExtensionMovesTheReminderToTheNewEnd() {
    String reference = orders().withAnOrderMadeOn10February2027();
    // made on 10 February 2027, ends on 9 February 2028: one reminder, due when an application may first be made
    assertThat(reminders(reference)).hasSize(1);
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028")
        .containsEntry(REMINDER, "Due on 10 November 2027");
    Job due = timer(reference);
    assertThat(due.getDuedate()).isEqualTo(CaseFixtures.london(2027, 11, 10, 9));

    CaseFixtures.clockAt(2027, 11, 10, 9);
    managementService.executeJob(due.getId());
    // the timer made the task inside the one reminder: still one instance for this end
    assertThat(reminders(reference)).hasSize(1);
    Task task = officersTask(reference);
    assertThat(task.getName()).isEqualTo("Consider extending the education supervision order");
    assertThat(taskService.getVariable(task.getId(), SupervisionOrderReminder.SUPERVISION_ORDER_ENDS_ON_SHOWN.name()))
        .isEqualTo("9 February 2028");
    assertThat(taskService.getVariable(task.getId(), SupervisionOrderReminder.CASE_REFERENCE.name())).isEqualTo(reference);
    assertThat(courtFacts(reference)).containsEntry(REMINDER,
        "Due now: with the attendance officers in Tasklist since 10 November 2027; the task is due by 29 December 2027");

    // the senior practitioner records the extension the court granted: the reminder moves with the end
    CaseFixtures.clockAt(2027, 12, 1, 10);
    ResponseEntity<String> extended = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2027-12-01", "result", "extended", "newEndsOn", "2030-02-09"));
    assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(201);
    assertThat(officersTaskOrNull(reference)).isNull();
    assertThat(reminders(reference)).hasSize(1);
    assertThat(timer(reference).getDuedate()).isEqualTo(CaseFixtures.london(2029, 11, 10, 9));
    assertThat(courtFacts(reference)).containsEntry(REMINDER, "Due on 10 November 2029");

    // a refused application leaves the end, and its reminder, as they were
    CaseFixtures.clockAt(2029, 12, 3, 10);
    assertThat(post("senior", reference, "supervision-order-extensions", Map.of("appliedOn", "2029-12-03", "result", "refused"))
        .getStatusCode().value()).isEqualTo(201);
    assertThat(reminders(reference)).hasSize(1);
  }

  /**
   * The day the case page (and the order the API answers with) gives for a reminder is the one the
   * engine holds: the timer's, then the task's due date, each as a Europe/London day. A council that
   * changes reminder-months-before after a reminder was scheduled leaves that reminder's timer as it
   * was, so a day computed from today's setting would be wrong; here the timer is set to another day,
   * as such a change leaves it, and the page follows the timer.
   */
  @Test
  void theReminderShowsTheDayTheEngineHoldsNotTheDayTodaysSettingWouldGive() {
    String reference = orders().withAnOrderMadeOn10February2027();
    assertThat(courtFacts(reference)).containsEntry(REMINDER, "Due on 10 November 2027");
    // 23:30 UTC on 1 October 2027 is 00:30 on 2 October in London (British Summer Time)
    managementService.setJobDuedate(timer(reference).getId(), java.util.Date.from(java.time.Instant.parse("2027-10-01T23:30:00Z")));
    assertThat(courtFacts(reference)).containsEntry(REMINDER, "Due on 2 October 2027");
    // the order the API answers with says the same (a refused application changes neither end nor reminder)
    CaseFixtures.clockAt(2027, 12, 1, 10);
    ResponseEntity<String> waiting = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2027-12-01", "result", "refused"));
    assertThat(waiting.getStatusCode().value()).as(waiting.getBody()).isEqualTo(201);
    assertThat(waiting.getBody()).contains("\"reminder\":{\"dueOn\":\"2027-10-02\",\"inTasklist\":false,\"inTasklistSince\":null}");

    // the timer fires; the task's due date is the engine's too, here moved in Tasklist
    managementService.executeJob(timer(reference).getId());
    Task task = officersTask(reference);
    task.setDueDate(java.util.Date.from(java.time.Instant.parse("2028-01-03T00:30:00Z")));
    taskService.saveTask(task);
    assertThat(courtFacts(reference)).containsEntry(REMINDER,
        "Due now: with the attendance officers in Tasklist since 1 December 2027; the task is due by 3 January 2028");
    CaseFixtures.clockAt(2027, 12, 2, 10);
    ResponseEntity<String> inTasklist = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2027-12-02", "result", "refused"));
    assertThat(inTasklist.getStatusCode().value()).as(inTasklist.getBody()).isEqualTo(201);
    assertThat(inTasklist.getBody()).contains("\"reminder\":{\"dueOn\":\"2028-01-03\",\"inTasklist\":true,\"inTasklistSince\":\"2027-12-01\"}");
  }

  /**
   * A discharge recorded while the reminder's timer fires: the timer's transaction has changed the
   * reminder instance but not committed when the discharge tells the instance, so the discharge's
   * first try meets the engine's optimistic lock. The senior practitioner's discharge still succeeds
   * (tried again in a new transaction), is recorded once, and the reminder goes.
   */
  @Test
  void aDischargeWhileTheReminderFiresIsRecordedOnceAndTheReminderGoes() throws Exception {
    String reference = orders().withAnOrderMadeOn10February2027();
    String proceedings = (String) runtimeService.getVariable(reminders(reference).get(0).getId(),
        SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name());
    Job due = timer(reference);
    CaseFixtures.clockAt(2027, 11, 10, 9);
    org.springframework.transaction.support.TransactionTemplate transaction =
        new org.springframework.transaction.support.TransactionTemplate(transactions);
    java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    boolean metTheTimer;
    ResponseEntity<String> discharged;
    try {
      // the job executor fires the timer: the task is made, not yet committed
      java.util.concurrent.Future<?> timerFires = nodes.submit(() -> transaction.executeWithoutResult(status -> {
        managementService.executeJob(due.getId());
        fired.countDown();
        try {
          commit.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      fired.await();
      java.util.concurrent.Future<ResponseEntity<String>> discharge = nodes.submit(() ->
          post("senior", reference, "supervision-order-discharge", Map.of("dischargedOn", "2027-11-10")));
      // until the discharge waits for the timer's rows (then, once they commit, its version is stale)
      while (!discharge.isDone() && waitingForALock() == 0) {
        Thread.onSpinWait();
      }
      metTheTimer = !discharge.isDone();
      commit.countDown();
      timerFires.get();
      discharged = discharge.get();
    } finally {
      commit.countDown();
      nodes.shutdownNow();
    }
    assertThat(metTheTimer).as("the discharge met the timer's uncommitted change").isTrue();
    assertThat(discharged.getStatusCode().value()).as(discharged.getBody()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_order_discharge WHERE process_instance_id = ?", Integer.class,
        proceedings)).isEqualTo(1);
    assertThat(reminders(reference)).isEmpty();
    assertThat(officersTaskOrNull(reference)).isNull();
    assertThat(courtFacts(reference))
        .containsEntry("Education supervision order ends on", "10 November 2027 (discharged by the court, Children Act 1989 Sch 3 para 17)")
        .containsEntry(REMINDER, "None waiting");
  }

  @Test
  void aDischargeTakesTheReminderAwayAndLeavesNoOrderToExtend() {
    String reference = orders().withAnOrderMadeOn10February2027();
    CaseFixtures.clockAt(2027, 6, 14, 10);
    // refused, changing nothing: another role; no day; a day in the future
    assertThat(post("officer", reference, "supervision-order-discharge", Map.of("dischargedOn", "2027-06-14"))
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> noDay = post("senior", reference, "supervision-order-discharge", Map.of());
    assertThat(noDay.getStatusCode().value()).isEqualTo(400);
    assertThat(noDay.getBody()).contains("dischargedOn");
    ResponseEntity<String> future = post("senior", reference, "supervision-order-discharge", Map.of("dischargedOn", "2027-06-15"));
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody()).contains("dischargedOn", "future");
    assertThat(reminders(reference)).hasSize(1);

    ResponseEntity<String> discharged = post("senior", reference, "supervision-order-discharge", Map.of("dischargedOn", "2027-06-14"));
    assertThat(discharged.getStatusCode().value()).as(discharged.getBody()).isEqualTo(201);
    assertThat(reminders(reference)).isEmpty();
    assertThat(courtFacts(reference))
        .containsEntry("Education supervision order ends on", "14 June 2027 (discharged by the court, Children Act 1989 Sch 3 para 17)")
        .containsEntry(REMINDER, "None waiting");
    // a discharged order is not extended, nor discharged again
    CaseFixtures.clockAt(2027, 11, 10, 10);
    ResponseEntity<String> extension = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2027-11-10", "result", "extended", "newEndsOn", "2029-02-09"));
    assertThat(extension.getStatusCode().value()).isEqualTo(400);
    assertThat(extension.getBody()).contains("no education supervision order in force");
    assertThat(post("senior", reference, "supervision-order-discharge", Map.of("dischargedOn", "2027-06-20"))
        .getStatusCode().value()).isEqualTo(400);
    assertThat(reminders(reference)).isEmpty();
  }

  @Test
  void anOrderMadeBeforeRemindersExistedGetsOneAtStartUpOnce() {
    String reference = orders().withAnOrderMadeOn10February2027();
    // as if made by the previous version: no reminder and no record of one
    String reminder = reminders(reference).get(0).getProcessInstanceId();
    String proceedings = (String) runtimeService.getVariable(reminder, SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name());
    runtimeService.deleteProcessInstance(reminder, "made before reminders existed");
    jdbc.update("DELETE FROM supervision_order_reminder WHERE process_instance_id = ?", proceedings);
    assertThat(reminders(reference)).isEmpty();

    // another order with no reminder, another test's: this test's catch-up leaves it alone
    String other = orders().withAnOrderMadeOn10February2027();
    String otherProceedings = forgetReminder(other);

    assertThat(onStart.remindOrdersInForce(List.of(proceedings))).isEqualTo(1);
    assertThat(reminders(reference)).hasSize(1);
    assertThat(timer(reference).getDuedate()).isEqualTo(CaseFixtures.london(2027, 11, 10, 9));
    assertThat(reminders(other)).isEmpty();
    // the next start (or the other node) starts none for it again
    assertThat(onStart.remindOrdersInForce(List.of(proceedings))).isZero();
    assertThat(reminders(reference)).hasSize(1);
    jdbc.update("DELETE FROM supervision_order_reminder WHERE process_instance_id = ?", otherProceedings);
  }

  /**
   * An extension recorded late, when its new end has passed too, starts no reminder: both its timers
   * would be overdue, and the officers could be asked to extend an order that has already ended.
   */
  @Test
  void anExtensionRecordedAfterItsNewEndStartsNoReminder() {
    String reference = orders().withAnOrderMadeOn10February2027();
    CaseFixtures.clockAt(2029, 3, 1, 10);
    ResponseEntity<String> late = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2028-01-20", "result", "extended", "newEndsOn", "2029-02-09"));
    assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(201);
    assertThat(reminders(reference)).isEmpty();
    assertThat(officersTaskOrNull(reference)).isNull();
  }

  /**
   * Review item 9: a node starting while an extension is being recorded. The catch-up locks the
   * proceedings' row, as recording does, so it waits for the extension and reminds of the new end;
   * it never starts the old end's reminder beside the one the extension moves to.
   */
  @Test
  void aCatchUpWhileAnExtensionIsBeingRecordedRemindsOfTheNewEndOnly() throws Exception {
    String reference = orders().withAnOrderMadeOn10February2027();
    String proceedings = forgetReminder(reference);
    CaseFixtures.clockAt(2027, 12, 1, 10);
    org.springframework.transaction.support.TransactionTemplate transaction =
        new org.springframework.transaction.support.TransactionTemplate(transactions);
    java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      // the senior practitioner's extension, locked and written but not yet committed
      java.util.concurrent.Future<?> extension = nodes.submit(() -> transaction.executeWithoutResult(status -> {
        jdbc.queryForList("SELECT process_instance_id FROM court_proceedings WHERE case_reference = ? FOR UPDATE", reference);
        jdbc.update("INSERT INTO supervision_order_extension (process_instance_id, applied_on, ends_on_before, result, new_ends_on,"
            + " recorded_by, recorded_on) VALUES (?, ?, ?, ?, ?, ?, ?)", proceedings, java.sql.Date.valueOf("2027-12-01"),
            java.sql.Date.valueOf("2028-02-09"), "extended", java.sql.Date.valueOf("2030-02-09"), "senior",
            java.sql.Date.valueOf("2027-12-01"));
        locked.countDown();
        try {
          recorded.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      locked.await();
      java.util.concurrent.Future<Integer> catchUp = nodes.submit(() -> onStart.remindOrdersInForce(List.of(proceedings)));
      // until the catch-up waits for the extension's lock (or, without the lock, has finished)
      while (!catchUp.isDone() && waitingForALock() == 0) {
        Thread.onSpinWait();
      }
      recorded.countDown();
      extension.get();
      catchUp.get();
    } finally {
      recorded.countDown();
      nodes.shutdownNow();
    }
    assertThat(reminders(reference)).hasSize(1);
    assertThat(SupervisionOrderReminder.SUPERVISION_ORDER_ENDS_ON.from(runtimeService.getVariable(reminders(reference).get(0).getId(),
        SupervisionOrderReminder.SUPERVISION_ORDER_ENDS_ON.name()))).isEqualTo(java.time.LocalDate.of(2030, 2, 9));
  }

  private long waitingForALock() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL", Long.class);
  }

  /** As if the order were made by the previous version: no reminder and no record of one. */
  private String forgetReminder(String reference) {
    String reminder = reminders(reference).get(0).getProcessInstanceId();
    String proceedings = (String) runtimeService.getVariable(reminder, SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name());
    runtimeService.deleteProcessInstance(reminder, "made before reminders existed");
    jdbc.update("DELETE FROM supervision_order_reminder WHERE process_instance_id = ?", proceedings);
    return proceedings;
  }

  @Test
  void aCareOrderEndsTheOrderAndItsReminder() {
    String reference = orders().withAnOrderMadeOn10February2027();
    CaseFixtures.clockAt(2027, 9, 1, 10);
    ResponseEntity<String> unknown = post("senior", reference, "supervision-order-discharge",
        Map.of("dischargedOn", "2027-08-31", "endedBy", "adoption"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("endedBy", "care-order");
    assertThat(reminders(reference)).hasSize(1);
    // Children Act 1989 Sch 3 para 15(6)(b): the order ceases to have effect on the making of a care order
    ResponseEntity<String> careOrder = post("senior", reference, "supervision-order-discharge",
        Map.of("dischargedOn", "2027-08-31", "endedBy", "care-order"));
    assertThat(careOrder.getStatusCode().value()).as(careOrder.getBody()).isEqualTo(201);
    assertThat(careOrder.getBody()).contains("\"endedBy\":\"care-order\"");
    assertThat(reminders(reference)).isEmpty();
    assertThat(courtFacts(reference))
        .containsEntry("Education supervision order ends on", "31 August 2027 (a care order was made: Children Act 1989 Sch 3 para 15(6)(b))")
        .containsEntry(REMINDER, "None waiting");
    // nothing left to discharge: the senior practitioner's page says why instead of the form
    assertThat(orderEndedOnSeniorsPage(reference)).isEqualTo("Ended: care order made on 31 August 2027");
    // nor to extend: the API refuses it, as para 15(6)(b) leaves no order in force
    assertThat(CaseFileClient.signedIn(port, "senior").get("/casework/cases/" + reference).html().selectFirst("#extension-form"))
        .as("no extension form once a care order ended the order").isNull();
    ResponseEntity<String> extension = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2027-08-20", "result", "refused"));
    assertThat(extension.getStatusCode().value()).as(extension.getBody()).isEqualTo(400);
  }

  @Test
  void anOrderThatEndedByItsLastDayStillTakesTheExtensionTheCourtMadeBeforeItExpired() {
    String reference = orders().withAnOrderMadeOn10February2027();
    // ends on 9 February 2028; the court extended it on an application of 20 January 2028 (para 15(2)),
    // and the senior practitioner records it after the old end
    CaseFixtures.clockAt(2028, 2, 14, 10);
    assertThat(orderEndedOnSeniorsPage(reference)).isEqualTo("Ended: its last day was 9 February 2028");
    assertThat(CaseFileClient.signedIn(port, "senior").get("/casework/cases/" + reference).html().selectFirst("#extension-form"))
        .as("the page offers what the API takes").isNotNull();
    ResponseEntity<String> extended = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2028-01-20", "result", "extended", "newEndsOn", "2029-02-09"));
    assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(201);
    assertThat(orderEndedOnSeniorsPage(reference)).isNull();
  }

  @Test
  void anOrderCeasesWhenTheChildCeasesToBeOfCompulsorySchoolAgeAndNoOneIsRemindedToExtendIt() {
    // born 31 August 2011: 16 in the school year 2026/27, compulsory school age ends on 25 June 2027, before
    // the order's own end, 9 February 2028 (Children Act 1989 Sch 3 para 15(6)(a); Education Act 1996 s8(3))
    String reference = orders().withAnOrderMadeOn10February2027ForAChildBorn(java.time.LocalDate.of(2011, 8, 31));
    assertThat(reminders(reference)).as("no reminder to extend an order that ends with compulsory school age").isEmpty();
    assertThat(courtFacts(reference))
        .containsEntry("Education supervision order ends on", "25 June 2027 (the child ceases to be of compulsory school age:"
            + " Children Act 1989 Sch 3 para 15(6)(a), Education Act 1996 s8)")
        .containsEntry(REMINDER, "None waiting");
    // an extension past that day is refused, naming the day (the court's order cannot outlast it)
    CaseFixtures.clockAt(2027, 4, 1, 10);
    assertThat(orderEndedOnSeniorsPage(reference)).as("in force until 25 June 2027: the discharge form").isNull();
    ResponseEntity<String> extension = post("senior", reference, "supervision-order-extensions",
        Map.of("appliedOn", "2027-04-01", "result", "extended", "newEndsOn", "2028-02-09"));
    assertThat(extension.getStatusCode().value()).isEqualTo(400);
    assertThat(extension.getBody()).contains("newEndsOn", "para 15(6)", "25 June 2027");
    // after that day there is no order to discharge
    CaseFixtures.clockAt(2027, 7, 1, 10);
    ResponseEntity<String> discharge = post("senior", reference, "supervision-order-discharge", Map.of("dischargedOn", "2027-07-01"));
    assertThat(discharge.getStatusCode().value()).isEqualTo(400);
    assertThat(discharge.getBody()).contains("dischargedOn", "already ended on 25 June 2027", "para 15(6)(a)");
    assertThat(orderEndedOnSeniorsPage(reference)).isEqualTo("Ended at the end of compulsory school age on 25 June 2027");
    // an order made before this rule, whose reminder is missing, gets none at start-up either
    onStart.remindOrdersInForce();
    assertThat(reminders(reference)).isEmpty();
  }

  @Test
  void aChildBornOnFirstSeptemberKeepsTheOrderToItsOwnEndAndItsReminder() {
    // born 1 September 2011: compulsory school age ends on 30 June 2028, after 9 February 2028
    String reference = orders().withAnOrderMadeOn10February2027ForAChildBorn(java.time.LocalDate.of(2011, 9, 1));
    assertThat(reminders(reference)).hasSize(1);
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028")
        .containsEntry(REMINDER, "Due on 10 November 2027");
  }

  /**
   * The line the senior practitioner's case page shows in place of the discharge form once the order
   * is no longer in force; null when the form is shown (and then there is no line).
   */
  private String orderEndedOnSeniorsPage(String reference) {
    org.jsoup.nodes.Document page = CaseFileClient.signedIn(port, "senior").get("/casework/cases/" + reference).html();
    org.jsoup.nodes.Element line = page.selectFirst("#order-ended-line");
    if (line == null) {
      assertThat(page.selectFirst("#discharge-form")).as("the discharge form, while the order is in force").isNotNull();
      return null;
    }
    assertThat(page.selectFirst("#discharge-form")).as("no discharge form once the order is no longer in force").isNull();
    return line.text();
  }

  private SupervisionOrderCases orders() {
    return new SupervisionOrderCases(runtimeService, taskService, identityService, managementService);
  }

  private List<ProcessInstance> reminders(String reference) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
        .processInstanceBusinessKey(reference).list();
  }

  private Job timer(String reference) {
    return managementService.createJobQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
        .processInstanceId(reminders(reference).get(0).getId()).activityId(SupervisionOrderReminder.REMINDER_DUE).singleResult();
  }

  /** The task as an attendance officer finds it among the group's tasks (the engine's authorizations on). */
  private Task officersTaskOrNull(String reference) {
    identityService.setAuthentication("officer",
        identityService.createGroupQuery().groupMember("officer").list().stream().map(Group::getId).toList());
    try {
      return taskService.createTaskQuery().taskCandidateGroup("attendance-officers").processInstanceBusinessKey(reference)
          .taskDefinitionKey(SupervisionOrderReminder.CONSIDER_EXTENDING.id()).singleResult();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task officersTask(String reference) {
    Task task = officersTaskOrNull(reference);
    assertThat(task).as("the officers' reminder").isNotNull();
    return task;
  }

  private ResponseEntity<String> post(String user, String reference, String what, Map<String, String> body) {
    return SupervisionOrderCases.postToCase(rest, user, reference, what, body);
  }

  private Map<String, String> courtFacts(String reference) {
    return SupervisionOrderCases.courtFacts(port, reference);
  }
}
