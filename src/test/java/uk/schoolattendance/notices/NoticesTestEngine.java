package uk.schoolattendance.notices;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.SpringProcessWithCoverageEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import uk.schoolattendance.casework.ProcessTestEngine;
import uk.schoolattendance.court.BuildCourtCaseFile;
import uk.schoolattendance.process.VariableOwnership;
import uk.schoolattendance.court.CaseFileBuilder;
import uk.schoolattendance.court.CourtCasePrepared;
import uk.schoolattendance.court.CourtOutcomeRecorded;
import uk.schoolattendance.court.CourtProceedingsRepository;
import uk.schoolattendance.court.CourtProceedingsRequested;
import uk.schoolattendance.court.CourtProperties;
import uk.schoolattendance.court.InterviewRecorded;
import uk.schoolattendance.court.ReportCourtOutcome;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.School.ServiceLevel;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.schools.SchoolsProperties;
import uk.schoolattendance.schools.TestCalendars;

/**
 * An in-memory engine for process tests of the notices, court and reporting packages, without a Spring
 * context: an H2 database migrated by Flyway (the register's tables next to the engine's), the
 * engine in Spring-managed transactions on the same data source (as in the application), and
 * the beans the models call, wired by hand.
 */
public final class NoticesTestEngine {

  public final DataSource dataSource;
  public final JdbcTemplate jdbc;
  public final SchoolCalendar calendar = TestCalendars.shipped();
  public final SchoolDirectory schools =
      new SchoolDirectory(
          new SchoolsProperties(
              List.of(
                  new School("100001", "Riverside Primary School", ServiceLevel.TRADED, "officer"),
                  new School("100002", "Hillcrest Academy", ServiceLevel.UNIVERSAL, "officer"))));
  public final PenaltyNoticeProperties properties;
  public final PenaltyNoticeRegister register;
  public final PenaltyNoticeNumbers numbers;
  public final NoticeDates dates;
  public final PenaltyNoticeTermsService terms;
  public final PenaltyNoticeLetter letter;
  public final CourtProperties court = CourtProperties.defaults();
  public final CourtProceedingsRepository courtProceedings;
  public final Map<Object, Object> beans = new HashMap<>();
  public final SpringProcessEngineConfiguration configuration;

  public NoticesTestEngine() {
    this(PenaltyNoticeProperties.defaults(), false);
  }

  public NoticesTestEngine(PenaltyNoticeProperties properties) {
    this(properties, false);
  }

  /** For a class with {@code ProcessEngineCoverageExtension}: the engine records coverage. */
  public static NoticesTestEngine withCoverage() {
    return new NoticesTestEngine(PenaltyNoticeProperties.defaults(), true);
  }

  private NoticesTestEngine(PenaltyNoticeProperties properties, boolean coverage) {
    String name = "notices-" + UUID.randomUUID();
    this.properties = properties;
    this.dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    // The project's own tables (V1..V99); V100+ index the engine's tables, which the engine
    // creates later here (the application migrates after the engine: EngineTuning).
    Flyway.configure()
        .dataSource(dataSource)
        .table("attendance_schema_history")
        .target(lastOwnTableMigration())
        .load()
        .migrate();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    this.jdbc = new JdbcTemplate(dataSource);
    this.register = new PenaltyNoticeRegister(jdbc);
    this.numbers = new PenaltyNoticeNumbers(jdbc, transactions, calendar);
    this.dates = new NoticeDates(calendar, properties);
    this.terms = new PenaltyNoticeTermsService(register, properties);
    this.letter = new PenaltyNoticeLetter(schools, properties);

    this.courtProceedings = new CourtProceedingsRepository(jdbc);

    beans.put("schoolCalendar", calendar);
    beans.put("schools", schools);
    beans.put("noticeDates", dates);
    beans.put("penaltyNoticeNumbers", numbers);
    beans.put("penaltyNoticeRequested", new PenaltyNoticeRequested(schools, numbers, dates));
    beans.put("leaveEvidenceChecked", new LeaveEvidenceChecked());
    beans.put("decidePenaltyNoticeTerms", new DecidePenaltyNoticeTerms(terms, dates));
    beans.put("issuePenaltyNotice", new IssuePenaltyNotice(register, dates));
    beans.put("penaltyNoticePaid", new PenaltyNoticePaid(register, dates));
    beans.put("penaltyNoticeWithdrawn", new PenaltyNoticeWithdrawn(register, dates));
    beans.put("penaltyNoticeUnpaid", new PenaltyNoticeUnpaid(register));
    beans.put("nonPaymentDecided", new NonPaymentDecided(register, dates));
    beans.put("anotherRouteChosen", new AnotherRouteChosen());
    beans.put("penaltyNoticeCourtOutcome", new PenaltyNoticeCourtOutcome(register));

    beans.put("courtProceedingsRequested", new CourtProceedingsRequested(schools, courtProceedings, dates, court));
    beans.put("buildCourtCaseFile", new BuildCourtCaseFile(new CaseFileBuilder(schools, properties), dates));
    beans.put("courtCasePrepared", new CourtCasePrepared(courtProceedings, dates, court));
    beans.put("interviewRecorded", new InterviewRecorded(dates));
    beans.put("courtOutcomeRecorded", new CourtOutcomeRecorded(courtProceedings, dates, court));
    beans.put("reportCourtOutcome", new ReportCourtOutcome(courtProceedings, schools, dates));

    configuration = coverage ? new SpringProcessWithCoverageEngineConfiguration() : new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactions);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setBeans(beans);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.getProcessEnginePlugins().add(new VariableOwnership(ProcessTestEngine.CONTRACTS));
  }

  /** The highest migration version below 100 (the project's own tables). */
  static String lastOwnTableMigration() {
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
