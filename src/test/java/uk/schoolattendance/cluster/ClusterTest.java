package uk.schoolattendance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda 7's cluster: two application nodes, each its own JVM running the real application with
 * its job executor, sharing one PostgreSQL (embedded, started by the build) and nothing else.
 * The test drives the engine through a third engine on the same database whose job executor is
 * off, and reads the effects and the job log with SQL.
 *
 * <p>Scaled to keep the build quick, and said so: the lock time is 15 s instead of the product's
 * 60 s, and idle nodes poll every 0.5–2 s instead of 5–60 s. The tests run in order on one
 * cluster; the last one kills a node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

  private static final int LOCK_TIME_MS = 15_000;
  private static final String PROCESS = "ClusterProbe";
  private static final String ADMIN_PASSWORD = "Two-Nodes-0ne-Database!";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate sql;
  private static NodeProcess nodeA;
  private static NodeProcess nodeB;
  private static ProcessEngine client;

  @BeforeAll
  static void startCluster() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    sql = new JdbcTemplate(postgres.getPostgresDatabase());
    sql.execute(ProbeEffects.TABLE);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    List<String> common =
        List.of(
            "--spring.profiles.active=postgres",
            "--ATTENDANCE_DB_URL=" + url,
            "--ATTENDANCE_DB_USER=postgres",
            "--ATTENDANCE_DB_PASSWORD=postgres",
            "--ATTENDANCE_ADMIN_USER=admin",
            "--ATTENDANCE_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
            "--attendance.schools[0].urn=100001",
            "--attendance.schools[0].name=Riverside Primary School",
            "--attendance.schools[0].serviceLevel=traded",
            "--attendance.schools[0].namedOfficer=officer",
            // a council's own details: without them no penalty notice is prepared (docs/penalty-notices.md)
            "--attendance.penalty-notices.authority.name=Seaview Borough Council",
            "--attendance.penalty-notices.authority.address=Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX",
            "--attendance.penalty-notices.authority.payment-by-cheque=true",
            "--camunda.bpm.deployment-resource-pattern=classpath*:bpmn/**/*.bpmn,"
                + "classpath*:bpmn/**/*.dmn,classpath*:forms/**/*.form,classpath*:cluster/*.bpmn",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MS,
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=2000");
    // Both nodes start at once, as docker compose starts its replicas.
    nodeA = new NodeProcess("node-a", common).start();
    nodeB = new NodeProcess("node-b", common).start();
    nodeA.awaitReady(Duration.ofMinutes(3));
    nodeB.awaitReady(Duration.ofMinutes(3));

    // The client reads the nodes' database as they made it: BPMN only, no CMMN tables.
    StandaloneProcessEngineConfiguration bpmnOnly = new StandaloneProcessEngineConfiguration();
    bpmnOnly.setCmmnEnabled(false);
    ProcessEngineConfiguration configuration =
        bpmnOnly
            .setProcessEngineName("cluster-test-client")
            .setJdbcUrl(url)
            .setJdbcUsername("postgres")
            .setJdbcPassword("postgres")
            .setJdbcDriver("org.postgresql.Driver")
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            .setJobExecutorActivate(false);
    client = configuration.buildProcessEngine();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (client != null) {
      client.close();
    }
    for (NodeProcess node : new NodeProcess[] {nodeA, nodeB}) {
      if (node != null) {
        node.stop();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private record Case(String businessKey, String instanceId) {}

  /** Cases waiting at their review date, as a real case waits for weeks. */
  private static List<Case> casesAtReviewStage(String batch, int count) {
    Date farAway = new Date(System.currentTimeMillis() + Duration.ofDays(28).toMillis());
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String businessKey = batch + "-" + i;
      ProcessInstance instance =
          client
              .getRuntimeService()
              .createProcessInstanceByKey(PROCESS)
              .businessKey(businessKey)
              .setVariable("reviewDue", farAway)
              .startBeforeActivity("Event_ReviewDateReached")
              .execute();
      cases.add(new Case(businessKey, instance.getId()));
    }
    return cases;
  }

  /** The morning the review dates come: every timer of the batch falls due now. */
  private static void reviewDatesFallDueNow(List<Case> cases) {
    Date now = new Date();
    for (Case c : cases) {
      Job timer =
          client.getManagementService().createJobQuery().processInstanceId(c.instanceId())
              .timers().singleResult();
      client.getManagementService().setJobDuedate(timer.getId(), now);
    }
  }

  private static long finished(String batch) {
    return client.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS).processInstanceBusinessKeyLike(batch + "-%")
        .finished().count();
  }

  private static Map<String, Long> reviewsByNode(String batch) {
    return sql
        .queryForList(
            "select node, count(*) as n from probe_effect where effect_key like ? group by node",
            batch + "-%/Task_RecordReview")
        .stream()
        .collect(Collectors.toMap(row -> (String) row.get("node"), row -> ((Number) row.get("n")).longValue()));
  }

  private static long failedJobs() {
    return client.getHistoryService().createHistoricJobLogQuery().processDefinitionKey(PROCESS)
        .failureLog().count();
  }

  /**
   * 200 review dates fall due on the same morning: every timer fires once and every review is
   * recorded once, and both nodes take a share of the timers and of the reviews. Which node polls
   * first is a matter of timing (an idle node on a fast machine can clear all 200 before the other
   * wakes), so the test makes the morning busy as a real one is: each step is held in an open
   * transaction until both nodes hold some of that step's jobs, as a node does when its threads are
   * busy and the other takes what it cannot.
   */
  @Test
  @Order(1)
  void timersFallingDueTogetherFireExactlyOnceSharedByBothNodes() throws Exception {
    List<Case> cases = casesAtReviewStage("MORNING", 200);
    try (Connection reviewsHeld = heldOpen(); Connection casesHeld = heldOpen()) {
      // each review's insert waits for this transaction's rows with the same keys
      try (PreparedStatement insert =
          reviewsHeld.prepareStatement("insert into probe_effect (effect_key, node) values (?, 'blocker')")) {
        for (Case c : cases) {
          insert.setString(1, ProbeEffects.key(c.businessKey(), "Task_RecordReview"));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      // each timer's move to the review waits for its case's row
      try (PreparedStatement lock = casesHeld.prepareStatement(
          "select id_ from act_ru_execution where proc_inst_id_ in"
              + " (select id_ from act_ru_execution where business_key_ like ?) for update")) {
        lock.setString(1, "MORNING-%");
        lock.executeQuery().close();
      }
      reviewDatesFallDueNow(cases);
      awaitBothNodesHold("timer-intermediate-transition");
      casesHeld.rollback();
      awaitBothNodesHold("async-continuation");
      reviewsHeld.rollback();
    }

    await("200 reviews").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> finished("MORNING") == 200);

    Map<String, Long> byNode = reviewsByNode("MORNING");
    System.out.println("Reviews by node: " + byNode);
    assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
    assertThat(byNode).containsOnlyKeys("node-a", "node-b");
    // Which node fired each timer, from the engine's own job log: each timer once.
    List<Map<String, Object>> firings = sql.queryForList(
        "select job_id_, hostname_ from act_hi_job_log where process_def_key_ = ?"
            + " and job_def_type_ = 'timer-intermediate-transition' and job_state_ = 2"
            + " and process_instance_id_ in (select proc_inst_id_ from act_hi_procinst where business_key_ like ?)",
        PROCESS, "MORNING-%");
    assertThat(firings).hasSize(200);
    assertThat(firings.stream().map(row -> row.get("job_id_")).distinct()).hasSize(200);
    assertThat(firings.stream().map(row -> row.get("hostname_")).distinct())
        .containsExactlyInAnyOrder("node-a", "node-b");
    assertThat(failedJobs()).isZero();
    assertThat(client.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(sql.queryForObject("select count(*) from probe_effect where node = 'blocker'", Long.class))
        .isZero();
  }

  /** A connection whose transaction stays open until the test rolls it back. */
  private static Connection heldOpen() throws SQLException {
    Connection connection = postgres.getPostgresDatabase().getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  /**
   * Both nodes hold jobs of this kind at once. Well inside the lock time, so no lock runs out
   * while its job waits (a job whose lock ran out would be taken by the other node as well).
   */
  private static void awaitBothNodesHold(String handlerType) {
    await("both nodes hold " + handlerType).atMost(Duration.ofMillis(LOCK_TIME_MS / 2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> lockedBy("node-a", handlerType) > 0 && lockedBy("node-b", handlerType) > 0);
  }

  /**
   * Penalty notice referrals, made as only a case makes them: attendance cases opened at Level 4
   * and their Pupil Planning Meetings held through the engine REST API of both nodes in turn,
   * each choosing penalty notices. Each notice is issued by an asynchronous job that either node
   * may run, and the register holds exactly one notice per parent.
   */
  @Test
  @Order(3)
  void penaltyNoticeReferralsProduceExactlyOneNoticePerParent() throws Exception {
    int parents = 30;
    for (int i = 0; i < parents; i++) {
      NodeProcess node = i % 2 == 0 ? nodeA : nodeB;
      String businessKey = "AC-2026-" + (900_000 + i);
      post(node, "/engine-rest/process-definition/key/AttendanceCase/start", RestBodies.attendanceCaseStart(
          businessKey, uk.schoolattendance.process.Upn.of(801_500_000_000L + i), RestBodies.name("Pupil", i), "CLUSTER-P" + i, 4));
      String meeting = client.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
          .taskDefinitionKey("Task_HoldPupilPlanningMeeting").singleResult().getId();
      post(node, "/engine-rest/task/" + meeting + "/complete", RestBodies.penaltyNoticeRoute());
    }

    // each case names one parent (a person: the same name and address in every case) for its own pupil
    String referred = "from pn_notice where case_reference between 'AC-2026-900000' and 'AC-2026-900029'";
    await("every notice issued").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> sql.queryForObject("select count(*) " + referred, Long.class) == parents);
    assertThat(sql.queryForObject("select count(distinct case_reference) " + referred, Long.class)).isEqualTo(parents);
    assertThat(sql.queryForObject("select count(distinct notice_number) " + referred, Long.class)).isEqualTo(parents);
    assertThat(sql.queryForObject("select count(distinct person_id) " + referred, Long.class)).isEqualTo(1);
    assertThat(client.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("PenaltyNotice")
        .failureLog().count()).isZero();
    System.out.println("Notices issued by node: " + sql.queryForList(
        "select hostname_, count(*) from act_hi_job_log where process_def_key_ = 'PenaltyNotice'"
            + " and job_state_ = 2 group by hostname_"));
  }

  /**
   * Real attendance cases, opened and their attendance meetings held through the engine REST
   * API of both nodes in turn: on the morning their review dates come, every review timer fires
   * once, on one node or the other, and every case has exactly one review to hold.
   */
  @Test
  @Order(2)
  void attendanceCaseReviewTimersFireOnceEachOnEitherNode() throws Exception {
    int count = 100;
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      NodeProcess node = i % 2 == 0 ? nodeA : nodeB;
      String businessKey = "AC-2026-" + (800_000 + i);
      post(node, "/engine-rest/process-definition/key/AttendanceCase/start",
          RestBodies.attendanceCaseStart(businessKey, uk.schoolattendance.process.Upn.of(801_300_000_000L + i), RestBodies.name("Pupil", i), "P" + i, 2));
      String instanceId = client.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("AttendanceCase").processInstanceBusinessKey(businessKey).singleResult().getId();
      String meeting = client.getTaskService().createTaskQuery().processInstanceId(instanceId)
          .taskDefinitionKey("Task_HoldAttendanceMeeting").singleResult().getId();
      post(node, "/engine-rest/task/" + meeting + "/complete",
          "{\"variables\":{\"attendanceTarget\":{\"value\":92.0,\"type\":\"Double\"}}}");
      cases.add(new Case(businessKey, instanceId));
    }
    reviewDatesFallDueNow(cases);

    await("every review due").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> client.getTaskService().createTaskQuery().processDefinitionKey("AttendanceCase")
            .taskDefinitionKey("Task_ReviewAttendance").processInstanceBusinessKeyLike("AC-2026-8%").count() == count);
    for (Case c : cases) {
      assertThat(client.getTaskService().createTaskQuery().processInstanceId(c.instanceId())
          .taskDefinitionKey("Task_ReviewAttendance").count()).as(c.businessKey()).isEqualTo(1);
    }
    List<Map<String, Object>> firings = sql.queryForList(
        "select job_id_, hostname_ from act_hi_job_log where process_def_key_ = 'AttendanceCase'"
            + " and act_id_ = 'Event_ReviewDateReached' and job_state_ = 2");
    assertThat(firings).hasSize(count);
    assertThat(firings.stream().map(row -> row.get("job_id_")).distinct()).hasSize(count);
    Map<Object, Long> byNode = firings.stream()
        .collect(Collectors.groupingBy(row -> row.get("hostname_"), Collectors.counting()));
    System.out.println("Attendance case review timers by node: " + byNode);
    // Which node fires which timer depends on their polling; that both share the work is
    // shown with 200 timers in the first test (a loaded machine can leave 100 to one node).
    assertThat(byNode.keySet()).isSubsetOf("node-a", "node-b");
    assertThat(client.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("AttendanceCase")
        .failureLog().count()).isZero();
  }

  private static void post(NodeProcess node, String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(node.uri(path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 204);
  }

  @Test
  @Order(4)
  void whenANodeDiesMidWorkTheOtherFinishesEverything() throws Exception {
    List<Case> cases = casesAtReviewStage("CRASH", 200);
    // Hold every review's key in an open transaction: each node's review jobs block on the
    // insert, so node B is certainly in the middle of work when it dies.
    try (Connection blocker = postgres.getPostgresDatabase().getConnection()) {
      blocker.setAutoCommit(false);
      try (PreparedStatement insert =
          blocker.prepareStatement("insert into probe_effect (effect_key, node) values (?, 'blocker')")) {
        for (Case c : cases) {
          insert.setString(1, ProbeEffects.key(c.businessKey(), "Task_RecordReview"));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      reviewDatesFallDueNow(cases);
      await("node B busy").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
          .until(() -> lockedBy("node-b", "async-continuation") > 0);

      nodeB.kill();
      List<String> orphans =
          sql.queryForList("select id_ from act_ru_job where lock_owner_ = 'node-b'", String.class);
      assertThat(orphans).isNotEmpty();
      blocker.rollback();

      // Node A goes on, and takes over B's jobs once their lock has expired.
      await("node A finishes B's work").atMost(Duration.ofMillis(LOCK_TIME_MS).plusMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> finished("CRASH") == 200);
      assertThat(reviewsByNode("CRASH").values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(200);
      for (String orphan : orphans) {
        assertThat(
                sql.queryForObject(
                    "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2"
                        + " and hostname_ = 'node-a'",
                    Long.class, orphan))
            .as("job %s left by node B, run by node A", orphan)
            .isEqualTo(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(client.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(sql.queryForObject("select count(*) from probe_effect where node = 'blocker'", Long.class))
        .isZero();
  }

  private static long lockedBy(String node, String handlerType) {
    return sql.queryForObject(
        "select count(*) from act_ru_job where lock_owner_ = ? and handler_type_ = ?",
        Long.class, node, handlerType);
  }
}
