package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.london;
import static uk.schoolattendance.casework.CaseFixtures.startVariables;
import static uk.schoolattendance.casework.CaseFixtures.vars;
import static uk.schoolattendance.casework.CaseFixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.schoolattendance.process.VariableValues;
import uk.schoolattendance.system.InvalidInputException;

/**
 * AttendanceCase: one full path per route and one test per detour, with time moved by the
 * engine clock and timer jobs executed by the test. PenaltyNotice, CourtProceedings and
 * NoticeToImprove are test stubs (src/test/resources/stubs) so these tests check what the case
 * passes to them, not their own work. Every flow node and sequence flow of AttendanceCase and
 * ChangeCaseLevel is covered (the build fails below 100 %).
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
class AttendanceCaseTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessTestEngine.configuration("attendance-case-test"))
          .assertClassCoverageAtLeast(1.0)
          .excludeProcessDefinitionKeys("PenaltyNotice", "CourtProceedings", "NoticeToImprove")
          .build();

  ProcessEngine processEngine;
  RuntimeService runtimeService;
  TaskService taskService;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    runtimeService = processEngine.getRuntimeService();
    taskService = processEngine.getTaskService();
    ProcessTestEngine.registerBeans();
    clockAt(2025, 10, 15, 10); // Wednesday 15 October 2025, in term
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  private ProcessInstance start(String reference, Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey("AttendanceCase", reference, variables);
  }

  private void completeTask(ProcessInstance instance, Object... pairs) {
    complete(task(instance), vars(pairs));
  }

  private void reachReviewDate(ProcessInstance instance, String timer) {
    Job timerJob = job(timer, instance);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(timerJob.getDuedate());
    execute(timerJob);
  }

  private Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  private Object historic(ProcessInstance instance, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  private List<ProcessInstance> children(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
        .sorted(Comparator.comparing(ProcessInstance::getBusinessKey))
        .toList();
  }

  private void completeChild(ProcessInstance child, Object... pairs) {
    Task stub = taskService.createTaskQuery().processInstanceId(child.getId()).singleResult();
    taskService.complete(stub.getId(), vars(pairs));
  }

  /**
   * A refused completion: the engine wraps a task listener's exception, so the test looks for the
   * InvalidInputException in the causes (the engine REST API answers 400 with its message).
   */
  static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof InvalidInputException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("an InvalidInputException among the causes of %s", thrown).isNotNull();
    assertThat(((InvalidInputException) cause).getField()).isEqualTo(field);
    return org.assertj.core.api.Assertions.assertThat(cause);
  }

  private JsonNode history(ProcessInstance instance) {
    return uk.schoolattendance.process.Json.parse("history", historic(instance, "history"));
  }

  // ---------------------------------------------------------------- full paths, one per route

  @Test
  void supportFirstFromFirstConcernToPenaltyNotices() {
    ProcessInstance instance = start("AC-2025-000001", startVariables());
    assertThat(instance).isWaitingAt("Task_InterveneInSchool");
    assertThat(variable(instance, "level")).isEqualTo(1);
    assertThat(variable(instance, "stage")).isEqualTo("listen-and-understand");

    completeTask(instance, "schoolInterventionOutcome", "refer-to-la");
    assertThat(instance).isWaitingAt("Task_HoldAttendanceMeeting");
    assertThat(variable(instance, "stage")).isEqualTo("facilitate-support");
    completeTask(instance, "attendanceTarget", 92.0);
    assertThat(instance).isWaitingAt("Event_ReviewDateReached");

    reachReviewDate(instance, "Event_ReviewDateReached");
    completeTask(instance, "currentAttendancePercent", 81.0);
    assertThat(variable(instance, "reviewOutcome")).isEqualTo("no-progress");
    assertThat(instance).isWaitingAt("Task_WorkWithFamily");
    assertThat(variable(instance, "level")).isEqualTo(3);

    completeTask(instance, "earlyHelpConsent", true, "earlyHelpAssessment", true,
        "caseworkOutcome", "formalise", "supportSoFar", "Family casework since October");
    assertThat(instance).isWaitingAt("Task_AgreeAttendanceContract");
    assertThat(variable(instance, "stage")).isEqualTo("formalise-support");
    completeTask(instance, "contractAgreed", true);
    assertThat(instance).isWaitingAt("Event_ContractReviewDateReached");
    reachReviewDate(instance, "Event_ContractReviewDateReached");
    completeTask(instance, "contractOutcome", "not-improved");

    // 12 unauthorised sessions: threshold met, support-first, no earlier notice -> Notice to Improve
    assertThat(instance).isWaitingAt("Activity_IssueNoticeToImprove");
    assertThat(variable(instance, "thresholdMet")).isEqualTo(true);
    ProcessInstance notice = children("NoticeToImprove").get(0);
    assertThat(notice.getBusinessKey()).isEqualTo("AC-2025-000001");
    Map<String, Object> passed = runtimeService.getVariables(notice.getId());
    assertThat(passed).containsKeys("caseReference", "pupilUpn", "pupilName", "schoolUrn", "parents",
        "attendancePercent", "unauthorisedSessions", "supportSoFar");
    assertThat(passed.get("supportSoFar")).isEqualTo("Family casework since October");
    assertThat(passed).hasSize(8);
    completeChild(notice, "improvementSufficient", false);

    assertThat(instance).isWaitingAt("Task_HoldPupilPlanningMeeting");
    assertThat(variable(instance, "level")).isEqualTo(4);
    assertThat(variable(instance, "stage")).isEqualTo("enforce");
    assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
        .extracting(IdentityLink::getGroupId).contains("senior-practitioners");
    completeTask(instance, "legalRoute", "penalty-notice", "legalRouteReason", "No engagement");

    // One notice per liable parent, each with the case's data and its own number
    assertThat(instance).isWaitingAt("Activity_IssuePenaltyNotices");
    assertThat(variable(instance, "level")).isEqualTo(5);
    List<ProcessInstance> notices = children("PenaltyNotice");
    assertThat(notices).extracting(ProcessInstance::getBusinessKey)
        .containsExactly("PN-2026-000001", "PN-2026-000002");
    Map<String, Object> first = runtimeService.getVariables(notices.get(0).getId());
    Map<String, Object> second = runtimeService.getVariables(notices.get(1).getId());
    assertThat(List.of(first.get("parentId"), second.get("parentId"))).containsExactlyInAnyOrder("P1", "P2");
    assertThat(List.of(first.get("parentName"), second.get("parentName")))
        .containsExactlyInAnyOrder("Alex Parent", "Jo Parent");
    assertThat(first.get("parentAddress")).asString().isNotBlank();
    assertThat(first).containsEntry("caseReference", "AC-2025-000001").containsEntry("pupilUpn", CaseFixtures.UPN)
        .containsEntry("schoolUrn", "100002").containsEntry("noticeReason", "other")
        .containsEntry("unauthorisedSessions", 12).containsKeys("offenceFrom", "offenceTo", "pupilName");
    assertThat((java.util.Date) first.get("offenceFrom")).isBefore((java.util.Date) first.get("offenceTo"));

    completeChild(notices.get(0), "noticeOutcome", "paid");
    completeChild(notices.get(1), "noticeOutcome", "withdrawn");
    assertThat(instance).isEnded();
    assertThat(historic(instance, "caseOutcome")).isEqualTo("penalty-paid");
    JsonNode outcomes = uk.schoolattendance.process.Json.parse("noticeOutcomes", historic(instance, "noticeOutcomes"));
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.findValuesAsText("noticeOutcome")).containsExactlyInAnyOrder("paid", "withdrawn");
    assertThat(outcomes.findValuesAsText("noticeNumber")).containsExactlyInAnyOrder("PN-2026-000001", "PN-2026-000002");
    assertThat(history(instance).findValuesAsText("event"))
        .contains("case-opened", "school-intervention", "attendance-meeting", "review-no-progress",
            "family-casework", "attendance-contract", "notice-to-improve-issued", "pupil-planning-meeting",
            "legal-route-penalty-notice", "penalty-notices", "penalty-notices-concluded");
  }

  @Test
  void termTimeLeaveWithTheThresholdMetGoesStraightToPenaltyNotices() {
    ProcessInstance instance = start("AC-2025-000002", with(startVariables(), "route", "term-time-leave"));
    assertThat(instance).isWaitingAt("Activity_IssuePenaltyNotices");
    assertThat(instance).hasNotPassed("Activity_IssueNoticeToImprove", "Task_HoldPupilPlanningMeeting");
    List<ProcessInstance> notices = children("PenaltyNotice");
    assertThat(notices).hasSize(2);
    assertThat(runtimeService.getVariable(notices.get(0).getId(), "noticeReason")).isEqualTo("holiday");
    completeChild(notices.get(0), "noticeOutcome", "withdrawn");
    completeChild(notices.get(1), "noticeOutcome", "withdrawn");
    assertThat(instance).isEnded();
    assertThat(historic(instance, "caseOutcome")).isEqualTo("withdrawn");
  }

  // ---------------------------------------------------------------- detours

  @Test
  void levelOneImprovedClosesTheCase() {
    ProcessInstance instance = start("AC-2025-000003", startVariables());
    completeTask(instance, "schoolInterventionOutcome", "improved");
    assertThat(instance).isEnded().hasPassed("Event_ImprovedAfterSchoolIntervention", "Event_CaseClosedImproved");
    assertThat(historic(instance, "caseOutcome")).isEqualTo("improved");
    assertThat(historic(instance, "stage")).isEqualTo("monitor");
  }

  @Test
  void theReviewIsFourSchoolWeeksAfterTheMeetingAcrossHalfTerm() {
    ProcessInstance instance = start("AC-2025-000004", with(startVariables(), "entryLevel", 2));
    assertThat(instance).isWaitingAt("Task_HoldAttendanceMeeting");
    completeTask(instance, "attendanceTarget", 92.0, "barriers", "Anxiety about school");
    // Meeting Wednesday 15 October 2025; half term 27-31 October is not a school week
    assertThat(job("Event_ReviewDateReached", instance).getDuedate()).isEqualTo(london(2025, 11, 19, 9));
    assertThat(variable(instance, "reviewWeeks")).isEqualTo(4);
    reachReviewDate(instance, "Event_ReviewDateReached");
    completeTask(instance, "currentAttendancePercent", 92.0);
    assertThat(instance).isEnded().hasPassed("Event_AttendanceTargetMet");
    assertThat(historic(instance, "caseOutcome")).isEqualTo("improved");
  }

  @Test
  void aChosenReviewDateIsKept() {
    ProcessInstance instance = start("AC-2025-000005", with(startVariables(), "entryLevel", 2));
    completeTask(instance, "attendanceTarget", 95.0, "reviewDate", "2025-11-05");
    assertThat(job("Event_ReviewDateReached", instance).getDuedate()).isEqualTo(london(2025, 11, 5, 9));
    assertThat(variable(instance, "reviewWeeks")).isNull();
  }

  @Test
  void someProgressIsReviewedTwiceMoreThenTheCaseMovesToLevelThree() {
    ProcessInstance instance = start("AC-2025-000006", with(startVariables(), "entryLevel", 2));
    completeTask(instance, "attendanceTarget", 95.0);
    reachReviewDate(instance, "Event_ReviewDateReached");
    completeTask(instance, "currentAttendancePercent", 84.0); // +4: some progress, review 2
    assertThat(instance).isWaitingAt("Event_ReviewDateReached");
    assertThat(variable(instance, "reviewStartPercent")).isEqualTo(84.0);
    reachReviewDate(instance, "Event_ReviewDateReached");
    completeTask(instance, "currentAttendancePercent", 87.0); // +3: some progress, review 3
    assertThat(instance).isWaitingAt("Event_ReviewDateReached");
    reachReviewDate(instance, "Event_ReviewDateReached");
    completeTask(instance, "currentAttendancePercent", 90.0); // +3 again: no more reviews allowed
    assertThat(instance).isWaitingAt("Task_WorkWithFamily");
    assertThat(variable(instance, "reviewCount")).isEqualTo(2);
    assertThat(variable(instance, "attendanceBand")).isEqualTo("persistent");
  }

  @Test
  void familyCaseworkThatWorksClosesTheCase() {
    ProcessInstance instance = start("AC-2025-000007", with(startVariables(), "entryLevel", 3));
    assertThat(instance).isWaitingAt("Task_WorkWithFamily");
    completeTask(instance, "earlyHelpConsent", false, "caseworkOutcome", "improved");
    assertThat(instance).isEnded().hasPassed("Event_ImprovedAfterCasework");
  }

  @Test
  void anAttendanceContractThatWorksClosesTheCase() {
    ProcessInstance instance = start("AC-2025-000008", with(startVariables(), "entryLevel", 3));
    completeTask(instance, "earlyHelpConsent", true, "caseworkOutcome", "formalise");
    completeTask(instance, "contractAgreed", "true", "contractReviewDate", "2025-12-03");
    assertThat(job("Event_ContractReviewDateReached", instance).getDuedate()).isEqualTo(london(2025, 12, 3, 9));
    reachReviewDate(instance, "Event_ContractReviewDateReached");
    completeTask(instance, "contractOutcome", "improved");
    assertThat(instance).isEnded().hasPassed("Event_ImprovedUnderContract");
  }

  @Test
  void belowTheThresholdNoNoticeAndNoPenaltyNoticeButProsecutionRemains() {
    ProcessInstance instance =
        start("AC-2025-000009", with(startVariables(), "entryLevel", 3, "unauthorisedSessions", 9));
    completeTask(instance, "earlyHelpConsent", false, "caseworkOutcome", "formalise");
    completeTask(instance, "contractAgreed", false, "noContractReason", "Parent refused to meet");
    assertThat(instance).isWaitingAt("Task_HoldPupilPlanningMeeting");
    assertThat(variable(instance, "thresholdMet")).isEqualTo(false);
    assertThat(instance).hasNotPassed("Activity_IssueNoticeToImprove");

    Task meeting = task(instance);
    assertRefused(() -> taskService.complete(meeting.getId(), vars("legalRoute", "penalty-notice")), "legalRoute")
        .hasMessageContaining("national threshold");
    assertThat(instance).isWaitingAt("Task_HoldPupilPlanningMeeting");

    completeTask(instance, "legalRoute", "prosecution", "legalRouteReason", "Sustained absence");
    assertThat(instance).isWaitingAt("Activity_TakeCaseToCourt");
    ProcessInstance court = children("CourtProceedings").get(0);
    assertThat(court.getBusinessKey()).isEqualTo("AC-2025-000009");
    assertThat(runtimeService.getVariables(court.getId()))
        .containsEntry("proceedingsType", "prosecution").containsKeys("caseReference", "pupilUpn", "pupilName", "schoolUrn", "parents")
        .hasSize(6);
    completeChild(court, "courtOutcome", "fine");
    assertThat(instance).isEnded();
    assertThat(historic(instance, "caseOutcome")).isEqualTo("court-outcome");
    assertThat(historic(instance, "courtOutcome")).isEqualTo("fine");
  }

  @Test
  void aParentWhoHadANoticeToImproveBeforeDoesNotGetAnother() {
    ProcessInstance instance = start("AC-2025-000010",
        with(startVariables(), "entryLevel", 3, "previousNoticeToImprove", true));
    completeTask(instance, "earlyHelpConsent", false, "caseworkOutcome", "formalise");
    completeTask(instance, "contractAgreed", false, "noContractReason", "Refused");
    assertThat(instance).isWaitingAt("Task_HoldPupilPlanningMeeting").hasPassed("Gateway_NoticeGivenBefore");
    assertThat(instance).hasNotPassed("Activity_IssueNoticeToImprove");
  }

  @Test
  void sufficientImprovementAfterTheNoticeClosesTheCase() {
    ProcessInstance instance = start("AC-2025-000011", with(startVariables(), "entryLevel", 3));
    completeTask(instance, "earlyHelpConsent", false, "caseworkOutcome", "formalise");
    completeTask(instance, "contractAgreed", false, "noContractReason", "Refused");
    completeChild(children("NoticeToImprove").get(0), "improvementSufficient", true);
    assertThat(instance).isEnded().hasPassed("Event_ImprovedAfterNotice");
    assertThat(historic(instance, "caseOutcome")).isEqualTo("improved");
  }

  @Test
  void termTimeLeaveBelowTheThresholdGoesToThePupilPlanningMeeting() {
    ProcessInstance instance = start("AC-2025-000012",
        with(startVariables(), "route", "term-time-leave", "unauthorisedSessions", 6));
    assertThat(instance).isWaitingAt("Task_HoldPupilPlanningMeeting");
    completeTask(instance, "legalRoute", "education-supervision-order");
    ProcessInstance court = children("CourtProceedings").get(0);
    assertThat(runtimeService.getVariable(court.getId(), "proceedingsType")).isEqualTo("education-supervision-order");
  }

  @Test
  void furtherSupportFromThePupilPlanningMeetingReturnsToLevelThree() {
    ProcessInstance instance = start("AC-2025-000013", with(startVariables(), "entryLevel", 4));
    assertThat(instance).isWaitingAt("Task_HoldPupilPlanningMeeting");
    completeTask(instance, "legalRoute", "further-support", "legalRouteReason", "New health needs");
    assertThat(instance).isWaitingAt("Task_WorkWithFamily");
    assertThat(variable(instance, "level")).isEqualTo(3);
    assertThat(variable(instance, "route")).isEqualTo("support-first");
    assertThat(history(instance).findValuesAsText("event")).contains("level-changed");
  }

  @Test
  void aParentAtTheLimitOfPenaltyNoticesSendsTheCaseBackToSupport() {
    ProcessInstance instance = start("AC-2025-000014", with(startVariables(), "entryLevel", 4));
    completeTask(instance, "legalRoute", "penalty-notice", "lateArrival", true);
    List<ProcessInstance> notices = children("PenaltyNotice");
    assertThat(runtimeService.getVariable(notices.get(0).getId(), "noticeReason")).isEqualTo("late");
    completeChild(notices.get(0), "noticeOutcome", "another-route");
    completeChild(notices.get(1), "noticeOutcome", "paid");
    assertThat(instance).isWaitingAt("Task_WorkWithFamily");
    assertThat(variable(instance, "caseOutcome")).isNull();
  }

  @Test
  void aCaseThatWentToCourtThroughANoticeEndsWithTheCourtOutcome() {
    ProcessInstance instance = start("AC-2025-000015", with(startVariables(), "entryLevel", 4));
    completeTask(instance, "legalRoute", "penalty-notice");
    List<ProcessInstance> notices = children("PenaltyNotice");
    completeChild(notices.get(0), "noticeOutcome", "court-outcome");
    completeChild(notices.get(1), "noticeOutcome", "another-route");
    assertThat(instance).isEnded();
    assertThat(historic(instance, "caseOutcome")).isEqualTo("court-outcome");
  }

  // ---------------------------------------------------------------- at any time

  @Test
  void anOfficerEscalatesWithAReason() {
    ProcessInstance instance = start("AC-2025-000016", startVariables());
    assertThatThrownBy(() -> runtimeService.createMessageCorrelation("ChangeLevel")
            .processInstanceBusinessKey("AC-2025-000016").setVariable("newLevel", 7)
            .setVariable("changeReason", "x").correlate())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("newLevel");
    assertThat(instance).isWaitingAt("Task_InterveneInSchool");

    runtimeService.createMessageCorrelation("ChangeLevel").processInstanceBusinessKey("AC-2025-000016")
        .setVariable("newLevel", 4).setVariable("changeReason", "Safeguarding concern: straight to planning").correlate();
    assertThat(instance).isWaitingAt("Task_HoldPupilPlanningMeeting");
    JsonNode change = history(instance).findParents("event").stream()
        .filter(e -> "level-changed".equals(e.path("event").asText())).findFirst().orElseThrow();
    assertThat(change.path("reason").asText()).contains("from level 1 to 4").contains("Safeguarding");
  }

  @Test
  void aTasklistUserStepsACaseDownThroughChangeCaseLevel() {
    ProcessInstance instance = start("AC-2025-000017", with(startVariables(), "entryLevel", 3));
    ProcessInstance request = runtimeService.startProcessInstanceByKey("ChangeCaseLevel",
        vars("caseReference", "AC-2025-000017", "newLevel", "2", "changeReason", "Family engaging well"));
    assertThat(request).isEnded();
    assertThat(instance).isWaitingAt("Task_HoldAttendanceMeeting");
    assertThat(variable(instance, "level")).isEqualTo(2);

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("ChangeCaseLevel",
            vars("caseReference", "AC-2099-999999", "newLevel", 2, "changeReason", "x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("caseReference");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("ChangeCaseLevel",
            vars("caseReference", "AC-2025-000017", "newLevel", 2)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("changeReason");
  }

  @Test
  void caseClosedEndsTheCaseAtAnyPoint() {
    ProcessInstance instance = start("AC-2025-000018", with(startVariables(), "entryLevel", 2));
    assertThatThrownBy(() -> runtimeService.createMessageCorrelation("CaseClosed")
            .processInstanceBusinessKey("AC-2025-000018").correlate())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("closureReason");
    assertThat(instance).isWaitingAt("Task_HoldAttendanceMeeting");
    runtimeService.createMessageCorrelation("CaseClosed").processInstanceBusinessKey("AC-2025-000018")
        .setVariable("closureReason", "Pupil moved out of the area").correlate();
    assertThat(instance).isEnded().hasPassed("Event_CaseClosed");
    assertThat(historic(instance, "caseOutcome")).isEqualTo("closed");
    assertThat(historic(instance, "closureReason")).isEqualTo("Pupil moved out of the area");
  }

  @Test
  void aCaseWithOpenPenaltyNoticesCannotBeClosed() {
    ProcessInstance instance = start("AC-2025-000022", with(startVariables(), "entryLevel", 4));
    completeTask(instance, "legalRoute", "penalty-notice");
    assertThatThrownBy(() -> runtimeService.createMessageCorrelation("CaseClosed")
            .processInstanceBusinessKey("AC-2025-000022").setVariable("closureReason", "Moved away").correlate())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("penalty notices or court proceedings open");
    assertThat(instance).isWaitingAt("Activity_IssuePenaltyNotices");
    assertThat(children("PenaltyNotice")).hasSize(2);
  }

  @Test
  void attendanceUpdatedRefreshesTheFiguresTheTasksShow() {
    ProcessInstance instance = start("AC-2025-000019", startVariables());
    assertThat(variable(instance, "attendanceBand")).isEqualTo("persistent");
    runtimeService.createMessageCorrelation("AttendanceUpdated").processInstanceBusinessKey("AC-2025-000019")
        .setVariable("attendancePercent", 45.0).setVariable("unauthorisedSessions", 20).correlate();
    assertThat(instance).isWaitingAt("Task_InterveneInSchool");
    assertThat(variable(instance, "attendanceBand")).isEqualTo("severe");
    assertThat(variable(instance, "unauthorisedSessions")).isEqualTo(20);
    assertThatThrownBy(() -> runtimeService.createMessageCorrelation("AttendanceUpdated")
            .processInstanceBusinessKey("AC-2025-000019").setVariable("attendancePercent", 120.0)
            .setVariable("unauthorisedSessions", 20).correlate())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("attendancePercent");
    assertThat(variable(instance, "attendancePercent")).isEqualTo(45.0);
  }

  // ---------------------------------------------------------------- who does what, bad input

  @Test
  void schoolTasksGoToTheNamedOfficerOfATradedSchoolAndToTheSchoolOtherwise() {
    ProcessInstance traded = start("AC-2025-000020", with(startVariables(), "schoolUrn", "100001"));
    List<IdentityLink> links = taskService.getIdentityLinksForTask(task(traded).getId());
    assertThat(links).extracting(IdentityLink::getUserId).containsExactly("officer");
    assertThat(links).extracting(IdentityLink::getGroupId).containsOnlyNulls();

    ProcessInstance universal = start("AC-2025-000021", startVariables());
    assertThat(taskService.getIdentityLinksForTask(task(universal).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("school-100002");
    assertThat(task(universal).getDueDate()).isNotNull();
    assertThat(task(universal).getFollowUpDate()).isNotNull();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "pupilUpn, A801200001001",
    "pupilUpn, H80120000100",
    "pupilUpn, I801200001001",
    "schoolUrn, 999999",
    "schoolUrn, 12345",
    "attendancePercent, 100.5",
    "attendancePercent, -1",
    "unauthorisedSessions, -2",
    "route, holiday",
    "entryLevel, 5",
    "pupilName, ''"
  })
  void aStartWithAnInvalidVariableIsRefusedAndCreatesNothing(String name, String value) {
    Object typed = switch (name) {
      case "attendancePercent" -> Double.valueOf(value);
      case "unauthorisedSessions", "entryLevel" -> Integer.valueOf(value);
      default -> value;
    };
    assertThatThrownBy(() -> start("AC-2025-000030", with(startVariables(), name, typed)))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(name + ":");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aStartWithoutParentsOrWithAParentWithoutAddressIsRefused() {
    Map<String, Object> none = startVariables();
    none.remove("parents");
    assertThatThrownBy(() -> start("AC-2025-000031", none)).hasMessageStartingWith("parents:");
    assertThatThrownBy(() -> start("AC-2025-000031", with(startVariables(), "parents",
            org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"name\":\"A\"}]").create())))
        .hasMessageStartingWith("parents[0].address:");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aStartFromTasklistGetsAReferenceAndBuildsParentsFromTheFormFields() {
    Map<String, Object> form = startVariables();
    form.remove("parents");
    form.put("parent1Name", "Alex Parent");
    form.put("parent1Address", "1 High Street");
    form.put("attendancePercent", 80); // Tasklist submits whole numbers as Integer
    form.put("entryLevel", "1");       // and select values as strings
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("AttendanceCase", form);
    assertThat(instance.getBusinessKey()).isEqualTo("AC-2026-000001");
    assertThat(variable(instance, "caseReference")).isEqualTo("AC-2026-000001");
    assertThat(variable(instance, "attendancePercent")).isEqualTo(80.0);
    assertThat(variable(instance, "entryLevel")).isEqualTo(1);
    JsonNode parents = uk.schoolattendance.process.Json.parse("parents", variable(instance, "parents"));
    assertThat(parents.get(0).path("id").asText()).isEqualTo("parent-1");
    assertThat(variable(instance, "parent1Name")).isNull();
    assertThatThrownBy(() -> start("AC-2026-000001", startVariables()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already in use");
  }

  @Test
  void aCompletionWithAnInvalidValueIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = start("AC-2025-000032", with(startVariables(), "entryLevel", 2));
    Task meeting = task(instance);
    assertRefused(() -> taskService.complete(meeting.getId(), vars("attendanceTarget", 150.0)), "attendanceTarget");
    assertRefused(() -> taskService.complete(meeting.getId(), vars("attendanceTarget", 75.0)), "attendanceTarget")
        .hasMessageContaining("above the pupil's current attendance");
    assertRefused(() -> taskService.complete(meeting.getId(), vars("attendanceTarget", 92.0, "reviewDate", "2025-10-29")),
        "reviewDate").hasMessageContaining("2025-10-29 is not a school day");
    assertThat(instance).isWaitingAt("Task_HoldAttendanceMeeting");
    assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).isEqualTo(1);

    ProcessInstance family = start("AC-2025-000033", with(startVariables(), "entryLevel", 3));
    Task casework = task(family);
    assertRefused(() -> taskService.complete(casework.getId(),
            vars("earlyHelpConsent", false, "earlyHelpAssessment", true, "caseworkOutcome", "formalise")),
        "earlyHelpAssessment");
    assertRefused(() -> taskService.complete(casework.getId(), vars("earlyHelpConsent", true, "caseworkOutcome", "maybe")),
        "caseworkOutcome");
    assertRefused(() -> taskService.complete(casework.getId(), vars("caseworkOutcome", "formalise")), "earlyHelpConsent");
    assertThat(family).isWaitingAt("Task_WorkWithFamily");
  }

  // ---------------------------------------------------------------- issue #11: holes 1 and 3

  @Test
  void aCompletionSetsOnlyWhatItsTaskOwnsAndAMessageCarriesOnlyItsOwnVariables() {
    ProcessInstance instance = start("AC-2025-000040", startVariables());
    Task task = task(instance);
    assertRefused(() -> taskService.complete(task.getId(),
            VariableValues.with(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME, "refer-to-la")
                .and(AttendanceCase.UNAUTHORISED_SESSIONS, 999)),
        AttendanceCase.UNAUTHORISED_SESSIONS.name())
        .hasMessageContaining("is not set by task Task_InterveneInSchool");
    assertRefused(() -> taskService.complete(task.getId(),
            VariableValues.with(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME, "improved").and(AttendanceCase.SCHOOL_URN, "100001")),
        AttendanceCase.SCHOOL_URN.name());
    assertThat(instance).isWaitingAt(AttendanceCase.INTERVENE_IN_SCHOOL.id());
    assertThat(AttendanceCase.UNAUTHORISED_SESSIONS.from(variable(instance, AttendanceCase.UNAUTHORISED_SESSIONS.name()))).isEqualTo(12);

    assertRefused(() -> runtimeService.createMessageCorrelation(AttendanceCase.ATTENDANCE_UPDATED.name())
            .processInstanceBusinessKey("AC-2025-000040")
            .setVariables(VariableValues.with(AttendanceCase.ATTENDANCE_PERCENT, 85.0)
                .and(AttendanceCase.UNAUTHORISED_SESSIONS, 3).and(AttendanceCase.LEVEL, 5))
            .correlate(),
        AttendanceCase.LEVEL.name());
    assertThat(variable(instance, AttendanceCase.LEVEL.name())).isEqualTo(1);
  }

  @Test
  void inputsAreTrimmedAndNormalisedBeforeAnyRuleReadsThem() {
    ProcessInstance instance = start("AC-2025-000041", with(startVariables(),
        AttendanceCase.SCHOOL_URN.name(), " 100002 ", AttendanceCase.PUPIL_UPN.name(), " h801200001001",
        AttendanceCase.PUPIL_NAME.name(), "  Sam Pupil ", AttendanceCase.ROUTE.name(), " support-first"));
    assertThat(variable(instance, AttendanceCase.SCHOOL_URN.name())).isEqualTo("100002");
    assertThat(variable(instance, AttendanceCase.PUPIL_UPN.name())).isEqualTo(CaseFixtures.UPN);
    assertThat(variable(instance, AttendanceCase.PUPIL_NAME.name())).isEqualTo("Sam Pupil");
    assertThat(variable(instance, AttendanceCase.ROUTE.name())).isEqualTo(AttendanceCase.SUPPORT_FIRST);
    assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("school-100002");

    complete(task(instance), VariableValues.none().raw(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME, " refer-to-la  "));
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_ATTENDANCE_MEETING.id());
    assertThat(variable(instance, AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name())).isEqualTo("refer-to-la");

    runtimeService.createMessageCorrelation(AttendanceCase.ATTENDANCE_UPDATED.name()).processInstanceBusinessKey("AC-2025-000041")
        .setVariables(VariableValues.none().raw(AttendanceCase.ATTENDANCE_PERCENT, " 81.5 ").raw(AttendanceCase.UNAUTHORISED_SESSIONS, "14"))
        .correlate();
    assertThat(variable(instance, AttendanceCase.ATTENDANCE_PERCENT.name())).isEqualTo(81.5);
    assertThat(variable(instance, AttendanceCase.UNAUTHORISED_SESSIONS.name())).isEqualTo(14);
  }
}
