package uk.schoolattendance.system;

import static org.assertj.core.api.Assertions.assertThat;

import benchmark.bare.BareEngineApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import uk.schoolattendance.AttendanceApplication;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * The product against the bare engine (see docs/benchmarks.md for the command and results).
 * Not part of the normal build: run with {@code ./mvnw -Pbenchmark verify}. Sizes are system
 * properties so the full figures can be run on a bigger machine:
 * {@code -Dbenchmark.cases=1000 -Dbenchmark.yearCases=20000 -Dbenchmark.openTasks=100000}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductBenchmark {

  private static final int CASES = Integer.getInteger("benchmark.cases", 300);
  private static final int YEAR_CASES = Integer.getInteger("benchmark.yearCases", 1000);
  private static final int OPEN_TASKS = Integer.getInteger("benchmark.openTasks", 2000);
  private static final int QUERY_RUNS = 200;
  private static final int ROUNDS = 5;
  private static final String GROUP = "attendance-officers";
  private static final List<String> REPORT = new ArrayList<>();
  private static int reference = 100_000;

  @AfterAll
  static void writeReport() throws IOException {
    REPORT.add(0, "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("os.name") + ", Java " + System.getProperty("java.version")
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "benchmark-results.md"), REPORT);
  }

  /** Each line also goes to the console at once, so a long run shows its figures as it goes. */
  private static void report(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    REPORT.add(line);
    System.out.println(line);
  }

  // ------------------------------------------------------------------ the two applications

  private static ConfigurableApplicationContext application(String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "server.port=0",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.process-engine-name=product",
        "spring.main.banner-mode=off",
        "logging.level.root=WARN"));
    all.addAll(Arrays.asList(properties));
    return new SpringApplicationBuilder(AttendanceApplication.class)
        .initializers(c -> ((GenericApplicationContext) c).registerBean(StatementCounter.class))
        .profiles("demo")
        .properties(all.toArray(String[]::new))
        .run();
  }

  private static ConfigurableApplicationContext h2Application() {
    // Through the variable application.yaml reads (a default property would lose to the file).
    return application("ATTENDANCE_DB_URL=jdbc:h2:mem:product-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
  }

  /** A plain Camunda 7.24 Spring Boot application: the starter's defaults, H2 in memory. */
  private static ConfigurableApplicationContext bareEngine() {
    return new SpringApplicationBuilder(BareEngineApplication.class)
        .initializers(c -> ((GenericApplicationContext) c).registerBean(StatementCounter.class))
        .properties(
            "spring.config.name=bare-engine",
            // A web application like the product (the REST starter on the classpath needs one).
            "server.port=0",
            "spring.main.banner-mode=off",
            "logging.level.root=WARN",
            "spring.flyway.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:bare-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            "camunda.bpm.process-engine-name=bare",
            // The minimal model is deployed by the benchmark; nothing of the project's models.
            "camunda.bpm.auto-deployment-enabled=false",
            "camunda.bpm.job-execution.enabled=false",
            "camunda.bpm.authorization.enabled=true")
        .run();
  }

  /** The same wait states as a case's Level 2 path: meeting, review date, review. */
  private static void deployMinimalModel(ProcessEngine engine) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("MinimalCase")
            .camundaHistoryTimeToLive(2190)
            .startEvent()
            .userTask("Task_HoldAttendanceMeeting").camundaCandidateGroups(GROUP)
            .intermediateCatchEvent("Event_ReviewDateReached").timerWithDuration("P28D")
            .userTask("Task_ReviewAttendance").camundaCandidateGroups(GROUP)
            .endEvent()
            .done();
    engine.getRepositoryService().createDeployment().addModelInstance("MinimalCase.bpmn", model).deploy();
  }

  // ------------------------------------------------------------------ driving cases

  private static String nextReference() {
    return String.format(Locale.ROOT, "AC-2026-%06d", ++reference);
  }

  private static void complete(ProcessEngine engine, String instanceId, Object... pairs) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], pairs[i + 1]);
    }
    tasks.complete(task.getId(), variables);
  }

  private static int fireTimer(ProcessEngine engine, String instanceId) {
    ManagementService management = engine.getManagementService();
    Job timer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
    management.executeJob(timer.getId());
    return 1;
  }

  /** Level 2: meeting, one review four school weeks later, target met. Returns jobs run. */
  private static int targetMetCase(ProcessEngine engine) {
    RuntimeService runtime = engine.getRuntimeService();
    String id = runtime.startProcessInstanceByKey("AttendanceCase", nextReference(),
        CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2)).getId();
    complete(engine, id, "attendanceTarget", 92.0);
    int jobs = fireTimer(engine, id);
    complete(engine, id, "currentAttendancePercent", 92.0);
    return jobs;
  }

  /** Level 1: the school's intervention works. */
  private static int schoolInterventionCase(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", nextReference(),
        CaseFixtures.startVariables()).getId();
    complete(engine, id, "schoolInterventionOutcome", "improved");
    return 0;
  }

  /** Level 2 with some progress at three reviews, then family casework at Level 3 that works. */
  private static int slowProgressCase(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", nextReference(),
        CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2)).getId();
    complete(engine, id, "attendanceTarget", 95.0);
    int jobs = 0;
    for (double percent : new double[] {84.0, 87.0, 90.0}) {
      jobs += fireTimer(engine, id);
      complete(engine, id, "currentAttendancePercent", percent);
    }
    complete(engine, id, "earlyHelpConsent", false, "caseworkOutcome", "improved");
    return jobs;
  }

  /** The minimal model's wait states with no data at all. */
  private static int minimalCase(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("MinimalCase", nextReference()).getId();
    complete(engine, id);
    int jobs = fireTimer(engine, id);
    complete(engine, id);
    return jobs;
  }

  /** The minimal model's wait states carrying the case's data: the same start and task variables. */
  private static int minimalCaseWithData(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("MinimalCase", nextReference(),
        CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2)).getId();
    complete(engine, id, "attendanceTarget", 92.0);
    int jobs = fireTimer(engine, id);
    complete(engine, id, "currentAttendancePercent", 92.0);
    return jobs;
  }

  /** What a number of cases cost: time, SQL statements (also by kind and table) and jobs run. */
  private record Run(int cases, long nanos, long statements, long jobs, Map<String, Long> kinds) {
    static final Run NONE = new Run(0, 0, 0, 0, Map.of());

    Run plus(Run other) {
      Map<String, Long> sum = new java.util.TreeMap<>(kinds);
      other.kinds.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
      return new Run(cases + other.cases, nanos + other.nanos, statements + other.statements, jobs + other.jobs, sum);
    }

    double msPerCase() {
      return nanos / 1e6 / cases;
    }

    double statementsPerCase() {
      return statements / (double) cases;
    }

    double casesPerSecond() {
      return cases / (nanos / 1e9);
    }

    double jobsPerSecond() {
      return jobs / (nanos / 1e9);
    }

    double perCase(String kind) {
      return kinds.getOrDefault(kind, 0L) / (double) cases;
    }
  }

  private static Run drive(int cases, Supplier<Integer> oneCase) {
    Map<String, Long> kindsBefore = StatementCounter.byKind();
    long statements = StatementCounter.count();
    long start = System.nanoTime();
    long jobs = 0;
    for (int i = 0; i < cases; i++) {
      jobs += oneCase.get();
    }
    long nanos = System.nanoTime() - start;
    Map<String, Long> added = new java.util.TreeMap<>();
    StatementCounter.byKind().forEach((kind, count) -> {
      long more = count - kindsBefore.getOrDefault(kind, 0L);
      if (more > 0) {
        added.put(kind, more);
      }
    });
    return new Run(cases, nanos, StatementCounter.count() - statements, jobs, added);
  }

  // ------------------------------------------------------------------ (1) cost per case

  /**
   * Both applications run side by side in this JVM; after a warm-up of each, the three kinds of
   * case take turns in rounds, so a change in the machine's load or the JIT affects all alike.
   */
  @Test
  @Order(1)
  void costPerCaseAgainstTheBareEngine() {
    Run bare = Run.NONE;
    Run bareWithData = Run.NONE;
    Run product = Run.NONE;
    try (ConfigurableApplicationContext bareContext = bareEngine();
        ConfigurableApplicationContext productContext = h2Application()) {
      ProcessEngine bareEngine = bareContext.getBean(ProcessEngine.class);
      ProcessEngine productEngine = productContext.getBean(ProcessEngine.class);
      deployMinimalModel(bareEngine);
      drive(CASES, () -> minimalCase(bareEngine)); // warm-up
      drive(CASES, () -> minimalCaseWithData(bareEngine));
      drive(CASES, () -> targetMetCase(productEngine));
      int perRound = Math.max(1, CASES / ROUNDS);
      for (int round = 0; round < ROUNDS; round++) {
        bare = bare.plus(drive(perRound, () -> minimalCase(bareEngine)));
        bareWithData = bareWithData.plus(drive(perRound, () -> minimalCaseWithData(bareEngine)));
        product = product.plus(drive(perRound, () -> targetMetCase(productEngine)));
      }
    }
    report("");
    report("### 1. Cost per case against the bare engine (H2 in memory, %d cases after %d warm-up)", CASES, CASES);
    report("");
    report("| | bare engine, minimal model, no data | bare engine, minimal model, the case's data "
        + "| this application, AttendanceCase | ratio to bare with data | ratio to bare without data |");
    report("|---|---|---|---|---|---|");
    report("| time per case | %.2f ms | %.2f ms | %.2f ms | %.2f× | %.2f× |", bare.msPerCase(), bareWithData.msPerCase(),
        product.msPerCase(), product.msPerCase() / bareWithData.msPerCase(), product.msPerCase() / bare.msPerCase());
    report("| SQL statements per case | %.1f | %.1f | %.1f | %.2f× | %.2f× |", bare.statementsPerCase(),
        bareWithData.statementsPerCase(), product.statementsPerCase(),
        product.statementsPerCase() / bareWithData.statementsPerCase(), product.statementsPerCase() / bare.statementsPerCase());
    report("");
    report("Where the statements go (per case, by kind and table):");
    report("");
    report("| statement | bare, no data | bare, with data | this application |");
    report("|---|---|---|---|");
    java.util.Set<String> kinds = new java.util.TreeSet<>(bare.kinds().keySet());
    kinds.addAll(bareWithData.kinds().keySet());
    kinds.addAll(product.kinds().keySet());
    final Run measured = product;
    final Run baseline = bare;
    final Run baselineWithData = bareWithData;
    kinds.stream()
        .sorted(java.util.Comparator.comparing((String k) -> -measured.perCase(k)))
        .forEach(kind -> report("| %s | %.1f | %.1f | %.1f |", kind, baseline.perCase(kind),
            baselineWithData.perCase(kind), measured.perCase(kind)));
    assertThat(product.msPerCase()).isPositive();
  }

  // ------------------------------------------------------------------ (2) and (4) a simulated year

  private static Run simulatedYear(ProcessEngine engine, int cases) {
    // A large authority's mix of paths: 40 % resolved by the school, 40 % met the target at the
    // first review, 20 % slow progress through three reviews into Level 3 casework.
    return drive(cases, new Supplier<>() {
      int i;

      @Override
      public Integer get() {
        int kind = i++ % 5;
        return kind < 2 ? schoolInterventionCase(engine)
            : kind < 4 ? targetMetCase(engine) : slowProgressCase(engine);
      }
    });
  }

  @Test
  @Order(2)
  void aSimulatedYearOnH2AndPostgres() throws IOException {
    report("");
    report("### 2. A simulated academic year: %d cases, every timer fired (job executor off: the benchmark runs each due job)", YEAR_CASES);
    report("");
    report("| database | cases/s | jobs/s | SQL statements per case | start-up | heap used after the year (after GC) |");
    report("|---|---|---|---|---|---|");
    long started = System.nanoTime();
    try (ConfigurableApplicationContext context = h2Application()) {
      double startup = (System.nanoTime() - started) / 1e9;
      Run year = simulatedYear(context.getBean(ProcessEngine.class), YEAR_CASES);
      report("| H2 (in memory) | %.1f | %.1f | %.1f | %.1f s | %d MB |", year.casesPerSecond(), year.jobsPerSecond(),
          year.statementsPerCase(), startup, heapAfterGc());
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      started = System.nanoTime();
      try (ConfigurableApplicationContext context = application(
          "spring.profiles.active=demo,postgres",
          "ATTENDANCE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
          "ATTENDANCE_DB_USER=postgres", "ATTENDANCE_DB_PASSWORD=postgres")) {
        double startup = (System.nanoTime() - started) / 1e9;
        Run year = simulatedYear(context.getBean(ProcessEngine.class), YEAR_CASES);
        report("| PostgreSQL 14 (embedded, same machine) | %.1f | %.1f | %.1f | %.1f s | %d MB |", year.casesPerSecond(),
            year.jobsPerSecond(), year.statementsPerCase(), startup, heapAfterGc());
      }
    }
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  // ------------------------------------------------------------------ (3) Tasklist's queries

  private record Percentiles(double p50, double p95) {}

  private static Percentiles time(Runnable query) {
    for (int i = 0; i < 50; i++) {
      query.run();
    }
    double[] ms = new double[QUERY_RUNS];
    for (int i = 0; i < QUERY_RUNS; i++) {
      long start = System.nanoTime();
      query.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return new Percentiles(ms[QUERY_RUNS / 2], ms[(int) (QUERY_RUNS * 0.95)]);
  }

  private static Percentiles[] tasklistQueries(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    Filter filter = filters.newTaskFilter("Benchmark: attendance officers' tasks").setOwner("officer")
        .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(GROUP));
    filters.saveFilter(filter);
    identity.setAuthentication("officer", List.of(GROUP));
    try {
      Percentiles groupTasks = time(() -> engine.getTaskService().createTaskQuery()
          .taskCandidateGroup(GROUP).orderByTaskCreateTime().desc().listPage(0, 15));
      Percentiles filterCount = time(() -> filters.count(filter.getId()));
      assertThat(filters.count(filter.getId())).isGreaterThanOrEqualTo(OPEN_TASKS);
      return new Percentiles[] {groupTasks, filterCount};
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  @Order(3)
  void tasklistQueriesWithAuthorizationsAgainstTheBareEngine() {
    Percentiles[] bare;
    try (ConfigurableApplicationContext context = bareEngine()) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      deployMinimalModel(engine);
      for (int i = 0; i < OPEN_TASKS; i++) {
        engine.getRuntimeService().startProcessInstanceByKey("MinimalCase", nextReference());
      }
      bare = tasklistQueries(engine);
    }
    Percentiles[] product;
    try (ConfigurableApplicationContext context = h2Application()) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      for (int i = 0; i < OPEN_TASKS; i++) {
        engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", nextReference(),
            CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2));
      }
      product = tasklistQueries(engine);
    }
    report("");
    report("### 3. Tasklist's queries at %d open tasks, authorizations on, as an attendance officer (H2 in memory, %d runs after 50)",
        OPEN_TASKS, QUERY_RUNS);
    report("");
    report("| query | bare p50 | bare p95 | product p50 | product p95 | p95 ratio |");
    report("|---|---|---|---|---|---|");
    String[] names = {"a group's tasks (first page of 15, newest first)", "a filter's count"};
    for (int i = 0; i < 2; i++) {
      report("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f× |", names[i], bare[i].p50(), bare[i].p95(),
          product[i].p50(), product[i].p95(), product[i].p95() / bare[i].p95());
    }
  }
}
