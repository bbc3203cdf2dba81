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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 * {@code -Dbenchmark.cases=1000 -Dbenchmark.yearCases=20000 -Dbenchmark.openTasks=10000,100000}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductBenchmark {

  private static final int CASES = Integer.getInteger("benchmark.cases", 300);
  private static final int YEAR_CASES = Integer.getInteger("benchmark.yearCases", 1000);
  /** Sizes at which Tasklist's queries are timed, e.g. {@code -Dbenchmark.openTasks=10000,100000}. */
  private static final int[] OPEN_TASKS = Arrays.stream(System.getProperty("benchmark.openTasks", "2000").split(","))
      .mapToInt(size -> Integer.parseInt(size.trim())).sorted().toArray();
  private static final int QUERY_RUNS = 200;
  /** Tasklist's queries are cancelled after this long (PostgreSQL statement_timeout). */
  private static final int QUERY_TIMEOUT_S = 60;
  /** Databases of the simulated year, in order: {@code postgres}, {@code h2} (in memory). */
  private static final List<String> YEAR_DATABASES =
      List.of(System.getProperty("benchmark.yearDatabases", "postgres,h2").split(","));
  private static final int ROUNDS = 5;
  private static final String GROUP = "attendance-officers";
  private static final List<String> REPORT = new ArrayList<>();
  private static int reference = 100_000;

  @AfterAll
  static void writeReport() throws IOException {
    List<String> lines = new ArrayList<>(REPORT);
    lines.add(0, "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("os.name") + ", Java " + System.getProperty("java.version")
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, load average at the end "
        + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "benchmark-results.md"), lines);
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
        "PORT=0", // application.yaml reads server.port from PORT; a default property would lose to it
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
    return bareEngine("jdbc:h2:mem:bare-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
  }

  /** A new database on the embedded server; returns its name. */
  private static String createDatabase(EmbeddedPostgres postgres, String name) {
    try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("create database " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  /** The bare engine on PostgreSQL; its queries are cancelled after {@link #QUERY_TIMEOUT_S}. */
  private static ConfigurableApplicationContext bareEngine(EmbeddedPostgres postgres, String database) {
    return bareEngine(postgres.getJdbcUrl("postgres", database) + "&options=-c%20statement_timeout%3D" + QUERY_TIMEOUT_S + "s",
        "postgres", "postgres");
  }

  private static ConfigurableApplicationContext bareEngine(String url) {
    return bareEngine(url, "sa", "");
  }

  private static ConfigurableApplicationContext bareEngine(String url, String user, String password) {
    return new SpringApplicationBuilder(BareEngineApplication.class)
        .initializers(c -> ((GenericApplicationContext) c).registerBean(StatementCounter.class))
        .properties(
            "spring.config.name=bare-engine",
            // A web application like the product (the REST starter on the classpath needs one).
            "server.port=0",
            "spring.main.banner-mode=off",
            "logging.level.root=WARN",
            "spring.flyway.enabled=false",
            "spring.datasource.url=" + url,
            "spring.datasource.username=" + user,
            "spring.datasource.password=" + password,
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
    tasks.complete(task.getId(), CaseFixtures.vars(pairs));
  }

  private static int fireTimer(ProcessEngine engine, String instanceId) {
    ManagementService management = engine.getManagementService();
    Job timer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
    management.executeJob(timer.getId());
    return 1;
  }

  /** Level 2: meeting, one review four school weeks later, target met. Returns jobs run. */
  private static int targetMetCase(ProcessEngine engine) {
    return targetMetCase(engine, nextReference());
  }

  /**
   * The case of (1) with the given case reference; also the case whose statements
   * {@code StatementBudgetTest} holds to a budget in the normal test suite.
   */
  static int targetMetCase(ProcessEngine engine, String reference) {
    RuntimeService runtime = engine.getRuntimeService();
    String id = runtime.startProcessInstanceByKey("AttendanceCase", reference,
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
  /**
   * What a number of cases cost: wall time, the benchmark thread's CPU time (its own work, not
   * other processes' on a shared machine), the bytes it allocated, the garbage collectors' time
   * while they ran, SQL statements (also by kind and table) and jobs run.
   */
  private record Run(int cases, long nanos, long cpuNanos, long allocated, long gcMillis, long statements, long jobs,
      Map<String, Long> kinds) {
    static final Run NONE = new Run(0, 0, 0, 0, 0, 0, 0, Map.of());

    Run plus(Run other) {
      Map<String, Long> sum = new java.util.TreeMap<>(kinds);
      other.kinds.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
      return new Run(cases + other.cases, nanos + other.nanos, cpuNanos + other.cpuNanos, allocated + other.allocated,
          gcMillis + other.gcMillis, statements + other.statements, jobs + other.jobs, sum);
    }

    double msPerCase() {
      return nanos / 1e6 / cases;
    }

    double cpuMsPerCase() {
      return cpuNanos / 1e6 / cases;
    }

    double allocatedMbPerCase() {
      return allocated / 1e6 / cases;
    }

    double gcMsPerCase() {
      return gcMillis / (double) cases;
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

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private static Run drive(int cases, Supplier<Integer> oneCase) {
    Map<String, Long> kindsBefore = StatementCounter.byKind();
    long statements = StatementCounter.count();
    long gc = gcMillis();
    long allocated = THREADS.getCurrentThreadAllocatedBytes();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long jobs = 0;
    for (int i = 0; i < cases; i++) {
      jobs += oneCase.get();
    }
    long nanos = System.nanoTime() - start;
    cpu = THREADS.getCurrentThreadCpuTime() - cpu;
    allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
    gc = gcMillis() - gc;
    Map<String, Long> added = new java.util.TreeMap<>();
    StatementCounter.byKind().forEach((kind, count) -> {
      long more = count - kindsBefore.getOrDefault(kind, 0L);
      if (more > 0) {
        added.put(kind, more);
      }
    });
    return new Run(cases, nanos, cpu, allocated, gc, StatementCounter.count() - statements, jobs, added);
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
    report("| CPU time per case (the benchmark's thread) | %.2f ms | %.2f ms | %.2f ms | %.2f× | %.2f× |", bare.cpuMsPerCase(),
        bareWithData.cpuMsPerCase(), product.cpuMsPerCase(), product.cpuMsPerCase() / bareWithData.cpuMsPerCase(),
        product.cpuMsPerCase() / bare.cpuMsPerCase());
    report("| garbage collection per case (pauses while it ran) | %.2f ms | %.2f ms | %.2f ms | %.2f× | %.2f× |",
        bare.gcMsPerCase(), bareWithData.gcMsPerCase(), product.gcMsPerCase(),
        product.gcMsPerCase() / bareWithData.gcMsPerCase(), product.gcMsPerCase() / bare.gcMsPerCase());
    report("| memory allocated per case | %.2f MB | %.2f MB | %.2f MB | %.2f× | %.2f× |", bare.allocatedMbPerCase(),
        bareWithData.allocatedMbPerCase(), product.allocatedMbPerCase(),
        product.allocatedMbPerCase() / bareWithData.allocatedMbPerCase(), product.allocatedMbPerCase() / bare.allocatedMbPerCase());
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

  private static int pupils = 0;

  /** A case's own pupil (a valid UPN) and parents, so the register's limits apply per family as in life. */
  /**
   * The leave taken on the term-time leave cases: the weeks before the engine's today (the offence
   * period), read when a case starts. The engine's day, not the machine's: the tests run on their own
   * school day (TestClock), and a real date in a holiday, or past the shipped term dates, would give
   * leave on no school day at all, or after the day the case is opened.
   */
  private static String leave(int daysBefore) {
    return uk.schoolattendance.engine.EngineClock.now().toInstant().atZone(java.time.ZoneId.of("Europe/London"))
        .toLocalDate().minusDays(daysBefore).toString();
  }

  private static Map<String, Object> family(Object... pairs) {
    String upn = uk.schoolattendance.process.Upn.of(801_000_000_000L + ++pupils);
    Map<String, Object> start = CaseFixtures.with(CaseFixtures.startVariables(), "pupilUpn", upn,
        "parents", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            "[{\"id\":\"P" + pupils + "a\",\"name\":\"Alex Parent\",\"address\":\"1 High Street, Southend SS1 1AA\"},"
                + "{\"id\":\"P" + pupils + "b\",\"name\":\"Jo Parent\",\"address\":\"1 High Street, Southend SS1 1AA\"}]")
            .create());
    return CaseFixtures.with(start, pairs);
  }

  /** The case and the processes it called (Notice to Improve, penalty notices). */
  private static String[] caseAndCalled(ProcessEngine engine, String caseId) {
    List<String> ids = new ArrayList<>(List.of(caseId));
    engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseId).list()
        .forEach(called -> ids.add(called.getId()));
    return ids.toArray(String[]::new);
  }

  /** Completes the open task {@code key} of the case or a process it called. */
  private static void completeTask(ProcessEngine engine, String caseId, String key, Object... pairs) {
    TaskService tasks = engine.getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceIdIn(caseAndCalled(engine, caseId)).taskDefinitionKey(key).list()) {
      tasks.complete(task.getId(), CaseFixtures.vars(pairs));
    }
  }

  /** Runs what the job executor would: the asynchronous steps, then (when asked) the due timers, of the case and its called processes. */
  private static int runJobs(ProcessEngine engine, String caseId, boolean timers) {
    ManagementService management = engine.getManagementService();
    int run = 0;
    for (Job job : management.createJobQuery().rootProcessInstanceId(caseId).list()) {
      boolean timer = job instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
      if (timer == timers) {
        management.executeJob(job.getId());
        run++;
      }
    }
    return run;
  }

  /** Level 3 casework, an attendance contract that does not work, a Notice to Improve that does. */
  private static int noticeToImproveCase(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", nextReference(),
        family("entryLevel", 3)).getId();
    completeTask(engine, id, "Task_WorkWithFamily", "earlyHelpConsent", true, "caseworkOutcome", "formalise");
    completeTask(engine, id, "Task_AgreeAttendanceContract", "contractAgreed", true);
    int jobs = runJobs(engine, id, true); // the contract's review date
    completeTask(engine, id, "Task_ReviewAttendanceContract", "contractOutcome", "not-improved",
        "sufficientImprovement", "No unauthorised absence over the improvement period");
    jobs += runJobs(engine, id, false); // the notice is issued (its letter written)
    jobs += runJobs(engine, id, true); // the improvement period ends
    completeTask(engine, id, "Task_ReviewNoticeToImprove", "improvementSufficient", true);
    return jobs;
  }

  /** Term-time leave: one penalty notice per parent, evidence checked, issued, both paid on time. */
  private static int penaltyNoticeCase(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", nextReference(),
        family("route", "term-time-leave", "offenceFrom", leave(21), "offenceTo", leave(1))).getId();
    completeTask(engine, id, "Task_CheckLeaveEvidence", "evidenceLeaveApplication", true, "evidenceWrittenRefusal", true,
        "evidenceWrittenWarning", true, "evidenceRegistrationCertificate", true);
    int jobs = runJobs(engine, id, false);
    // the compliance team posts each notice: it is issued then
    for (Task dispatch : engine.getTaskService().createTaskQuery().processInstanceIdIn(caseAndCalled(engine, id))
        .taskDefinitionKey("Task_DispatchPenaltyNotice").list()) {
      engine.getTaskService().claim(dispatch.getId(), "compliance");
      engine.getTaskService().complete(dispatch.getId(), CaseFixtures.vars("deliveryMethod", "post"));
    }
    for (String notice : caseAndCalled(engine, id)) {
      String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(notice).singleResult()
          .getBusinessKey();
      if (!notice.equals(id)) {
        engine.getRuntimeService().createMessageCorrelation("PenaltyNoticePaid").processInstanceBusinessKey(number)
            .setVariable("amountPaid", 80.0).setVariable("paidOn", new java.util.Date()).correlate();
      }
    }
    return jobs;
  }

  /**
   * A large authority's year: 35 % resolved by the school at Level 1, 30 % meet their target at
   * the first review, 15 % slow progress through three reviews into Level 3 casework, 10 % an
   * attendance contract then a Notice to Improve, 10 % term-time leave ending in two paid
   * penalty notices. Every timer on the way is fired, every asynchronous step run.
   */
  private static Run simulatedYear(ProcessEngine engine, int cases) {
    return drive(cases, new Supplier<>() {
      int i;

      @Override
      public Integer get() {
        int kind = i++ % 20;
        return kind < 7 ? schoolInterventionCase(engine)
            : kind < 13 ? targetMetCase(engine)
            : kind < 16 ? slowProgressCase(engine)
            : kind < 18 ? noticeToImproveCase(engine) : penaltyNoticeCase(engine);
      }
    });
  }

  private record Started(ConfigurableApplicationContext context, double seconds) {}

  private static Started start(Supplier<ConfigurableApplicationContext> application) {
    long started = System.nanoTime();
    ConfigurableApplicationContext context = application.get();
    return new Started(context, (System.nanoTime() - started) / 1e9);
  }

  /** Runs the year, then starts the application again on the year's database. */
  private static void yearOn(String database, Supplier<ConfigurableApplicationContext> application) {
    Run year;
    double emptyStart;
    long heapAfterYear;
    Started first = start(application);
    try (ConfigurableApplicationContext context = first.context()) {
      emptyStart = first.seconds();
      year = simulatedYear(context.getBean(ProcessEngine.class), YEAR_CASES);
      heapAfterYear = heapAfterGc();
      long finished = context.getBean(ProcessEngine.class).getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey("AttendanceCase").finished().count();
      assertThat(finished).isGreaterThanOrEqualTo(YEAR_CASES);
    }
    Started again = start(application);
    long heapAfterRestart;
    try (ConfigurableApplicationContext context = again.context()) {
      heapAfterRestart = heapAfterGc();
    }
    report("| %s | %.1f | %.1f | %.1f | %.1f s | %.1f s | %d MB | %d MB |", database, year.casesPerSecond(),
        year.jobsPerSecond(), year.statementsPerCase(), emptyStart, again.seconds(), heapAfterYear, heapAfterRestart);
  }

  @Test
  @Order(2)
  void aSimulatedYearOnH2AndPostgres() throws IOException {
    report("");
    report("### 2 and 4. A simulated academic year: %d cases, every timer fired (job executor off: the benchmark runs each job)",
        YEAR_CASES);
    report("");
    report("| database | cases/s | jobs/s | SQL statements per case | start-up, empty database | start-up after the year "
        + "| heap used after the year (after GC) | heap used after start-up on the year's data (after GC) |");
    report("|---|---|---|---|---|---|---|---|");
    // PostgreSQL first: its database lives outside this JVM, so the heap figures are the
    // application's alone. H2 in memory after it (its figures include the database itself).
    // Not the installed H2 file: under this sustained load its file grows by about 0.5 MB per
    // case until compaction (docs/benchmarks.md), more disk than a 100,000-task run can have.
    for (String database : YEAR_DATABASES) {
      if (database.equals("postgres")) {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
          yearOn("PostgreSQL (embedded, same machine)", () -> postgresApplication(postgres, "postgres"));
        }
      } else {
        String url = "jdbc:h2:mem:year-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        yearOn("H2 (in memory, inside this JVM's heap)", () -> application("ATTENDANCE_DB_URL=" + url));
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "")) {
          connection.createStatement().execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static ConfigurableApplicationContext postgresApplication(EmbeddedPostgres postgres, String database) {
    return application(
        "spring.profiles.active=demo,postgres",
        "ATTENDANCE_DB_URL=" + postgres.getJdbcUrl("postgres", database),
        "ATTENDANCE_DB_USER=postgres", "ATTENDANCE_DB_PASSWORD=postgres");
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  // ------------------------------------------------------------------ (3) Tasklist's queries

  /** Query times; {@code cancelled} when one run passed the statement timeout (so p50/p95 are lower bounds). */
  private record Percentiles(double p50, double p95, int runs, boolean cancelled) {
    String p50Text() {
      return cancelled ? "> " + QUERY_TIMEOUT_S + " s (cancelled)" : String.format(Locale.ROOT, "%.2f ms", p50);
    }

    String p95Text() {
      return cancelled ? "> " + QUERY_TIMEOUT_S + " s (cancelled)" : String.format(Locale.ROOT, "%.2f ms", p95);
    }
  }

  /**
   * Up to 50 warm-up runs (at most 10 s), then up to {@link #QUERY_RUNS} timed runs (at most
   * 60 s, at least 5 runs): a slow query at 100,000 tasks still gets its percentiles in time.
   * A run the database cancels at the statement timeout ends the measurement.
   */
  private static Percentiles time(Runnable query) {
    try {
      long warmUpEnd = System.nanoTime() + 10_000_000_000L;
      for (int i = 0; i < 50 && System.nanoTime() < warmUpEnd; i++) {
        query.run();
      }
      long end = System.nanoTime() + 60_000_000_000L;
      double[] ms = new double[QUERY_RUNS];
      int runs = 0;
      while (runs < QUERY_RUNS && (runs < 5 || System.nanoTime() < end)) {
        long start = System.nanoTime();
        query.run();
        ms[runs++] = (System.nanoTime() - start) / 1e6;
      }
      double[] taken = Arrays.copyOf(ms, runs);
      Arrays.sort(taken);
      return new Percentiles(taken[runs / 2], taken[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)], runs, false);
    } catch (RuntimeException e) {
      return new Percentiles(Double.NaN, Double.NaN, 0, true);
    }
  }

  /** The task count query as Tasklist's filter badge sends it (PostgreSQL: count(*) of a select distinct). */
  private static final java.util.regex.Pattern COUNT_QUERY = java.util.regex.Pattern.compile(
      "(?is)count\\((\\s*distinct\\s+RES\\.ID_\\s*\\)|\\s*\\*\\s*\\)\\s*from\\s*\\(\\s*select\\s+distinct\\s+RES\\.ID_).*ACT_RU_TASK");

  /**
   * The two ways the engine joins a task query's authorization check: {@code left} with its
   * defaults (CMMN and standalone tasks on), {@code inner} with both off. The engine reads both
   * switches on each task query, so the benchmark sets them on the running engine and times the
   * same data both ways.
   */
  private enum Joins {
    LEFT("left joins (engine defaults: CMMN and standalone tasks on)", true),
    INNER("inner joins (cmmnEnabled and standaloneTasksEnabled false)", false);

    final String label;
    final boolean enabled;

    Joins(String label, boolean enabled) {
      this.label = label;
      this.enabled = enabled;
    }

    /** Sets the engine's switches; returns what they were. */
    Joins applyTo(ProcessEngine engine) {
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      Joins before = configuration.isCmmnEnabled() || configuration.isStandaloneTasksEnabled() ? LEFT : INNER;
      configuration.setCmmnEnabled(enabled);
      configuration.setStandaloneTasksEnabled(enabled);
      return before;
    }
  }

  private static final boolean EXPLAIN = Boolean.getBoolean("benchmark.explain");

  private static Percentiles[] tasklistQueries(ConfigurableApplicationContext context, int openTasks, Joins joins,
      String name) throws IOException {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    Filter filter = filters.newTaskFilter("Benchmark: attendance officers' tasks").setOwner("officer")
        .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(GROUP));
    filters.saveFilter(filter);
    Joins configured = joins.applyTo(engine);
    identity.setAuthentication("officer", List.of(GROUP));
    try {
      Percentiles groupTasks = time(() -> engine.getTaskService().createTaskQuery()
          .taskCandidateGroup(GROUP).orderByTaskCreateTime().desc().listPage(0, 15));
      Percentiles filterCount = time(() -> filters.count(filter.getId()));
      StatementCounter.capture(COUNT_QUERY);
      try {
        assertThat(filters.count(filter.getId())).isGreaterThanOrEqualTo(openTasks);
      } catch (org.camunda.bpm.engine.ProcessEnginePersistenceException cancelled) {
        // past the statement timeout: the timed runs say so ("cancelled"); the plan still shows why
        assertThat(filterCount.cancelled()).as("the count failed although its timed runs did not").isTrue();
      }
      StatementCounter.Captured count = StatementCounter.captured();
      if (EXPLAIN && count != null) {
        explain(context.getBean(javax.sql.DataSource.class), count, openTasks, joins, name,
            filterCount.cancelled() ? "EXPLAIN " : "EXPLAIN (ANALYZE, BUFFERS) ");
      }
      return new Percentiles[] {groupTasks, filterCount};
    } finally {
      identity.clearAuthentication();
      configured.applyTo(engine);
      filters.deleteFilter(filter.getId());
    }
  }

  /**
   * Open tasks started as real cases; sizes above it are reached by copying those cases' open
   * tasks with their candidate links, grants and executions under new ids ({@code
   * -Dbenchmark.realTasks=10000}): the same rows in the same proportions, loaded in a minute
   * instead of hours on a busy machine. Every size must then be a multiple of it.
   */
  private static final int REAL_TASKS = Integer.getInteger("benchmark.realTasks", Integer.MAX_VALUE);

  /**
   * Copies the real open tasks ({@link #REAL_TASKS}) until there are {@code size}: copy {@code k}
   * of a row gets the ids {@code <id>:c<k>} (task, execution, process instance, link, grant), so
   * each copy is a case of its own with its own grants. PostgreSQL; then analysed, as autovacuum
   * would.
   */
  private static void copyOpenTasks(javax.sql.DataSource dataSource, int open, int size) {
    if (size % REAL_TASKS != 0 || open % REAL_TASKS != 0) {
      throw new IllegalArgumentException("benchmark.openTasks must be multiples of benchmark.realTasks");
    }
    int from = open / REAL_TASKS;
    int to = size / REAL_TASKS - 1;
    String copies = " from %s, generate_series(" + from + ", " + to + ") k where ";
    String real = "(select ID_ from ACT_RU_TASK where ID_ not like '%:c%')";
    String realInstances = "(select PROC_INST_ID_ from ACT_RU_TASK where ID_ not like '%:c%')";
    try (java.sql.Connection connection = dataSource.getConnection()) {
      java.sql.Statement statement = connection.createStatement();
      statement.execute("set session_replication_role = replica"); // foreign keys: parents and children arrive together
      // Executions, links and grants first: their originals are found through the real tasks.
      copy(statement, "ACT_RU_EXECUTION", copies + "PROC_INST_ID_ in " + realInstances,
          java.util.Set.of("ID_", "PROC_INST_ID_", "PARENT_ID_", "ROOT_PROC_INST_ID_", "BUSINESS_KEY_"));
      copy(statement, "ACT_RU_IDENTITYLINK", copies + "TASK_ID_ in " + real, java.util.Set.of("ID_", "TASK_ID_"));
      copy(statement, "ACT_RU_AUTHORIZATION", copies + "(RESOURCE_TYPE_ in (7, 19) and RESOURCE_ID_ in " + real
          + " or RESOURCE_TYPE_ in (8, 20) and RESOURCE_ID_ in " + realInstances + ")",
          java.util.Set.of("ID_", "RESOURCE_ID_", "ROOT_PROC_INST_ID_"));
      copy(statement, "ACT_RU_TASK", copies + "ID_ not like '%:c%'",
          java.util.Set.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_"));
      statement.execute("set session_replication_role = default");
      statement.execute("analyze");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** insert into the table a copy of the rows {@code where} selects, the named columns given new ids. */
  private static void copy(java.sql.Statement statement, String table, String where, java.util.Set<String> newIds)
      throws java.sql.SQLException {
    List<String> columns = new ArrayList<>();
    try (java.sql.ResultSet rows = statement.executeQuery("select column_name from information_schema.columns "
        + "where table_schema = current_schema() and table_name = '" + table.toLowerCase(Locale.ROOT) + "' order by ordinal_position")) {
      while (rows.next()) {
        columns.add(rows.getString(1).toUpperCase(Locale.ROOT));
      }
    }
    String values = String.join(", ", columns.stream()
        .map(column -> newIds.contains(column) ? column + " || ':c' || k" : column).toList());
    statement.execute("insert into " + table + " (" + String.join(", ", columns) + ") select " + values
        + where.replace("%s", table));
  }

  /**
   * With {@code -Dbenchmark.inspectMinutes=N} the databases stay up N minutes after the queries,
   * so their plans can be studied with psql on the benchmark's own data (the address is printed).
   */
  private static void holdForInspection(EmbeddedPostgres postgres) {
    long minutes = Long.getLong("benchmark.inspectMinutes", 0);
    if (minutes > 0) {
      System.out.println("Inspect: psql -h localhost -p " + postgres.getPort() + " -U postgres -d product (or -d bare) for "
          + minutes + " minutes");
      java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MINUTES.toNanos(minutes));
    }
  }

  /** The filter count's plan with its real row counts and buffers, in target/benchmark-plans/. */
  private static void explain(javax.sql.DataSource dataSource, StatementCounter.Captured count, int openTasks, Joins joins,
      String name, String explain) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("-- " + name + ", " + openTasks + " open tasks, " + joins.label);
    lines.add(count.sql().strip().replaceAll("\\s+", " "));
    lines.add("-- parameters: " + count.bindings().stream().map(b -> String.valueOf(((Object[]) b[1])[1])).toList());
    lines.addAll(count.rerun(dataSource, explain));
    lines.add("");
    lines.add("-- rows by table; grants by resource type (6 process definition, 7 task, 8 process instance, 20 historic process instance)");
    for (String sql : List.of(
        "select 'ACT_RU_TASK', count(*) from ACT_RU_TASK",
        "select 'ACT_RU_IDENTITYLINK', count(*) from ACT_RU_IDENTITYLINK",
        "select 'ACT_RU_AUTHORIZATION type ' || RESOURCE_TYPE_, count(*) from ACT_RU_AUTHORIZATION group by RESOURCE_TYPE_")) {
      try (java.sql.Connection connection = dataSource.getConnection();
          java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
        while (rows.next()) {
          lines.add(rows.getString(1) + ": " + rows.getLong(2));
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    Path file = Path.of("target", "benchmark-plans", name + "-" + openTasks + "-" + joins.name().toLowerCase(Locale.ROOT) + ".txt");
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
  }

  /**
   * Open tasks for the group are added up to each size in turn (e.g. 10,000 then 100,000), on
   * PostgreSQL as a council runs it (one embedded server, a database for each application),
   * and both applications are queried at each size, with the engine's left joins and its inner
   * joins (the same switches for both: the bare engine as a council without CMMN or standalone
   * tasks would also run it).
   */
  @Test
  @Order(3)
  void tasklistQueriesWithAuthorizationsAgainstTheBareEngine() throws IOException {
    Map<String, Percentiles[]> bare = new java.util.HashMap<>();
    Map<String, Percentiles[]> bareWithStatistics = new java.util.HashMap<>();
    Map<String, Percentiles[]> product = new java.util.HashMap<>();
    boolean reported = false;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext bareContext = bareEngine(postgres, createDatabase(postgres, "bare"));
        ConfigurableApplicationContext productContext = application(
            "spring.profiles.active=demo,postgres",
            "ATTENDANCE_DB_URL=" + postgres.getJdbcUrl("postgres", createDatabase(postgres, "product"))
                + "&options=-c%20statement_timeout%3D" + QUERY_TIMEOUT_S + "s",
            "ATTENDANCE_DB_USER=postgres", "ATTENDANCE_DB_PASSWORD=postgres")) {
      ProcessEngine bareEngine = bareContext.getBean(ProcessEngine.class);
      ProcessEngine productEngine = productContext.getBean(ProcessEngine.class);
      deployMinimalModel(bareEngine);
      int open = 0;
      for (int size : OPEN_TASKS) {
        for (; open < Math.min(size, REAL_TASKS); open++) {
          bareEngine.getRuntimeService().startProcessInstanceByKey("MinimalCase", nextReference());
          // the traded school: its Level 2 meeting is offered to the officers' team (and its named
          // officer), the list an officer's filter counts; the universal school's goes to the school
          productEngine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", nextReference(),
              CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2,
                  "schoolUrn", CaseFixtures.TRADED_SCHOOL));
        }
        if (open < size) {
          copyOpenTasks(bareContext.getBean(javax.sql.DataSource.class), open, size);
          copyOpenTasks(productContext.getBean(javax.sql.DataSource.class), open, size);
          open = size;
        }
        for (Joins joins : Joins.values()) {
          bare.put(size + " " + joins, tasklistQueries(bareContext, size, joins, "bare"));
          product.put(size + " " + joins, tasklistQueries(productContext, size, joins, "product"));
        }
        // the bare engine again on the same data with the product's statistics (V101, V290), then without
        javax.sql.DataSource bareData = bareContext.getBean(javax.sql.DataSource.class);
        permissionStatistics(bareData, true);
        for (Joins joins : Joins.values()) {
          bareWithStatistics.put(size + " " + joins, tasklistQueries(bareContext, size, joins, "bare-statistics"));
        }
        permissionStatistics(bareData, false);
      }
      reportTasklistQueries(bare, bareWithStatistics, product);
      writeReport(); // before the databases are held, so an interrupted inspection keeps the figures
      reported = true;
      holdForInspection(postgres);
    } finally {
      if (!reported) { // what was measured is kept when a later size stops the run
        reportTasklistQueries(bare, bareWithStatistics, product);
        writeReport();
      }
    }
  }

  /**
   * The product's statistics on the permission tests and on who holds them (V101, V290)
   * added to or dropped from a database, then analysed: the bare engine measured with and without
   * them, so the product is compared with the engine as shipped and with the engine given the same
   * planner statistics.
   */
  private static void permissionStatistics(javax.sql.DataSource dataSource, boolean add) {
    try (java.sql.Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      if (add) {
        for (String migration : List.of("V101__authorization_permission_statistics.sql",
            "V290__authorization_principal_statistics.sql")) {
          String script = new String(new org.springframework.core.io.ClassPathResource("db/postgres/" + migration)
              .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!sql.isBlank()) {
              statement.execute(sql);
            }
          }
        }
      } else {
        for (String name : List.of("perm_read", "perm_read_task", "perm_read_instance", "perm_read_history",
            "principal_perms")) {
          statement.execute("drop statistics if exists att_stat_auth_" + name);
        }
        statement.execute("analyze act_ru_authorization");
      }
    } catch (java.sql.SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reportTasklistQueries(Map<String, Percentiles[]> bare, Map<String, Percentiles[]> bareWithStatistics,
      Map<String, Percentiles[]> product) {
    report("");
    report("### 3. Tasklist's queries with authorizations on, as an attendance officer (PostgreSQL; up to %d timed runs after up to 50)",
        QUERY_RUNS);
    report("");
    report("Both applications with the same engine switches in each row (the product runs with inner joins).");
    report("");
    report("Against the bare engine as shipped:");
    report("");
    reportTasklistQueries(bare, product);
    report("");
    report("Against the bare engine on the same data with the product's planner statistics (V101, V290) added:");
    report("");
    reportTasklistQueries(bareWithStatistics, product);
  }

  private static void reportTasklistQueries(Map<String, Percentiles[]> bare, Map<String, Percentiles[]> product) {
    report("| open tasks | engine joins | query | bare p50 | bare p95 | product p50 | product p95 | p95 ratio | runs (bare/product) |");
    report("|---|---|---|---|---|---|---|---|---|");
    String[] names = {"a group's tasks (first page of 15, newest first)", "a filter's count"};
    for (int size : OPEN_TASKS) {
      for (Joins joins : Joins.values()) {
        if (!bare.containsKey(size + " " + joins) || !product.containsKey(size + " " + joins)) {
          continue; // not reached: the run stopped before this size
        }
        for (int i = 0; i < 2; i++) {
          Percentiles b = bare.get(size + " " + joins)[i];
          Percentiles p = product.get(size + " " + joins)[i];
          String ratio = b.cancelled() || p.cancelled() ? (p.cancelled() ? "n/a" : String.format(Locale.ROOT, "< %.3f×",
              p.p95() / (QUERY_TIMEOUT_S * 1000.0))) : String.format(Locale.ROOT, "%.2f×", p.p95() / b.p95());
          report("| %,d | %s | %s | %s | %s | %s | %s | %s | %d/%d |", size, joins.label, names[i], b.p50Text(), b.p95Text(),
              p.p50Text(), p.p95Text(), ratio, b.runs(), p.runs());
        }
      }
    }
  }
}
