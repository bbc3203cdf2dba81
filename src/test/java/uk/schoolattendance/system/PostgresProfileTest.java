package uk.schoolattendance.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Date;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import uk.schoolattendance.AttendanceApplication;
import uk.schoolattendance.casefile.CaseIndexBackfillTest;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.casefile.index.CaseIndexBackfill;
import uk.schoolattendance.casefile.index.CaseRow;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.engine.CaseFileHistoryLevel;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.engine.StartupLock;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The {@code postgres} profile against a real PostgreSQL (embedded, started by the build): the
 * engine's schema, the project's Flyway migrations after it, the tuned engine, and a case's
 * round trip through runtime and history. The application reads the database from
 * ATTENDANCE_DB_URL/USER/PASSWORD exactly as in production.
 */
class PostgresProfileTest {

  private static EmbeddedPostgres postgres;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void startApplicationOnPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    app =
        new SpringApplicationBuilder(AttendanceApplication.class)
            .profiles("demo", "test", "postgres")
            .properties(
                "ATTENDANCE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                "ATTENDANCE_DB_USER=postgres",
                "ATTENDANCE_DB_PASSWORD=postgres",
                // Its own engine name: closing this application must not unregister the engine
                // "default" of the cached Spring test contexts that share this JVM.
                "camunda.bpm.process-engine-name=postgresProfileTest",
                "server.port=0",
                // application.yaml says server.port: ${PORT:8080}, which outranks the line above
                "PORT=0")
            .run();
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  private static JdbcTemplate jdbc() {
    return bean(JdbcTemplate.class);
  }

