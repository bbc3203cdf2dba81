package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.schoolattendance.casework.AttendanceCaseTest.assertRefused;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.startVariables;
import static uk.schoolattendance.casework.CaseFixtures.vars;
import static uk.schoolattendance.casework.CaseFixtures.with;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.notices.NoticeBuilder;
import uk.schoolattendance.notices.PenaltyNotice;

/**
 * The offence period is a fact of the case (issue #12 items 5, 6, 14): recorded at the Pupil
 * Planning Meeting (or the leave taken on a term-time leave case), checked there at its edges, and
 * passed unchanged to every notice and prosecution. The called processes are stubs here; their own
 * checks are in PenaltyNoticeProcessTest and CourtProceedingsProcessTest.
 */
@Deployment(
    resources = {
      "bpmn/AttendanceCase.bpmn",
      "bpmn/ChangeCaseLevel.bpmn",
      "bpmn/ReviewOutcome.dmn",
      "bpmn/AttendanceBand.dmn",
      "bpmn/NationalThreshold.dmn",
      "stubs/PenaltyNoticeStub.bpmn",
      "stubs/CourtProceedingsStub.bpmn",
      "stubs/NoticeToImproveStub.bpmn"
    })
class OffencePeriodTest {

  static final ProcessEngineFixture ENGINE =
      ProcessEngineFixture.builder("offence-period-test").coverage().caseReferencesFrom2026().noticeNumbersFrom2026().build();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration).build();

  ProcessEngine processEngine;
  RuntimeService runtimeService;
  TaskService taskService;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    runtimeService = processEngine.getRuntimeService();
    taskService = processEngine.getTaskService();
    clockAt(2025, 10, 15, 10);
  }

  private ProcessInstance atPupilPlanningMeeting(String reference, Object... pairs) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(
        AttendanceCase.KEY, reference, with(with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4), pairs));
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());
    return instance;
  }

  private void decide(ProcessInstance instance, String route, String from, String to) {
    taskService.complete(task(instance).getId(), vars(
        AttendanceCase.LEGAL_ROUTE.name(), route, AttendanceCase.LEGAL_ROUTE_REASON.name(), "No engagement",
        AttendanceCase.NO_CONTRACT_REASON.name(), "The parent would not meet",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage",
        AttendanceCase.OFFENCE_FROM.name(), from, AttendanceCase.OFFENCE_TO.name(), to,
        // a pupil without marks: the school's printout establishes the threshold (with marks it is not read)
        AttendanceCase.THRESHOLD_EVIDENCE_CONFIRMED.name(), true, AttendanceCase.THRESHOLD_EVIDENCE_SESSIONS.name(), 12));
  }

  private List<ProcessInstance> called(String key, ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).superProcessInstanceId(instance.getId()).list();
  }

  @Test
  void aPenaltyNoticeNeedsTheRecordedPeriodAndEveryNoticeCarriesIt() {
    ProcessInstance instance = atPupilPlanningMeeting("AC-OP-1");
    assertRefused(
            () -> taskService.complete(task(instance).getId(), vars(AttendanceCase.LEGAL_ROUTE.name(), "penalty-notice")),
            AttendanceCase.OFFENCE_FROM.name())
        .hasMessageContaining("is required for a penalty notice");
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());

    decide(instance, "penalty-notice", "2025-09-15", "2025-10-10");
    List<ProcessInstance> notices = called(PenaltyNotice.KEY, instance);
    assertThat(notices).hasSize(2).allSatisfy(notice -> {
      Map<String, Object> passed = runtimeService.getVariables(notice.getId());
      assertThat(passed).containsEntry("offenceFrom", "2025-09-15").containsEntry("offenceTo", "2025-10-10")
          .containsEntry("pupilDateOfBirth", CaseFixtures.DATE_OF_BIRTH);
    });
  }

  @Test
  void aNoticeAfterANoticeToImproveKeepsThePeriodTheSessionsFellIn() {
    // the meeting is held on 10 December, after a 6-week Notice to Improve: a rolling 10-school-week
    // window would have lost September; the recorded period is what the notice charges
    clockAt(2025, 12, 10, 10);
    ProcessInstance instance = atPupilPlanningMeeting("AC-OP-2");
    decide(instance, "penalty-notice", "2025-09-08", "2025-09-26");
    assertThat(called(PenaltyNotice.KEY, instance)).allSatisfy(notice ->
        assertThat(runtimeService.getVariable(notice.getId(), "offenceFrom")).isEqualTo("2025-09-08"));
  }

  @Test
  void aPeriodTooShortForTheThresholdOrInTheFutureIsRefused() {
    ProcessInstance instance = atPupilPlanningMeeting("AC-OP-3");
    // Monday to Thursday: 8 sessions, fewer than the threshold's 10
    assertRefused(() -> decide(instance, "penalty-notice", "2025-09-15", "2025-09-18"), AttendanceCase.OFFENCE_FROM.name())
        .hasMessageContaining("holds 8 school sessions");
    assertRefused(() -> decide(instance, "penalty-notice", "2025-10-01", "2025-10-16"), AttendanceCase.OFFENCE_TO.name())
        .hasMessageContaining("future");
    assertRefused(() -> decide(instance, "penalty-notice", "2025-10-10", "2025-09-15"), AttendanceCase.OFFENCE_TO.name());
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());
  }

  @Test
  void aChildNotYetOfCompulsorySchoolAgeIsRefusedWithTheDayItBegins() {
    ProcessInstance instance = atPupilPlanningMeeting("AC-OP-4", AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), "2020-09-10");
    assertRefused(() -> decide(instance, "prosecution", "2025-09-15", "2025-10-10"), AttendanceCase.OFFENCE_FROM.name())
        .hasMessageContaining("of compulsory school age only from 31 December 2025");
    ProcessInstance unknown = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, "AC-OP-5",
        with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4, AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), null));
    assertRefused(() -> decide(unknown, "penalty-notice", "2025-09-15", "2025-10-10"), AttendanceCase.PUPIL_DATE_OF_BIRTH.name());
  }

  @Test
  void theLastDayOfTheSixMonthsStillAllowsAProsecutionAndTheNextDayDoesNot() {
    // offence ends Friday 10 October 2025: the information must be laid by 10 April 2026
    clockAt(2026, 4, 11, 10);
    ProcessInstance late = atPupilPlanningMeeting("AC-OP-6");
    assertRefused(() -> decide(late, "prosecution", "2025-09-15", "2025-10-10"), AttendanceCase.OFFENCE_TO.name())
        .hasMessageContaining("time-barred").hasMessageContaining("10 April 2026");

    clockAt(2026, 4, 10, 10);
    ProcessInstance inTime = atPupilPlanningMeeting("AC-OP-7");
    decide(inTime, "prosecution", "2025-09-15", "2025-10-10");
    ProcessInstance court = called(CourtProceedings.KEY, inTime).get(0);
    assertThat(runtimeService.getVariables(court.getId()))
        .containsEntry("offenceFrom", "2025-09-15").containsEntry("offenceTo", "2025-10-10");
  }

  @Test
  void anOffencePeriodIsChargedOnceForTheSameParentAndChild() {
    String pupil = CaseFixtures.newUpn();
    ProcessInstance instance = atPupilPlanningMeeting("AC-OP-8", AttendanceCase.PUPIL_UPN.name(), pupil);
    // an earlier notice to Alex, the person this case names first (issue #12 item 3)
    String alex = uk.schoolattendance.process.Parents.parse(
        "parents", runtimeService.getVariable(instance.getId(), AttendanceCase.PARENTS.name()), java.time.ZoneId.of("Europe/London")).get(0).id();
    NoticeBuilder.notice().number("PN-2025-700001").processInstance("pi-op").pupil(pupil).parent(alex)
        .offence(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 10)).issuedOn(LocalDate.of(2025, 10, 13))
        .issue(ENGINE.register, ENGINE.dates);
    assertRefused(() -> decide(instance, "penalty-notice", "2025-09-15", "2025-10-01"), AttendanceCase.OFFENCE_FROM.name())
        .hasMessageContaining("PN-2025-700001").hasMessageContaining("Alex Parent");
    decide(instance, "penalty-notice", "2025-09-15", "2025-09-30");
    assertThat(called(PenaltyNotice.KEY, instance)).hasSize(2);
  }

  @Test
  void aTermTimeLeaveCaseNamesTheLeaveTakenOrIsNotOpened() {
    assertRefused(() -> runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, "AC-OP-9",
            with(startVariables(), AttendanceCase.ROUTE.name(), "term-time-leave")), AttendanceCase.OFFENCE_FROM.name());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("AC-OP-9").count()).isZero();
  }
}
