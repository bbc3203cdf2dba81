package uk.schoolattendance.casework;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import uk.schoolattendance.attendance.IdentifyAttendanceConcerns;
import uk.schoolattendance.attendance.ReviewIdentifiedPupils;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.improvement.IssueNoticeToImprove;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.VariableOwnership;
import uk.schoolattendance.improvement.NoticeToImproveProperties;
import uk.schoolattendance.improvement.NoticeToImproveTaskRules;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.School.ServiceLevel;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.schools.SchoolsProperties;
import uk.schoolattendance.schools.TestCalendars;

/**
 * The in-memory engine of the process tests (no Spring): coverage, Spin for Json variables,
 * the mock expression manager, and the application's real beans registered under their bean
 * names with the shipped calendar and the two demo schools.
 */
public final class ProcessTestEngine {

  public static final SchoolCalendar CALENDAR = TestCalendars.shipped();
  public static final SchoolDirectory SCHOOLS =
      new SchoolDirectory(
          new SchoolsProperties(
              List.of(
                  new School("100001", "Riverside Primary School", ServiceLevel.TRADED, "officer"),
                  new School("100002", "Hillcrest Academy", ServiceLevel.UNIVERSAL, "officer"))));

  /** The contracts of the processes, as the application's Spring context collects them. */
  public static final List<ProcessContract> CONTRACTS =
      List.of(
          new AttendanceCase(), new ChangeCaseLevel(), new TargetingSupportMeeting(), new NoticeToImprove(),
          new PenaltyNotice(), new CourtProceedings(), new IdentifyAttendanceConcerns(), new ReviewIdentifiedPupils());

  /** The register's figures by UPN, as process tests want the register to hold them (empty: no marks). */
  public static final java.util.Map<String, uk.schoolattendance.casework.RegisterFigures.CaseFigures> MARKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ProcessTestEngine() {}

  public static ProcessEngineConfiguration configuration(String name) {
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new VariableOwnership(CONTRACTS)));
    return configuration;
  }

  /** Notice numbers as the notices package allocates them (its bean is not part of these tests). */
  public static final class PenaltyNoticeNumbers {
    private final AtomicInteger next = new AtomicInteger();

    public String next() {
      return String.format("PN-2026-%06d", next.incrementAndGet());
    }
  }

  /** Registers every bean the pathway's models call, as the application wires them. */
  public static void registerBeans() {
    AtomicInteger references = new AtomicInteger();
    CasePathway pathway = new CasePathway();
    CaseSettings settings = CaseSettings.defaults();
    Mocks.register("schools", SCHOOLS);
    Mocks.register("schoolCalendar", CALENDAR);
    Mocks.register("casePathway", pathway);
    Mocks.register(
        "caseStart",
        new CaseStartListener(
            SCHOOLS,
            () -> String.format("AC-2026-%06d", references.incrementAndGet()),
            pathway,
            upn -> java.util.Optional.ofNullable(MARKS.get(upn))));
    Mocks.register("caseAssignment", new CaseAssignment(SCHOOLS));
    Mocks.register("caseTaskRules", new CaseTaskRules(CALENDAR, pathway));
    Mocks.register("caseReviews", new CaseReviews(CALENDAR, settings));
    Mocks.register("recordLevelChange", new RecordLevelChange(pathway));
    Mocks.register("casePenaltyNotices", new CasePenaltyNotices(CALENDAR));
    Mocks.register("recordPenaltyNoticeOutcomes", new RecordPenaltyNoticeOutcomes(pathway));
    Mocks.register("caseMessages", new CaseMessages(pathway));
    Mocks.register("caseLevelChangeRequest", new CaseLevelChangeRequest());
    Mocks.register("penaltyNoticeNumbers", new PenaltyNoticeNumbers());
    Mocks.register(
        "issueNoticeToImprove", new IssueNoticeToImprove(CALENDAR, SCHOOLS, NoticeToImproveProperties.defaults()));
    Mocks.register("noticeToImproveTaskRules", new NoticeToImproveTaskRules());
    Mocks.register("targetingSupportMeetingStart", new TargetingSupportMeetingStart(SCHOOLS, CALENDAR));
    Mocks.register("targetingSupportMeetingRules", new TargetingSupportMeetingRules());
  }
}
