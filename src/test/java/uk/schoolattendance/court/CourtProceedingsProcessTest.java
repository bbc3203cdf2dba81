package uk.schoolattendance.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.notices.NoticesTestEngine;
import uk.schoolattendance.system.InvalidInputException;

/** Every path of {@code CourtProceedings}, started alone; class coverage must be 100 %. */
@Deployment(
    resources = {
      "bpmn/CourtProceedings.bpmn",
      "bpmn-test/AttendanceCaseHistoryStub.bpmn",
      "forms/prepare-court-case.form",
      "forms/interview-under-caution.form",
      "forms/record-court-outcome.form"
    })
class CourtProceedingsProcessTest {

  static final NoticesTestEngine ENGINE = NoticesTestEngine.withCoverage();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ENGINE.configuration).assertClassCoverageAtLeast(1.0).build();

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  ProcessEngine engine;

  @BeforeEach
  void today() {
    BpmnAwareTests.init(engine);
    setToday(LocalDate.of(2026, 12, 3));
  }

  @Test
  void prosecutionUnderS444OneAfterNonPaymentEndsInAFineReportedToTheSchool() {
    caseHistory("AC-1");
    ProcessInstance court = start(prosecution("AC-1"));
    assertThat(court).isWaitingAt("Task_BuildCaseFile");
    execute(job());

    assertThat(court).isWaitingAt("Task_PrepareCourtCase");
    assertThat(task()).hasCandidateGroup("attendance-officers");
    assertThat(task().getDueDate()).isEqualTo(at(LocalDate.of(2026, 12, 17), 9));
    Map<String, Object> file = engine.getRuntimeService().getVariables(court.getId());
    assertThat((String) file.get("chronology"))
        .contains("Hold attendance meeting (officer)")
        .contains("Agree attendance contract")
        .containsSubsequence("Case opened", "Hold attendance meeting", "Agree attendance contract", "Case closed",
            "Court proceedings requested");
    assertThat((String) file.get("evidenceList"))
        .contains("Attendance certificate")
        .contains("Notice to Improve: none issued")
        .contains("Attendance contract: agreed")
        .contains("Penalty notice PN-2026-000007");
    assertThat((String) file.get("witnessStatement"))
        .contains("Sam Pupil")
        .contains("A123456789012")
        .contains("Riverside Primary School")
        .contains("Alex Parent is the parent")
        .contains("7 Sept 2026")
        .contains("PN-2026-000007")
        .contains("s447");

    assertThatThrownBy(() -> complete(task(), prepared("s444-1", false, "2026-12-01", "2027-01-20")))
        .hasMessageContaining("supervisionOrderConsidered");
    assertThatThrownBy(() -> complete(task(), prepared("s444-1", true, "2026-12-01", "2026-12-03")))
        .hasMessageContaining("hearingDate");
    complete(task(), prepared("s444-1", true, "2026-12-01", "2027-01-20"));

    assertThat(court).isWaitingAt("Event_HearingDateReached");
    Job hearing = job();
    assertThat(hearing.getDuedate()).isEqualTo(at(LocalDate.of(2027, 1, 20), 9));
    setToday(LocalDate.of(2027, 1, 20));
    execute(hearing);

    assertThat(court).isWaitingAt("Task_RecordCourtOutcome");
    assertThat(task().getDueDate()).isEqualTo(at(LocalDate.of(2027, 1, 22), 9));
    assertThatThrownBy(() -> complete(task(), withVariables("courtOutcome", "fine", "fineAmount", 1200.0)))
        .hasMessageContaining("fineAmount");
    assertThatThrownBy(() -> complete(task(), withVariables("courtOutcome", "jail")))
        .hasMessageContaining("courtOutcome");
    complete(task(), withVariables("courtOutcome", "fine", "fineAmount", 400.0));

    assertThat(court).isWaitingAt("Task_ReportOutcomeToSchool");
    execute(job());
    assertThat(court).isEnded().hasPassed("Event_CourtOutcomeReported");
    assertThat(court).variables().containsEntry("courtOutcome", "fine");
    assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
            .processInstanceId(court.getId()).variableName("schoolReport").singleResult().getValue())
        .contains("Riverside Primary School").contains("Outcome: fine").contains("20 January 2027");
    CourtProceedingsRecord record = ENGINE.courtProceedings.find(court.getId()).orElseThrow();
    assertThat(record.offenceSection()).isEqualTo("s444-1");
    assertThat(record.hearingDate()).isEqualTo(LocalDate.of(2027, 1, 20));
    assertThat(record.courtOutcome()).isEqualTo("fine");
    assertThat(record.fineAmount()).isEqualByComparingTo(new BigDecimal("400"));
    assertThat(record.reportedToSchoolOn()).isEqualTo(LocalDate.of(2027, 1, 20));
    assertThat(record.noticeNumber()).isEqualTo("PN-2026-000007");
  }

  @Test
  void s444OneAIsPrecededByAnInterviewUnderCautionAndEndsInAParentingOrder() {
    ProcessInstance court = start(prosecution("AC-2"));
    execute(job());
    complete(task(), prepared("s444-1A", true, "2026-12-02", "2027-02-10"));
    assertThat(court).isWaitingAt("Task_InterviewUnderCaution");
    assertThat(task()).hasCandidateGroup("attendance-officers");
    assertThatThrownBy(() -> complete(task(), withVariables("interviewDate", "2026-12-03")))
        .hasMessageContaining("interviewRecordReference");
    complete(task(), withVariables("interviewDate", "2026-12-03", "interviewRecordReference", "Recording IUC-2026-17"));
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), "evidenceList"))
        .contains("interview under caution").contains("IUC-2026-17");

    setToday(LocalDate.of(2027, 2, 10));
    execute(job());
    assertThatThrownBy(() -> complete(task(), withVariables("courtOutcome", "parenting-order", "parentingOrderMonths", 13)))
        .hasMessageContaining("parentingOrderMonths");
    assertThatThrownBy(() -> complete(task(), withVariables(
            "courtOutcome", "parenting-order", "parentingOrderMonths", 12, "parentingProgrammeMonths", 4)))
        .hasMessageContaining("parentingProgrammeMonths");
    complete(task(), withVariables("courtOutcome", "parenting-order", "parentingOrderMonths", 12, "parentingProgrammeMonths", 3));
    execute(job());
    assertThat(court).isEnded().hasPassed("Task_InterviewUnderCaution");
    CourtProceedingsRecord record = ENGINE.courtProceedings.find(court.getId()).orElseThrow();
    assertThat(record.orderMonths()).isEqualTo(12);
    assertThat(record.orderEndsOn()).isEqualTo(LocalDate.of(2028, 2, 10));
  }

  @Test
  void aFineUnderS444OneAMayReach2500() {
    ProcessInstance court = start(prosecution("AC-3"));
    execute(job());
    complete(task(), prepared("s444-1A", true, "2026-12-02", "2027-02-10"));
    complete(task(), withVariables("interviewDate", "2026-12-03", "interviewRecordReference", "IUC-1"));
    setToday(LocalDate.of(2027, 2, 10));
    execute(job());
    assertThatThrownBy(() -> complete(task(), withVariables("courtOutcome", "fine", "fineAmount", 2600.0)))
        .hasMessageContaining("2500");
    complete(task(), withVariables("courtOutcome", "fine", "fineAmount", 2500.0));
    assertThat(court).isWaitingAt("Task_ReportOutcomeToSchool");
  }

  @Test
  void anApplicationForAnEducationSupervisionOrderForTwoParentsAdjournedOnce() {
    Map<String, Object> variables = base("AC-4");
    variables.put("proceedingsType", "education-supervision-order");
    variables.put("parents", Variables.objectValue(
            "[{\"id\":\"P-1\",\"name\":\"Alex Parent\",\"address\":\"1 High St\"},{\"id\":\"P-2\",\"name\":\"Jo Parent\",\"address\":\"1 High St\"}]")
        .serializationDataFormat("application/json").create());
    ProcessInstance court = start(variables);
    assertThat(court).variables().containsEntry("parentIds", "P-1, P-2").containsEntry("parentNames", "Alex Parent and Jo Parent");
    execute(job());
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), "witnessStatement"))
        .contains("Alex Parent and Jo Parent are the parent").contains("Children Act 1989");
    assertThatThrownBy(() -> complete(task(), withVariables("childLookedAfter", true, "hearingDate", "2027-01-15")))
        .hasMessageContaining("childLookedAfter");
    complete(task(), withVariables("childLookedAfter", false, "hearingDate", "2027-01-15"));
    assertThat(court).isWaitingAt("Event_HearingDateReached");
    setToday(LocalDate.of(2027, 1, 15));
    execute(job());

    // the court adjourns: a new date, and the process waits for it
    assertThatThrownBy(() -> complete(task(), withVariables("hearingAdjourned", true, "hearingDate", "2027-01-15")))
        .hasMessageContaining("hearingDate");
    complete(task(), withVariables("hearingAdjourned", true, "hearingDate", "2027-02-05"));
    assertThat(court).isWaitingAt("Event_HearingDateReached").hasPassed("Gateway_HearingAdjourned");
    assertThat(court).variables().doesNotContainKey("hearingAdjourned");
    assertThat(job().getDuedate()).isEqualTo(at(LocalDate.of(2027, 2, 5), 9));
    assertThat(ENGINE.courtProceedings.find(court.getId()).orElseThrow().hearingDate()).isEqualTo(LocalDate.of(2027, 2, 5));
    setToday(LocalDate.of(2027, 2, 5));
    execute(job());

    assertThatThrownBy(() -> complete(task(), withVariables("courtOutcome", "fine", "fineAmount", 100.0)))
        .hasMessageContaining("courtOutcome");
    complete(task(), withVariables("courtOutcome", "education-supervision-order"));
    execute(job());
    assertThat(court).isEnded();
    CourtProceedingsRecord record = ENGINE.courtProceedings.find(court.getId()).orElseThrow();
    assertThat(record.orderMonths()).isEqualTo(12);
    assertThat(record.orderEndsOn()).isEqualTo(LocalDate.of(2028, 2, 5));
    assertThat(record.parentIds()).isEqualTo("P-1,P-2");
  }

  @Test
  void anInformationLaidAfterTheSixMonthLimitIsRefused() {
    Map<String, Object> variables = prosecution("AC-5");
    variables.put("informationDeadline", "2026-11-30");
    start(variables);
    execute(job());
    assertThat(task().getDueDate()).isEqualTo(at(LocalDate.of(2026, 12, 3), 9));
    assertThatThrownBy(() -> complete(task(), prepared("s444-1", true, "2026-12-01", "2027-01-20")))
        .hasMessageContaining("time-barred");
    complete(task(), prepared("s444-1", true, "2026-11-30", "2027-01-20"));
  }

  @Test
  void aStartWithBadInputIsRefusedAndCreatesNothing() {
    Map<String, Object> type = prosecution("AC-6");
    type.put("proceedingsType", "civil");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("CourtProceedings", type))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("proceedingsType");
    Map<String, Object> parents = prosecution("AC-6");
    parents.remove("parentId");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("CourtProceedings", parents))
        .hasMessageContaining("parents");
    Map<String, Object> emptyParents = prosecution("AC-6");
    emptyParents.remove("parentId");
    emptyParents.put("parents", Variables.objectValue("[]").serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("CourtProceedings", emptyParents))
        .hasMessageContaining("parents");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(ENGINE.jdbc.queryForObject("SELECT COUNT(*) FROM court_proceedings WHERE case_reference = 'AC-6'", Integer.class)).isZero();
  }

  // --- helpers

  private void caseHistory(String caseReference) {
    setToday(LocalDate.of(2026, 10, 1));
    ProcessInstance history = engine.getRuntimeService().startProcessInstanceByKey(
        "AttendanceCaseHistoryStub", caseReference, Map.of("caseReference", caseReference));
    engine.getTaskService().claim(BpmnAwareTests.task(history).getId(), "officer");
    complete(BpmnAwareTests.task(history));
    complete(BpmnAwareTests.task(history), withVariables("contractAgreed", true));
    BpmnAwareTests.init(engine);
    setToday(LocalDate.of(2026, 12, 3));
  }

  private ProcessInstance start(Map<String, Object> variables) {
    ProcessInstance court = engine.getRuntimeService().startProcessInstanceByKey(
        "CourtProceedings", (String) variables.get("caseReference"), variables);
    assertThat(court).isStarted();
    return court;
  }

  private static Map<String, Object> base(String caseReference) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", caseReference);
    variables.put("pupilUpn", "A123456789012");
    variables.put("pupilName", "Sam Pupil");
    variables.put("schoolUrn", "100001");
    variables.put("offenceFrom", "2026-09-07");
    variables.put("offenceTo", "2026-10-16");
    variables.put("unauthorisedSessions", 14);
    return variables;
  }

  private static Map<String, Object> prosecution(String caseReference) {
    Map<String, Object> variables = base(caseReference);
    variables.put("proceedingsType", "prosecution");
    variables.put("parentId", "P-1");
    variables.put("parentName", "Alex Parent");
    variables.put("noticeNumber", "PN-2026-000007");
    variables.put("informationDeadline", at(LocalDate.of(2027, 4, 16), 0));
    return variables;
  }

  private static Map<String, Object> prepared(String section, boolean supervisionOrderConsidered, String laidOn, String hearing) {
    return withVariables(
        "offenceSection", section,
        "supervisionOrderConsidered", supervisionOrderConsidered,
        "informationLaidOn", laidOn,
        "hearingDate", hearing);
  }

  static void setToday(LocalDate day) {
    ClockUtil.setCurrentTime(at(day, 10));
  }

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(LONDON).toInstant());
  }
}
