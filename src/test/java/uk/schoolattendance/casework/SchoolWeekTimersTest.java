package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.london;
import static uk.schoolattendance.casework.CaseFixtures.startVariables;
import static uk.schoolattendance.casework.CaseFixtures.vars;
import static uk.schoolattendance.casework.CaseFixtures.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.ProcessEngineFixture;

/** Waiting school-week timers move when the term dates change; timers on a chosen date stay. */
@Deployment(
    resources = {
      "bpmn/AttendanceCase.bpmn",
      "bpmn/ReviewOutcome.dmn",
      "bpmn/AttendanceBand.dmn",
      "bpmn/NationalThreshold.dmn",
      "stubs/PenaltyNoticeStub.bpmn",
      "stubs/CourtProceedingsStub.bpmn",
      "stubs/NoticeToImproveStub.bpmn"
    })
class SchoolWeekTimersTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(
          ProcessEngineFixture.builder("school-week-timers-test").coverage().caseReferencesFrom2026().build().configuration).build();

  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    clockAt(2025, 10, 15, 10);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  /** The shipped calendar with an extra closure: the week of 10 November 2025. */
  static SchoolCalendar withClosureWeek() {
    CalendarProperties shipped = ProcessEngineFixture.CALENDAR.properties();
    List<AcademicYear> years = new ArrayList<>();
    for (AcademicYear year : shipped.academicYears()) {
      List<Period> holidays = new ArrayList<>(year.holidays());
      if ("2025-26".equals(year.name())) {
        holidays.add(new Period(LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 14)));
      }
      years.add(new AcademicYear(year.name(), year.terms(), holidays));
    }
    return new SchoolCalendar(new CalendarProperties(shipped.zone(), shipped.timeOfDay(), years, shipped.bankHolidays()));
  }

  /** The timers on this calendar, a Notice to Improve's period by the one rule on the same calendar. */
  private SchoolWeekTimers timers(org.camunda.bpm.engine.RuntimeService runtime, SchoolCalendar calendar) {
    uk.schoolattendance.notices.PenaltyNoticeProperties receipt = uk.schoolattendance.notices.PenaltyNoticeProperties.defaults();
    return new SchoolWeekTimers(processEngine.getManagementService(), runtime, calendar,
        new uk.schoolattendance.improvement.ImprovementPeriod(calendar,
            uk.schoolattendance.improvement.NoticeToImproveProperties.defaults(),
            new uk.schoolattendance.notices.NoticeDates(calendar, receipt)));
  }

  @Test
  void aChangeOfTermDatesMovesWaitingReviews() {
    ProcessInstance counted = processEngine.getRuntimeService()
        .startProcessInstanceByKey(AttendanceCase.KEY, "AC-2025-000201", with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 2));
    complete(task(counted), vars(AttendanceCase.ATTENDANCE_TARGET.name(), 92.0));
    ProcessInstance chosen = processEngine.getRuntimeService()
        .startProcessInstanceByKey(AttendanceCase.KEY, "AC-2025-000202", with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 2));
    complete(task(chosen), vars(AttendanceCase.ATTENDANCE_TARGET.name(), 92.0, AttendanceCase.REVIEW_DATE.name(), "2025-11-12"));
    assertThat(job("Event_ReviewDateReached", counted).getDuedate()).isEqualTo(london(2025, 11, 19, 9));

    // Unchanged calendar: nothing to move
    assertThat(timers(processEngine.getRuntimeService(), ProcessEngineFixture.CALENDAR).recalculate()).isEmpty();

    List<SchoolWeekTimers.Moved> moved = timers(processEngine.getRuntimeService(), withClosureWeek()).recalculate();

    assertThat(moved).singleElement().satisfies(m -> {
      assertThat(m.processInstanceId()).isEqualTo(counted.getId());
      assertThat(m.to()).isEqualTo(london(2025, 11, 26, 9));
    });
    assertThat(job("Event_ReviewDateReached", counted).getDuedate()).isEqualTo(london(2025, 11, 26, 9));
    assertThat(processEngine.getRuntimeService().getVariable(counted.getId(), AttendanceCase.REVIEW_DUE_DATE.name()))
        .isEqualTo("2025-11-26");
    assertThat(job("Event_ReviewDateReached", chosen).getDuedate()).isEqualTo(london(2025, 11, 12, 9));
  }

  /**
   * A Notice to Improve issued (posted) Monday 3 November 2025, received Wednesday 5 November: 6 school
   * weeks from receipt, the last day inside them Tuesday 16 December, the review due Wednesday 17
   * December. A closure week of 10 November moves both: the forms then show the new last day, not the old one.
   */
  @Test
  @Deployment(resources = "bpmn/NoticeToImprove.bpmn")
  void aChangeOfTermDatesMovesANoticeToImprovesPeriodAndTheLastDayTheFormsShow() {
    clockAt(2025, 11, 3, 10);
    ProcessInstance notice = processEngine.getRuntimeService().startProcessInstanceByKey(
        uk.schoolattendance.improvement.NoticeToImprove.KEY, "AC-2025-000203",
        vars("caseReference", "AC-2025-000203", "pupilUpn", CaseFixtures.UPN, "pupilName", "Sam Pupil",
            uk.schoolattendance.improvement.NoticeToImprove.SCHOOL_URN.name(), "100002",
            uk.schoolattendance.improvement.NoticeToImprove.PARENTS.name(), CaseFixtures.twoParents(),
            uk.schoolattendance.improvement.NoticeToImprove.SUFFICIENT_IMPROVEMENT.name(), "no unauthorised absence"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(job(notice));
    String shown = uk.schoolattendance.improvement.NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name();
    String endsOn = uk.schoolattendance.improvement.NoticeToImprove.ENDS_ON.name();
    org.camunda.bpm.engine.RuntimeService runtime = processEngine.getRuntimeService();
    assertThat(runtime.getVariable(notice.getId(), shown)).isEqualTo("5 November 2025 to 16 December 2025");
    assertThat(runtime.getVariable(notice.getId(), endsOn)).isEqualTo("2025-12-17");

    List<SchoolWeekTimers.Moved> moved = timers(runtime, withClosureWeek()).recalculate();

    assertThat(moved).singleElement().satisfies(m -> assertThat(m.processInstanceId()).isEqualTo(notice.getId()));
    // the week of 10 November no longer counts: the sixth school week is the one after Christmas, its
    // last day inside the period Tuesday 6 January, the review on Wednesday 7 January
    assertThat(runtime.getVariable(notice.getId(), shown)).isEqualTo("5 November 2025 to 6 January 2026");
    assertThat(runtime.getVariable(notice.getId(), endsOn)).isEqualTo("2026-01-07");
  }
}
