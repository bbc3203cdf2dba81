package uk.schoolattendance;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.SpringProcessWithCoverageEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.attendance.IdentifyAttendanceConcerns;
import uk.schoolattendance.attendance.ReviewIdentifiedPupils;
import uk.schoolattendance.attendance.StaleRegisterData;
import uk.schoolattendance.attendance.WatchRegisterFreshness;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseReferences;
import uk.schoolattendance.casework.CaseSettings;
import uk.schoolattendance.casework.ChangeCaseLevel;
import uk.schoolattendance.casework.RegisterFigures;
import uk.schoolattendance.meetings.SchoolDataPacks;
import uk.schoolattendance.meetings.TargetingSupportMeeting;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.court.CourtProceedingsRepository;
import uk.schoolattendance.court.CourtProperties;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.improvement.NoticeToImproveProperties;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeLetter;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.notices.PenaltyNoticeTermsService;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.School.ServiceLevel;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.schools.SchoolsProperties;
import uk.schoolattendance.security.CurrentUser;
import uk.schoolattendance.schools.TestCalendars;

/**
 * The one engine of the process tests, without Spring Boot: an in-memory H2 database with the
 * project's own tables (Flyway) next to the engine's, the engine in Spring-managed transactions
 * on it, and the application's beans taken from the feature packages by scanning them, as the
 * application does (controllers and beans that need the engine's services are left out). The
 * models' expressions resolve those beans by name; nothing is listed by hand. A test may
 * replace a bean by name (a stub of a called process's numbers, a failing delegate).
 */
public final class ProcessEngineFixture {

  /** The processes' contracts, as the application's context collects them. */
  public static final List<ProcessContract> CONTRACTS =
      List.of(
          new AttendanceCase(), new ChangeCaseLevel(), new TargetingSupportMeeting(), new NoticeToImprove(),
          new PenaltyNotice(), new CourtProceedings(), new IdentifyAttendanceConcerns(), new ReviewIdentifiedPupils(), new StaleRegisterData(),
          new WatchRegisterFreshness(), new uk.schoolattendance.court.SupervisionOrderReminder());

  /** The two demo schools: 100001 buys the traded service, 100002 the universal one; officer is named for both. */
  public static final SchoolsProperties SCHOOLS =
      new SchoolsProperties(
          List.of(
              new School("100001", "Riverside Primary School", ServiceLevel.TRADED, "officer"),
              new School("100002", "Hillcrest Academy", ServiceLevel.UNIVERSAL, "officer")));

  /** The shipped calendar (application.yaml). */
  public static final SchoolCalendar CALENDAR = TestCalendars.shipped();

  static final String[] FEATURES = {
    "uk.schoolattendance.casework",
    "uk.schoolattendance.court",
    "uk.schoolattendance.improvement",
    "uk.schoolattendance.meetings",
    "uk.schoolattendance.notices",
    "uk.schoolattendance.persons",
    "uk.schoolattendance.process",
    "uk.schoolattendance.schools"
  };

  public final AnnotationConfigApplicationContext beans;
  public final DataSource dataSource;
  public final JdbcTemplate jdbc;
  public final SpringProcessEngineConfiguration configuration;
  public final SchoolCalendar calendar;
  public final SchoolDirectory schools;
  public final PenaltyNoticeProperties properties;
  public final PenaltyNoticeRegister register;
  public final PenaltyNoticeNumbers numbers;
  public final NoticeDates dates;
  public final PenaltyNoticeTermsService terms;
  public final PenaltyNoticeLetter letter;
  public final CourtProceedingsRepository courtProceedings;

  /**
   * The council the process tests issue notices as: a fictional one (the .example domain is never
   * real) with its name, full address and one way to pay, cheques by post. Notices are refused
   * while the national placeholders stand, so a test of that refusal sets them itself.
   */
  public static final PenaltyNoticeProperties.Authority COUNCIL = new PenaltyNoticeProperties.Authority(
      "Seaview Borough Council", "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, null, null, null, null,
      true, null, null);