  @Test
  void engineSchemaIsOnPostgres() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) bean(ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    assertThat(
            jdbc()
                .queryForObject(
                    "select count(*) from information_schema.tables where table_name in"
                        + " ('act_ru_job', 'act_ru_task', 'act_hi_procinst', 'act_hi_job_log')",
                    Integer.class))
        .isEqualTo(4);
  }

  @Test
  void flywayMigratesEverythingAfterTheEngineSchema() {
    Flyway flyway = bean(Flyway.class);
    assertThat(flyway.info().pending()).isEmpty();
    List<String> applied =
        List.of(flyway.info().applied()).stream()
            .map(MigrationInfo::getVersion)
            .map(String::valueOf)
            .toList();
    // The baseline sits at 0, so migrations from V1 on all ran although the schema was not empty.
    assertThat(applied).contains("0", "100");
    assertThat(
            jdbc()
                .queryForList(
                    "select indexname from pg_indexes where indexname in"
                        + " ('att_idx_job_duedate', 'att_idx_ident_lnk_group_task')",
                    String.class))
        .containsExactlyInAnyOrder("att_idx_job_duedate", "att_idx_ident_lnk_group_task");
    // Tasklist's authorization checks are planned with real numbers (V101, PostgreSQL only).
    assertThat(applied).contains("101");
    assertThat(jdbc().queryForList("select stxname from pg_statistic_ext where stxname like 'att_stat_auth_perm_%'", String.class))
        .containsExactlyInAnyOrder("att_stat_auth_perm_read", "att_stat_auth_perm_read_task",
            "att_stat_auth_perm_read_instance", "att_stat_auth_perm_read_history");
    assertThat(jdbc().queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    // ... and look up only task and process-definition grants for each task (V260, PostgreSQL only).
    assertThat(applied).contains("260");
    assertThat(jdbc().queryForObject(
            "select indexdef from pg_indexes where indexname = 'att_idx_auth_task_resource'", String.class))
        .contains("(resource_id_)").contains("resource_type_");
    // ... and of the task grants only those with READ, which a task query's condition implies (V270)
    assertThat(applied).contains("270");
    assertThat(jdbc().queryForObject(
            "select indexdef from pg_indexes where indexname = 'att_idx_auth_task_read'", String.class))
        .contains("(resource_id_)").contains("perms_");
    assertThat(readGrantsPlan()).contains("att_idx_auth_task_read");
    // ... and with statistics on who holds which permission (V290): an officer holds one READ-less
    // grant per task offered to them and their team, so without them PostgreSQL expects tens of
    // thousands of the grants to let the officer read, and looks the grants up once per task
    assertThat(applied).contains("290");
    assertThat(jdbc().queryForObject("select pg_get_statisticsobjdef_columns(oid) || case when 'm' = any(stxkind) then ' (mcv)' end"
            + " from pg_statistic_ext where stxname = 'att_stat_auth_principal_perms'", String.class))
        .contains("user_id_", "group_id_", "resource_type_", "(perms_ & 2)", "(perms_ & 64)").endsWith(" (mcv)");
  }

  /**
   * The plan of the grants a task query reads for one task, with the condition Camunda's task
   * query puts on them (Authorization.xml, authCheckJoinWithoutOnClauseWithBinding), in a
   * transaction that is rolled back, without the grants' other indexes (but the primary key) and with
   * sequential scans off: PostgreSQL uses a partial index only where the condition implies its
   * predicate.
   */
  private String readGrantsPlan() {
    return jdbc().execute((org.springframework.jdbc.core.ConnectionCallback<String>) connection -> {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("set local enable_seqscan = off");
        List<String> others = new java.util.ArrayList<>();
        try (java.sql.ResultSet rows = statement.executeQuery("select coalesce('alter table act_ru_authorization drop"
            + " constraint ' || con.conname, 'drop index ' || c.relname) from pg_index i join pg_class c on c.oid ="
            + " i.indexrelid left join pg_constraint con on con.conindid = i.indexrelid where i.indrelid ="
            + " 'act_ru_authorization'::regclass and not i.indisprimary and c.relname <> 'att_idx_auth_task_read'")) {
          while (rows.next()) {
            others.add(rows.getString(1));
          }
        }
        for (String drop : others) {
          statement.execute(drop);
        }
        StringBuilder plan = new StringBuilder();
        try (java.sql.ResultSet rows = statement.executeQuery("explain select A.* from ACT_RU_AUTHORIZATION A"
            + " where A.TYPE_ < 2 and (A.USER_ID_ in ('officer', '*') or A.GROUP_ID_ in ('attendance-officers'))"
            + " and (A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2 or A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64)"
            + " and A.RESOURCE_ID_ in ('some-task', 'AttendanceCase', '*')")) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        return plan.toString();
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    });
  }

  @Test
  void engineIsTunedForAClusterOnOneDatabase() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) bean(ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(configuration.getHistory()).isEqualTo(CaseFileHistoryLevel.NAME);
    assertThat(configuration.getHistoryLevel().getId()).isEqualTo(3);
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(configuration.getHostname());
    // Taken while the engine built its schema, given back once the node accepts traffic.
    assertThat(bean(StartupLock.class).isHeld()).isFalse();
    assertThat(
            jdbc().queryForObject(
                "select count(*) from pg_locks where locktype = 'advisory'", Integer.class))
        .isZero();
    // The test profile switches the job executor off; these are what a node runs with.
    JobExecutionProperty jobExecution = bean(CamundaBpmProperties.class).getJobExecution();
    assertThat(jobExecution.getLockTimeInMillis()).isEqualTo(60_000);
    assertThat(jobExecution.getMaxJobsPerAcquisition()).isEqualTo(8);
    assertThat(jobExecution.getBackoffTimeInMillis()).isEqualTo(100);
  }

  @Test
  void deploysEveryProcessOfTheContract() {
    List<String> keys =
        bean(RepositoryService.class).createProcessDefinitionQuery().latestVersion().list().stream()
            .map(ProcessDefinition::getKey)
            .toList();
    assertThat(keys)
        .contains(
            "AttendanceCase",
            "NoticeToImprove",
            "PenaltyNotice",
            "CourtProceedings",
            "TargetingSupportMeeting");
  }

  @Test
  void caseRunsThroughUserTaskTimerAndJobIntoHistory() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("PostgresRoundTrip")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Check")
            .camundaCandidateGroups("attendance-officers")
            .intermediateCatchEvent("Event_ReviewDateReached")
            .timerWithDuration("P28D")
            .serviceTask("Task_Record")
            .camundaAsyncBefore()
            .camundaExpression("${true}")
            .camundaResultVariable("recorded")
            .endEvent()
            .done();
    bean(RepositoryService.class)
        .createDeployment()
        .addModelInstance("PostgresRoundTrip.bpmn", model)
        .deploy();
    RuntimeService runtime = bean(RuntimeService.class);
    TaskService tasks = bean(TaskService.class);
    ManagementService management = bean(ManagementService.class);

    ProcessInstance instance =
        runtime.startProcessInstanceByKey("PostgresRoundTrip", "CASE-PG-1");
    Task task =
        tasks.createTaskQuery().taskCandidateGroup("attendance-officers")
            .processInstanceId(instance.getId()).singleResult();
    tasks.complete(task.getId());

    Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isAfter(EngineClock.now());
    management.executeJob(timer.getId());
    Job async = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    // ensureJobDueDateNotNull: even a continuation carries a due date, so the index serves it.
    assertThat(async.getDuedate()).isNotNull();
    management.executeJob(async.getId());

    HistoryService history = bean(HistoryService.class);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
            .finished().count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableName("recorded").singleResult().getValue()).isEqualTo(true);
    assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId())
            .successLog().count()).isEqualTo(2);
  }

  @Test
  void restApiAndHealthAnswerFromPostgres() {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    RestClient rest = RestClient.create("http://localhost:" + port);
    ResponseEntity<String> definitions =
        rest.get()
            .uri("/engine-rest/engine/postgresProfileTest/process-definition?latestVersion=true&firstResult=0&maxResults=50")
            .headers(headers -> headers.setBasicAuth("demo", "demo"))
            .retrieve()
            .toEntity(String.class);
    assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definitions.getBody()).contains("AttendanceCase");
    ResponseEntity<String> health =
        rest.get().uri("/actuator/health").retrieve().toEntity(String.class);
    assertThat(health.getBody()).contains("UP");
  }

  /**
   * One open case per pupil holds on a real PostgreSQL when two starts for one pupil overlap
   * (issue #12 item 15): the first start holds its transaction open while the second tries; the
   * second waits on the pupil's row, and once the first commits it is refused with the first
   * case's reference. One case is open.
   */
  @Test
  void twoStartsForOnePupilAtOnceOpenOneCase() throws Exception {
    RuntimeService runtime = bean(RuntimeService.class);
    TransactionTemplate transactions = new TransactionTemplate(bean(PlatformTransactionManager.class));
    String upn = CaseFixtures.newUpn();
    Map<String, Object> start = CaseFixtures.with(CaseFixtures.startVariables(), "pupilUpn", upn);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = two.submit(() -> transactions.execute(status -> {
        String reference = runtime.startProcessInstanceByKey("AttendanceCase", start).getBusinessKey();
        firstStarted.countDown();
        try {
          commitFirst.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return reference;
      }));
      assertThat(firstStarted.await(1, TimeUnit.MINUTES)).isTrue();
      Future<String> second = two.submit(() -> runtime.startProcessInstanceByKey("AttendanceCase", start).getBusinessKey());
      // the second start waits on the first's row for the pupil
      Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> jdbc().queryForObject(
          "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'INSERT INTO ac_open_case%'",
          Integer.class) > 0);
      commitFirst.countDown();
      String reference = first.get(1, TimeUnit.MINUTES);
      assertThatThrownBy(() -> second.get(1, TimeUnit.MINUTES))
          .hasCauseInstanceOf(InvalidInputException.class)
          .hasMessageContaining("pupil " + upn + " already has an open case, " + reference);
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
          .variableValueEquals("pupilUpn", upn).count()).isEqualTo(1);
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void casesFromBeforeTheSearchTableAreFoundAfterTwoNodesBackfillAtOnce() throws Exception {
    List<ProcessInstance> cases =
        CaseIndexBackfillTest.existingCases(bean(RuntimeService.class), bean(TaskService.class), "Postgres");
    List<String> ids = cases.stream().map(ProcessInstance::getId).toList();
    CaseIndex index = bean(CaseIndex.class);
    List<CaseRow> asWritten = index.rows(ids);
    CaseIndexBackfillTest.forget(jdbc(), ids);
    assertThat(index.rows(ids)).isEmpty();

    assertThat(CaseIndexBackfillTest.twoNodesAtOnce(bean(CaseIndexBackfill.class))).isEqualTo(ids.size());

    assertThat(index.rows(ids)).isEqualTo(asWritten);
    assertThat(index.byUpn(asWritten.get(1).pupilUpn(), 10)).containsExactly(ids.get(1));
    assertThat(index.byNameWords(List.of("cara", "postgres"), 10)).containsExactly(ids.get(2));
    assertThat(bean(CaseIndexBackfill.class).run()).isZero();
  }
}