  /** The national rules, issued by {@link #COUNCIL}. */
  public static PenaltyNoticeProperties councilNotices() {
    return PenaltyNoticeProperties.defaults().withAuthority(COUNCIL);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** What a test class changes of the fixture. */
  public static final class Builder {
    private final String name;
    private boolean coverage;
    private PenaltyNoticeProperties properties = councilNotices();
    private final Map<String, Object> replacements = new LinkedHashMap<>();
    private boolean noticeNumbersFrom2026;
    private final AtomicInteger lastReference = new AtomicInteger();
    private final AtomicInteger lastNoticeNumber = new AtomicInteger();

    private Builder(String name) {
      this.name = name + "-" + UUID.randomUUID();
    }

    /** The engine records flow-node and sequence-flow coverage (for ProcessEngineCoverageExtension). */
    public Builder coverage() {
      coverage = true;
      return this;
    }

    public Builder penaltyNotices(PenaltyNoticeProperties local) {
      properties = local;
      return this;
    }

    /** The bean of this name is this object instead of the application's. */
    public Builder replace(String beanName, Object bean) {
      replacements.put(beanName, bean);
      return this;
    }

    /** Case references {@code AC-2026-000001}, … instead of the database counter's. */
    public Builder caseReferencesFrom2026() {
      return replace("caseReferences", (CaseReferences) () -> String.format("AC-2026-%06d", lastReference.incrementAndGet()));
    }

    /** Notice numbers {@code PN-2026-000001}, … whatever the engine's clock (the case's tests run in 2025). */
    public Builder noticeNumbersFrom2026() {
      noticeNumbersFrom2026 = true;
      return this;
    }

    public ProcessEngineFixture build() {
      return new ProcessEngineFixture(this);
    }
  }

  private final Builder builder;

  private ProcessEngineFixture(Builder builder) {
    this.builder = builder;
    dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + builder.name + ";DB_CLOSE_DELAY=-1", "sa", "");
    // The project's own tables (V1..V99); V100+ index the engine's tables, which the engine
    // creates later here (the application migrates after the engine: EngineTuning).
    Flyway.configure()
        .dataSource(dataSource)
        .table("attendance_schema_history")
        .target(lastOwnTableMigration())
        .load()
        .migrate();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    jdbc = new JdbcTemplate(dataSource);

    beans = new AnnotationConfigApplicationContext();
    beans.getBeanFactory().registerSingleton("dataSource", dataSource);
    beans.getBeanFactory().registerSingleton("jdbcTemplate", jdbc);
    beans.getBeanFactory().registerSingleton("transactionManager", transactions);
    beans.getBeanFactory().registerSingleton("calendarProperties", CALENDAR.properties());
    beans.getBeanFactory().registerSingleton("schoolsProperties", SCHOOLS);
    if (!builder.replacements.containsKey("caseSettings")) {
      // the national defaults unless a test is a council that chose otherwise
      beans.getBeanFactory().registerSingleton("caseSettings", CaseSettings.defaults());
    }
    beans.getBeanFactory().registerSingleton("penaltyNoticeProperties", builder.properties);
    beans.getBeanFactory().registerSingleton("courtProperties", CourtProperties.defaults());
    if (!builder.replacements.containsKey("supervisionOrderExtensionProperties")) {
      beans.getBeanFactory().registerSingleton("supervisionOrderExtensionProperties",
          uk.schoolattendance.court.SupervisionOrderExtensionProperties.defaults());
    }
    beans.getBeanFactory().registerSingleton("compulsorySchoolAge", uk.schoolattendance.schools.CompulsorySchoolAge.national());
    beans.getBeanFactory().registerSingleton("noticeToImproveProperties", NoticeToImproveProperties.defaults());
    // the threshold's words, as the attendance package builds them from the register's reading (national defaults)
    beans.getBeanFactory().registerSingleton("thresholdWords", new uk.schoolattendance.process.ThresholdWords(() -> 10, 10));
    if (!builder.replacements.containsKey("registerFigures")) {
      // the register is not part of the process tests: no pupil has marks unless a test says so
      beans.getBeanFactory().registerSingleton("registerFigures", (RegisterFigures) (upn, school) -> java.util.Optional.empty());
    }
    if (!builder.replacements.containsKey("schoolDataPacks")) {
      // an empty pack: the register's own tests check what a pack holds
      beans.getBeanFactory().registerSingleton("schoolDataPacks", (SchoolDataPacks) urn -> new SchoolDataPacks.MeetingDataPack(
          CALENDAR.today().toString(), Json.newList(), Json.newList(), Json.newList(), Json.newList()));
    }
    ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(beans);
    scanner.addExcludeFilter(new AnnotationTypeFilter(RestController.class));
    scanner.addExcludeFilter(new AnnotationTypeFilter(Controller.class));
    scanner.addExcludeFilter(NEEDS_ENGINE_SERVICES);
    scanner.scan(FEATURES);
    if (builder.noticeNumbersFrom2026) {
      AtomicInteger next = builder.lastNoticeNumber;
      builder.replacements.put(
          "penaltyNoticeNumbers",
          new PenaltyNoticeNumbers(jdbc, transactions, CALENDAR) {
            @Override
            public String next() {
              return String.format("PN-2026-%06d", next.incrementAndGet());
            }
          });
    }
    builder.replacements.forEach(
        (name, bean) -> {
          if (beans.containsBeanDefinition(name)) {
            beans.removeBeanDefinition(name);
          }
          beans.getBeanFactory().registerSingleton(name, bean);
        });
    beans.refresh();

    configuration = builder.coverage ? new SpringProcessWithCoverageEngineConfiguration() : new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName(builder.name);
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactions);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setApplicationContext(beans);
    configuration.setExpressionManager(new SpringExpressionManager(beans, null));
    List<ProcessEnginePlugin> plugins = new ArrayList<>(List.of(new SpinProcessEnginePlugin()));
    plugins.addAll(beans.getBeansOfType(ProcessEnginePlugin.class).values());
    configuration.getProcessEnginePlugins().addAll(plugins);
    configuration.getProcessEnginePlugins().add(new MigrationsAfterEngineTables(dataSource));

    calendar = beans.getBean(SchoolCalendar.class);
    schools = beans.getBean(SchoolDirectory.class);
    properties = builder.properties;
    register = beans.getBean(PenaltyNoticeRegister.class);
    numbers = beans.getBean(PenaltyNoticeNumbers.class);
    dates = beans.getBean(NoticeDates.class);
    terms = beans.getBean(PenaltyNoticeTermsService.class);
    letter = beans.getBean(PenaltyNoticeLetter.class);
    courtProceedings = beans.getBean(CourtProceedingsRepository.class);
  }

  /** The next case reference and notice number are the first again ({@code AC-2026-000001}, {@code PN-2026-000001}): for each test. */
  public void restartNumbering() {
    builder.lastReference.set(0);
    builder.lastNoticeNumber.set(0);
  }

  /**
   * Beans whose constructor takes one of the engine's services, or the API's signed-in user
   * ({@link CurrentUser}): not the models' (controllers' helpers, admin services).
   */
  static final TypeFilter NEEDS_ENGINE_SERVICES =
      (reader, factory) -> {
        try {
          if (reader.getResource().getURL().toString().contains("/test-classes/")) {
            return true; // the application's beans, not the tests'
          }
          Class<?> type = Class.forName(reader.getClassMetadata().getClassName(), false, ProcessEngineFixture.class.getClassLoader());
          for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            for (Class<?> parameter : constructor.getParameterTypes()) {
              if (parameter.getName().startsWith("org.camunda.bpm.engine.") && parameter.getSimpleName().endsWith("Service")
                  || parameter == CurrentUser.class) {
                return true;
              }
            }
          }
          return false;
        } catch (ClassNotFoundException | java.io.IOException e) {
          return false;
        }
      };

  /**
   * The project's migrations numbered above V100 (V100 indexes the engine's tables; later ones
   * change the project's own), applied once the engine has created its tables, as the
   * application does (EngineTuning).
   */
  static final class MigrationsAfterEngineTables extends org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin {
    private final DataSource dataSource;

    MigrationsAfterEngineTables(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine engine) {
      Flyway.configure().dataSource(dataSource).table("attendance_schema_history").load().migrate();
    }
  }

  /** The highest migration version below 100 (the project's own tables). */
  public static String lastOwnTableMigration() {
    try {
      int last = 0;
      for (org.springframework.core.io.Resource script :
          new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
              .getResources("classpath*:db/migration/V*__*.sql")) {
        int version = Integer.parseInt(script.getFilename().substring(1, script.getFilename().indexOf("__")).split("[._]")[0]);
        if (version < 100) {
          last = Math.max(last, version);
        }
      }
      return Integer.toString(last);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Register rows for a notice number. */
  public int registerRows(String noticeNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM pn_notice WHERE notice_number = ?", Integer.class, noticeNumber);
  }
}
