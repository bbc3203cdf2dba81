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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.casework.AttendanceCase;

/** Every path of {@code CourtProceedings}, started alone; class coverage must be 100 %. */
@Deployment(
    resources = {
      "bpmn/CourtProceedings.bpmn",
      "bpmn-test/AttendanceCaseHistoryStub.bpmn",
      "bpmn-test/SupervisionOrderReminderStub.bpmn",
      "forms/prepare-court-case.form",
      "forms/interview-under-caution.form",
      "forms/record-court-outcome.form",
      "forms/acknowledge-court-outcome.form",
      "forms/decide-on-supervision-order.form"
    })
class CourtProceedingsProcessTest {

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("court-proceedings-test").coverage().build();

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

  @AfterEach
  void noOfficerName() {
    if (engine.getIdentityService().createUserQuery().userId("officer").count() > 0) {
      engine.getIdentityService().deleteUser("officer");
    }
  }

  @Test
  void prosecutionUnderS444OneAfterNonPaymentEndsInAFineReportedToTheSchool() {
    caseHistory("AC-1");
    // the school's named officer, the case's officer, who makes the witness statement
    org.camunda.bpm.engine.identity.User officer = engine.getIdentityService().newUser("officer");
    officer.setFirstName("Olivia");
    officer.setLastName("Okafor");
    engine.getIdentityService().saveUser(officer);
    ProcessInstance court = start(prosecution("AC-1"));
    assertThat(court).isWaitingAt("Task_BuildCaseFile");
    execute(job());
    // the interview under caution is evidence for the decision to lay the information: it comes first
    assertThat(court).isWaitingAt(CourtProceedings.INTERVIEW_UNDER_CAUTION.id());
    complete(task(), interviewed("2026-12-01", "Recording IUC-2026-16"));

    assertThat(court).isWaitingAt(CourtProceedings.PREPARE_COURT_CASE.id());
    assertThat(task()).hasCandidateGroup("attendance-officers");
    assertThat(task().getDueDate()).isEqualTo(at(LocalDate.of(2026, 12, 17), 9));
    Map<String, Object> file = engine.getRuntimeService().getVariables(court.getId());
    // what happened, in words, on the day it happened, by whom: not the process's steps
    assertThat((String) file.get(CourtProceedings.CHRONOLOGY.name()))
        .contains("1 October 2026 | Attendance case (test history) | Attendance meeting held, recorded by Olivia Okafor"
            + " - review notes: Mother works nights; mornings are hard")
        .contains("Attendance contract offered to the parent")
        .containsSubsequence("Case opened", "Attendance meeting held", "Attendance contract offered to the parent",
            "Case closed", "3 December 2026 | Court proceedings | Court proceedings requested")
        .doesNotContain("in progress").doesNotContain("Open court record").doesNotContain("Build case file")
        .doesNotContain("Hold attendance meeting").doesNotContain(" Oct ").doesNotContain(" Dec ");
    assertThat((String) file.get(CourtProceedings.EVIDENCE_LIST.name()))
        .contains("Attendance certificate")
        .contains("Notice to Improve: none issued")
        .contains("Attendance contract: agreed")
        .contains("Penalty notice PN-2026-000007")
        .doesNotContain("/api/");
    // a statement the officer can sign after checking: made by the case's officer, dates as 7 September 2026,
    // and nothing the officer has not yet confirmed (the s447 consideration comes with preparing the case)
    assertThat((String) file.get(CourtProceedings.WITNESS_STATEMENT.name()))
        .contains("Statement of: Olivia Okafor\nOccupation: Attendance officer, Seaview Borough Council")
        .doesNotContain("[name of")
        .contains("Sam Pupil")
        .contains("A123456789012")
        .contains("Riverside Primary School")
        .contains("Alex Parent is a parent of the child")
        .contains("Between 7 September 2026 and 16 October 2026 the child failed to attend the school regularly")
        .contains("4. Penalty notice PN-2026-000007 was issued for this period and was not paid within the period"
            + " allowed. The local authority prosecutes for the original offence under section 444 of the Education Act 1996.\n")
        .doesNotContain("education supervision order").doesNotContain("s447").doesNotContain("Sept ");

    assertThatThrownBy(() -> complete(task(), prepared("s444-1", false, "2026-12-01", "2027-01-20")))
        .hasMessageContaining(CourtProceedings.SUPERVISION_ORDER_CONSIDERED.name());
    assertThatThrownBy(() -> complete(task(), prepared("s444-1", true, "2026-12-01", "2026-12-03")))
        .hasMessageContaining(CourtProceedings.HEARING_DATE.name());
    complete(task(), prepared("s444-1", true, "2026-12-01", "2027-01-20"));
    // the officer confirmed it: paragraph 4 now says so, once
    String statement = (String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.WITNESS_STATEMENT.name());
    assertThat(statement)
        .contains("under section 444 of the Education Act 1996. Before deciding to prosecute, the local authority"
            + " considered an education supervision order (Education Act 1996 s447).\n");
    assertThat(statement.split("s447", -1)).hasSize(2);

    assertThat(court).isWaitingAt("Event_HearingDateReached");
    Job hearing = job();
    assertThat(hearing.getDuedate()).isEqualTo(at(LocalDate.of(2027, 1, 20), 9));
    setToday(LocalDate.of(2027, 1, 20));
    execute(hearing);

    assertThat(court).isWaitingAt(CourtProceedings.RECORD_COURT_OUTCOME.id());
    assertThat(task().getDueDate()).isEqualTo(at(LocalDate.of(2027, 1, 22), 9));
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 1200.0)))
        .hasMessageContaining(CourtProceedings.FINE_AMOUNT.name());
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "jail")))
        .hasMessageContaining(CourtProceedings.COURT_OUTCOME.name());
    assertThat(uk.schoolattendance.process.Json.parse(CourtProceedings.COURT_OUTCOME_CHOICES.name(),
            engine.getTaskService().getVariableLocal(task().getId(), CourtProceedings.COURT_OUTCOME_CHOICES.name()))
        .findValuesAsText("value"))
        .containsExactly("fine", "conditional-discharge", "parenting-order", "education-supervision-order", "dismissed", "withdrawn");
    complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 400.0));

    assertThat(court).isWaitingAt("Task_ReportOutcomeToSchool");
    execute(job());
    // the school acknowledges the outcome it was told; no s447 direction, so no decision task
    assertThat(court).isWaitingAt(CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id()).hasPassed("Event_NoSupervisionOrderDirection");
    assertThat(task()).hasCandidateGroup("school-100001");
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.COURT_OUTCOME_ACKNOWLEDGED.name(), false)))
        .hasMessageContaining(CourtProceedings.COURT_OUTCOME_ACKNOWLEDGED.name());
    acknowledge();
    assertThat(court).isEnded().hasPassed("Event_CourtOutcomeReported");
    assertThat(court).variables().containsEntry(CourtProceedings.COURT_OUTCOME.name(), "fine");
    assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
            .processInstanceId(court.getId()).variableName(CourtProceedings.SCHOOL_REPORT.name()).singleResult().getValue())
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
    // the offence period runs 7 September to 16 October 2026
    ProcessInstance court = start(prosecution("AC-2"));
    execute(job());
    // before the decision to lay the information: the interview under caution (PACE Code C)
    assertThat(court).isWaitingAt(CourtProceedings.INTERVIEW_UNDER_CAUTION.id());
    assertThat(task()).hasCandidateGroup("attendance-officers");
    assertThat(task().getDueDate()).isEqualTo(at(LocalDate.of(2026, 12, 17), 9));
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.INTERVIEW_DATE.name(), "2026-12-03")))
        .hasMessageContaining(CourtProceedings.INTERVIEW_RECORD_REFERENCE.name());
    // an interview about the period's absence is not held before the period ends
    assertThatThrownBy(() -> complete(task(), interviewed("2026-10-15", "Recording IUC-2026-17")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.INTERVIEW_DATE.name()).hasMessageContaining("16 October 2026");
    assertThatThrownBy(() -> complete(task(), interviewed("2026-12-04", "Recording IUC-2026-17")))
        .hasMessageContaining(CourtProceedings.INTERVIEW_DATE.name()).hasMessageContaining("future");
    complete(task(), interviewed("2026-12-01", "Recording IUC-2026-17"));
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.EVIDENCE_LIST.name()))
        .contains("interview under caution").contains("IUC-2026-17").contains("1 December 2026");

    assertThat(court).isWaitingAt(CourtProceedings.PREPARE_COURT_CASE.id());
    // an information cannot charge absence that has not happened yet, nor come before the interview it rests on
    assertThatThrownBy(() -> complete(task(), prepared("s444-1A", true, "2026-10-15", "2027-02-10")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.INFORMATION_LAID_ON.name()).hasMessageContaining("16 October 2026");
    assertThatThrownBy(() -> complete(task(), prepared("s444-1A", true, "2026-11-30", "2027-02-10")))
        .hasMessageContaining(CourtProceedings.INFORMATION_LAID_ON.name()).hasMessageContaining("1 December 2026");
    complete(task(), prepared("s444-1A", true, "2026-12-02", "2027-02-10"));
    assertThat(court).isWaitingAt("Event_HearingDateReached");

    setToday(LocalDate.of(2027, 2, 10));
    execute(job());
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "parenting-order", CourtProceedings.PARENTING_ORDER_MONTHS.name(), 13)))
        .hasMessageContaining(CourtProceedings.PARENTING_ORDER_MONTHS.name());
    assertThatThrownBy(() -> complete(task(), withVariables(
            CourtProceedings.COURT_OUTCOME.name(), "parenting-order", CourtProceedings.PARENTING_ORDER_MONTHS.name(), 12, CourtProceedings.PARENTING_PROGRAMME_MONTHS.name(), 4)))
        .hasMessageContaining(CourtProceedings.PARENTING_PROGRAMME_MONTHS.name());
    complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "parenting-order", CourtProceedings.PARENTING_ORDER_MONTHS.name(), 12, CourtProceedings.PARENTING_PROGRAMME_MONTHS.name(), 3));
    execute(job());
    acknowledge();
    assertThat(court).isEnded().hasPassed(CourtProceedings.INTERVIEW_UNDER_CAUTION.id());
    CourtProceedingsRecord record = ENGINE.courtProceedings.find(court.getId()).orElseThrow();
    assertThat(record.orderMonths()).isEqualTo(12);
    assertThat(record.orderEndsOn()).isEqualTo(LocalDate.of(2028, 2, 10));
  }

  /**
   * At 23:30 on 3 December in England it is already 4 December in a browser in Paris (or in one
   * whose clock is an hour fast), and on a server whose own zone is Paris: an interview dated
   * 4 December, "today" there, is tomorrow in England and is refused by the server naming the field;
   * 3 December, England's today, is taken. The law's days are England's (attendance.calendar.zone).
   */
  @Test
  void anInterviewDatedTomorrowInEnglandIsRefusedThoughItIsTodayInTheBrowser() {
    ProcessInstance court = start(prosecution("AC-2"));
    execute(job());
    assertThat(court).isWaitingAt(CourtProceedings.INTERVIEW_UNDER_CAUTION.id());
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 3).atTime(23, 30).atZone(LONDON).toInstant()));
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), paris)).isEqualTo(LocalDate.of(2026, 12, 4));
    java.util.TimeZone serverZone = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(paris));
    try {
      assertThatThrownBy(() -> complete(task(), interviewed("2026-12-04", "Recording IUC-2026-18")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(CourtProceedings.INTERVIEW_DATE.name()).hasMessageContaining("must not be in the future");
      assertThat(court).isWaitingAt(CourtProceedings.INTERVIEW_UNDER_CAUTION.id());
      complete(task(), interviewed("2026-12-03", "Recording IUC-2026-18"));
      assertThat(court).isWaitingAt(CourtProceedings.PREPARE_COURT_CASE.id());
      assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.EVIDENCE_LIST.name()))
          .contains("held on 3 December 2026");
    } finally {
      java.util.TimeZone.setDefault(serverZone);
    }
  }

  @Test
  void aFineUnderS444OneAMayReach2500() {
    // starts where the rule applies: the outcome of a prepared s444(1A) prosecution's hearing
    setToday(LocalDate.of(2027, 2, 10));
    Map<String, Object> prepared = prosecution("AC-3");
    prepared.put(CourtProceedings.OFFENCE_SECTION.name(), "s444-1A");
    prepared.put(CourtProceedings.HEARING_DATE.name(), at(LocalDate.of(2027, 2, 10), 9));
    prepared.put(CourtProceedings.OUTCOME_DUE_DATE.name(), at(LocalDate.of(2027, 2, 12), 9));
    ProcessInstance court = engine.getRuntimeService().createProcessInstanceByKey(CourtProceedings.KEY)
        .businessKey("AC-3").setVariables(prepared).startBeforeActivity("Task_RecordCourtOutcome").execute();
    assertThat(court).isWaitingAt("Task_RecordCourtOutcome");
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 2600.0)))
        .hasMessageContaining("2500");
    complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 2500.0));
    assertThat(court).isWaitingAt("Task_ReportOutcomeToSchool");
  }

  /**
   * Review 3 S4: a magistrates' court trying s444 cannot make an education supervision order; the
   * outcome of that name in a prosecution is its direction to the authority to consider applying
   * (Education Act 1996 s447(2)): the decision task follows, and no order runs.
   */
  @Test
  void inAProsecutionTheSupervisionOrderOutcomeIsTheDirectionToConsiderApplying() {
    setToday(LocalDate.of(2027, 2, 10));
    Map<String, Object> prepared = heardOn10February2027("AC-11");
    ProcessInstance court = engine.getRuntimeService().createProcessInstanceByKey(CourtProceedings.KEY)
        .businessKey("AC-11").setVariables(prepared).startBeforeActivity("Task_RecordCourtOutcome").execute();
    assertThat(court).isWaitingAt("Task_RecordCourtOutcome");
    com.fasterxml.jackson.databind.JsonNode choices = uk.schoolattendance.process.Json.parse(CourtProceedings.COURT_OUTCOME_CHOICES.name(),
        engine.getTaskService().getVariableLocal(task().getId(), CourtProceedings.COURT_OUTCOME_CHOICES.name()));
    assertThat(choices.findValuesAsText("label"))
        .contains("Direction to consider an education supervision order (Education Act 1996 s447(2))")
        .doesNotContain("Education supervision order");
    complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "education-supervision-order"));
    execute(job());
    assertThat(court).variables().containsEntry(CourtProceedings.SUPERVISION_ORDER_DIRECTED.name(), true)
        .containsEntry(CourtProceedings.COURT_OUTCOME_SHOWN.name(),
            "direction to consider an education supervision order (Education Act 1996 s447(2))");
    assertThat(court).isWaitingAt(CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id(), CourtProceedings.DECIDE_ON_SUPERVISION_ORDER.id());
    // no order runs
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.ORDER_ENDS_ON.name())).isNull();
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.ORDER_MONTHS.name())).isNull();
  }

  @Test
  void aConvictionBringsAFineAndAParentingOrderAndAS447DirectionGivesTheAuthorityEightWeeksToDecide() {
    setToday(LocalDate.of(2027, 2, 10));
    Map<String, Object> prepared = heardOn10February2027("AC-10");
    ProcessInstance court = engine.getRuntimeService().createProcessInstanceByKey(CourtProceedings.KEY)
        .businessKey("AC-10").setVariables(prepared).startBeforeActivity("Task_OpenCourtRecord").execute();
    assertThat(court).isWaitingAt("Task_BuildCaseFile");
    execute(job());
    engine.getRuntimeService().createProcessInstanceModification(court.getId())
        .cancelAllForActivity(CourtProceedings.INTERVIEW_UNDER_CAUTION.id()).startBeforeActivity("Task_RecordCourtOutcome").execute();
    assertThat(court).isWaitingAt("Task_RecordCourtOutcome");

    // a parenting order goes with a conviction, not with a dismissal
    assertThatThrownBy(() -> complete(task(), withVariables(
            CourtProceedings.COURT_OUTCOME.name(), "dismissed", CourtProceedings.PARENTING_ORDER_MADE.name(), true)))
        .hasMessageContaining(CourtProceedings.PARENTING_ORDER_MADE.name());
    assertThatThrownBy(() -> complete(task(), withVariables(
            CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 300.0,
            CourtProceedings.PARENTING_ORDER_MADE.name(), true)))
        .hasMessageContaining(CourtProceedings.PARENTING_ORDER_MONTHS.name());
    // the prosecutor's costs (Prosecution of Offences Act 1985 s18): pounds, never negative, a number
    Map<String, Object> convicted = new HashMap<>(Map.of(
        CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 300.0,
        CourtProceedings.PARENTING_ORDER_MADE.name(), true, CourtProceedings.PARENTING_ORDER_MONTHS.name(), 6,
        CourtProceedings.PARENTING_PROGRAMME_MONTHS.name(), 2, CourtProceedings.SUPERVISION_ORDER_DIRECTED.name(), true));
    convicted.put(CourtProceedings.COSTS_AWARDED.name(), -20.0);
    assertThatThrownBy(() -> complete(task(), convicted))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.COSTS_AWARDED.name()).hasMessageContaining("negative");
    convicted.put(CourtProceedings.COSTS_AWARDED.name(), "a hundred");
    assertThatThrownBy(() -> complete(task(), convicted))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.COSTS_AWARDED.name()).hasMessageContaining("number");
    // more than the configured maximum (99,999.99; the court record holds at most 999,999.99): refused, not a database error
    convicted.put(CourtProceedings.COSTS_AWARDED.name(), 1_000_000.0);
    assertThatThrownBy(() -> complete(task(), convicted))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.COSTS_AWARDED.name()).hasMessageContaining("£99999.99");
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.COSTS_AWARDED.name())).isNull();
    convicted.put(CourtProceedings.COSTS_AWARDED.name(), 150.0);
    complete(task(), convicted);
    execute(job());

    // each is recorded: the fine, the parenting order and the direction
    CourtProceedingsRecord record = ENGINE.courtProceedings.find(court.getId()).orElseThrow();
    assertThat(record.courtOutcome()).isEqualTo("fine");
    assertThat(record.fineAmount()).isEqualByComparingTo(new BigDecimal("300"));
    assertThat(ENGINE.jdbc.queryForObject("SELECT costs_awarded FROM court_proceedings WHERE process_instance_id = ?",
        BigDecimal.class, court.getId())).isEqualByComparingTo(new BigDecimal("150"));
    CourtProceedingsRepository.FollowUp followUp = ENGINE.courtProceedings.followUp(court.getId()).orElseThrow();
    assertThat(followUp.parentingOrderMonths()).isEqualTo(6);
    assertThat(followUp.parentingOrderEndsOn()).isEqualTo(LocalDate.of(2027, 8, 10));
    assertThat(followUp.supervisionOrderDirected()).isTrue();
    assertThat(followUp.supervisionOrderDecisionDue()).isEqualTo(LocalDate.of(2027, 4, 7));
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.SCHOOL_REPORT.name()))
        .contains("Outcome: fine of £300.00, costs of £150.00 to the local authority and parenting order of 6 months"
            + " (parenting programme 2 months); direction to consider an education supervision order (Education Act 1996 s447(2))");

    // the direction: the authority's task, due 8 weeks after the hearing (7 April 2027), needs reasons
    assertThat(court).isWaitingAt(CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id(), CourtProceedings.DECIDE_ON_SUPERVISION_ORDER.id());
    Task decision = engine.getTaskService().createTaskQuery().processInstanceId(court.getId())
        .taskDefinitionKey(CourtProceedings.DECIDE_ON_SUPERVISION_ORDER.id()).singleResult();
    assertThat(decision).hasCandidateGroup("attendance-officers");
    assertThat(decision.getDueDate()).isEqualTo(at(LocalDate.of(2027, 4, 7), 9));
    assertThatThrownBy(() -> complete(decision, withVariables(CourtProceedings.SUPERVISION_ORDER_DECISION.name(), "not-apply")))
        .hasMessageContaining(CourtProceedings.SUPERVISION_ORDER_REASONS.name());
    complete(decision, withVariables(CourtProceedings.SUPERVISION_ORDER_DECISION.name(), "not-apply",
        CourtProceedings.SUPERVISION_ORDER_REASONS.name(), "The family now works with early help; attendance is 94 % since the hearing"));
    followUp = ENGINE.courtProceedings.followUp(court.getId()).orElseThrow();
    assertThat(followUp.supervisionOrderDecision()).isEqualTo("not-apply");
    assertThat(followUp.supervisionOrderReasons()).contains("early help");
    assertThat(followUp.supervisionOrderDecidedOn()).isEqualTo(LocalDate.of(2027, 2, 10));
    assertThat(court).isWaitingAt(CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id()).hasPassed("Event_SupervisionOrderDecided");
    acknowledge();
    assertThat(court).isEnded();
    assertThat(ENGINE.courtProceedings.followUp(court.getId()).orElseThrow().acknowledgedBySchoolOn()).isEqualTo(LocalDate.of(2027, 2, 10));
    assertThat(ENGINE.courtProceedings.parentingOrdersRecordedBetween(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 10)))
        .isGreaterThanOrEqualTo(1);
  }

  /** The school's attendance lead acknowledges the outcome. */
  private void acknowledge() {
    Task acknowledgement = engine.getTaskService().createTaskQuery()
        .taskDefinitionKey(CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id()).singleResult();
    complete(acknowledgement, withVariables(CourtProceedings.COURT_OUTCOME_ACKNOWLEDGED.name(), true,
        CourtProceedings.SCHOOL_ACKNOWLEDGEMENT_NOTES.name(), "Support plan on return"));
  }

  @Test
  void anApplicationForAnEducationSupervisionOrderForTwoParentsAdjournedOnce() {
    Map<String, Object> variables = base("AC-4");
    variables.put(CourtProceedings.PROCEEDINGS_TYPE.name(), "education-supervision-order");
    variables.put(CourtProceedings.PARENTS.name(), Variables.objectValue(
            "[{\"id\":\"P-1\",\"name\":\"Alex Parent\",\"address\":\"1 High St\"},{\"id\":\"P-2\",\"name\":\"Jo Parent\",\"address\":\"1 High St\"}]")
        .serializationDataFormat("application/json").create());
    ProcessInstance court = start(variables);
    assertThat(court).variables().containsEntry(CourtProceedings.PARENT_IDS.name(), "P-1, P-2").containsEntry(CourtProceedings.PARENT_NAMES.name(), "Alex Parent and Jo Parent");
    execute(job());
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.WITNESS_STATEMENT.name()))
        .contains("Alex Parent and Jo Parent are parents of the child").doesNotContain("parent(s)").contains("Children Act 1989");
    // family proceedings (walk 13 #17): the order is made under Children Act 1989 s36 by the family court, on a
    // witness statement in the family form with its statement of truth, not the criminal form of a prosecution
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.PROCEEDINGS_TYPE_SHOWN.name()))
        .isEqualTo("Education supervision order (Children Act 1989 s36)");
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.WITNESS_STATEMENT.name()))
        .startsWith("IN THE FAMILY COURT")
        .contains("Family Procedure Rules 2010, Part 22")
        .contains("I believe that the facts stated in this witness statement are true.")
        .contains("not being properly educated (Children Act 1989 s36(3))")
        .doesNotContain("Criminal Procedure Rules").doesNotContain("Criminal Justice Act 1967").doesNotContain("Magistrates' Courts Act")
        .doesNotContain("liable to prosecution").doesNotContain("offence").doesNotContain("s447");
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.CHILD_LOOKED_AFTER.name(), true, CourtProceedings.HEARING_DATE.name(), "2027-01-15")))
        .hasMessageContaining(CourtProceedings.CHILD_LOOKED_AFTER.name());
    complete(task(), withVariables(CourtProceedings.CHILD_LOOKED_AFTER.name(), false, CourtProceedings.HEARING_DATE.name(), "2027-01-15"));
    assertThat(court).isWaitingAt("Event_HearingDateReached");
    setToday(LocalDate.of(2027, 1, 15));
    execute(job());

    // the court adjourns: a new date after the hearing it adjourns (whatever today is), and the process waits for it
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.HEARING_ADJOURNED.name(), true, CourtProceedings.NEW_HEARING_DATE.name(), "2027-01-15")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.NEW_HEARING_DATE.name()).hasMessageContaining("after the adjourned hearing (15 January 2027)");
    setToday(LocalDate.of(2027, 1, 11)); // the task done early: a date before the adjourned hearing is still refused
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.HEARING_ADJOURNED.name(), true, CourtProceedings.NEW_HEARING_DATE.name(), "2027-01-14")))
        .hasMessageContaining(CourtProceedings.NEW_HEARING_DATE.name()).hasMessageContaining("15 January 2027");
    // a completion sending hearingDate itself (the earlier form, the REST API) is held to the same rule
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.HEARING_ADJOURNED.name(), true, CourtProceedings.HEARING_DATE.name(), "2027-01-14")))
        .hasMessageContaining(CourtProceedings.HEARING_DATE.name()).hasMessageContaining("15 January 2027");
    setToday(LocalDate.of(2027, 1, 15));
    // costs or a fine sent with an adjournment are refused, not kept for the outcome's completion to read later
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.HEARING_ADJOURNED.name(), true,
            CourtProceedings.NEW_HEARING_DATE.name(), "2027-02-05", CourtProceedings.COSTS_AWARDED.name(), "abc")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.COSTS_AWARDED.name()).hasMessageContaining("not with an adjournment");
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.HEARING_ADJOURNED.name(), true,
            CourtProceedings.NEW_HEARING_DATE.name(), "2027-02-05", CourtProceedings.FINE_AMOUNT.name(), -5.0)))
        .hasMessageContaining(CourtProceedings.FINE_AMOUNT.name());
    assertThat(court).variables().doesNotContainKey(CourtProceedings.COSTS_AWARDED.name()).doesNotContainKey(CourtProceedings.FINE_AMOUNT.name());
    complete(task(), withVariables(CourtProceedings.HEARING_ADJOURNED.name(), true, CourtProceedings.NEW_HEARING_DATE.name(), "2027-02-05"));
    assertThat(court).isWaitingAt("Event_HearingDateReached").hasPassed("Gateway_HearingAdjourned");
    assertThat(court).variables().doesNotContainKey(CourtProceedings.HEARING_ADJOURNED.name())
        .doesNotContainKey(CourtProceedings.NEW_HEARING_DATE.name()).containsEntry(CourtProceedings.HEARING_DATE.name(), "2027-02-05")
        .containsEntry(CourtProceedings.HEARING_DATE_SHOWN.name(), "5 February 2027");
    assertThat(job().getDuedate()).isEqualTo(at(LocalDate.of(2027, 2, 5), 9));
    assertThat(ENGINE.courtProceedings.find(court.getId()).orElseThrow().hearingDate()).isEqualTo(LocalDate.of(2027, 2, 5));
    setToday(LocalDate.of(2027, 2, 5));
    execute(job());

    // the form offers only what an application can end in, in words (walk 13 #21)
    com.fasterxml.jackson.databind.JsonNode choices = uk.schoolattendance.process.Json.parse(CourtProceedings.COURT_OUTCOME_CHOICES.name(),
        engine.getTaskService().getVariableLocal(task().getId(), CourtProceedings.COURT_OUTCOME_CHOICES.name()));
    assertThat(choices.findValuesAsText("value")).containsExactly("education-supervision-order", "dismissed", "withdrawn");
    assertThat(choices.findValuesAsText("label")).containsExactly(
        "Education supervision order made (Children Act 1989 s36)", "Application refused",
        "Application withdrawn (with the court's permission)");
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 100.0)))
        .hasMessageContaining(CourtProceedings.COURT_OUTCOME.name())
        .hasMessageContaining("'fine' is not an outcome of this application")
        .hasMessageContaining("\"Application refused\" (dismissed)");
    // review 3 S3: the order lasts one year beginning with the day it is made (Children Act 1989 Sch 3
    // para 15(1)); a longer period is an extension, applied for later
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "education-supervision-order",
            CourtProceedings.SUPERVISION_ORDER_MONTHS.name(), 24)))
        .hasMessageContaining(CourtProceedings.SUPERVISION_ORDER_MONTHS.name()).hasMessageContaining("Sch 3 para 15(1)");
    complete(task(), withVariables(CourtProceedings.COURT_OUTCOME.name(), "education-supervision-order"));
    execute(job());
    acknowledge();
    assertThat(court).isEnded();
    CourtProceedingsRecord record = ENGINE.courtProceedings.find(court.getId()).orElseThrow();
    assertThat(record.orderMonths()).isEqualTo(12);
    assertThat(record.orderEndsOn()).isEqualTo(LocalDate.of(2028, 2, 4));
    assertThat(record.parentIds()).isEqualTo("P-1,P-2");
  }

  @Test
  void theEvidenceListQuotesWhyNoContractWasTriedAndNoNoticeToImproveIssued() {
    // the case's Pupil Planning Meeting recorded why neither was tried
    setToday(LocalDate.of(2026, 10, 1));
    ProcessInstance history = engine.getRuntimeService().startProcessInstanceByKey(
        "AttendanceCaseHistoryStub", "AC-30", Map.of(CourtProceedings.CASE_REFERENCE.name(), "AC-30",
            AttendanceCase.NO_CONTRACT_REASON.name(), "The parent would not meet",
            AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Term-time leave of 10 days"));
    complete(BpmnAwareTests.task(history));
    complete(BpmnAwareTests.task(history));
    BpmnAwareTests.init(engine);
    setToday(LocalDate.of(2026, 12, 3));
    ProcessInstance court = start(prosecution("AC-30"));
    execute(job());
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.EVIDENCE_LIST.name()))
        .contains("3. Notice to Improve: none issued: the reason recorded: Term-time leave of 10 days")
        .contains("4. Attendance contract: none agreed: the reason recorded: The parent would not meet")
        .doesNotContain("record why");
  }

  /**
   * A Notice to Improve is given per parent: the meeting recorded why each parent who had none had
   * none (AttendanceCase 1.6), and the evidence list quotes each parent's reason.
   */
  @Test
  void theEvidenceListQuotesWhyEachParentHadNoNoticeToImprove() {
    setToday(LocalDate.of(2026, 10, 1));
    ProcessInstance history = engine.getRuntimeService().startProcessInstanceByKey(
        "AttendanceCaseHistoryStub", "AC-31", Map.of(CourtProceedings.CASE_REFERENCE.name(), "AC-31",
            AttendanceCase.NO_CONTRACT_REASON.name(), "The parent would not meet",
            AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                "[{\"parentId\": \"P-1\", \"parent\": \"Alex Parent\", \"reason\": \"Term-time leave of 10 days\"},"
                    + " {\"parentId\": \"P-2\", \"parent\": \"Jo Parent\", \"reason\": \"Jo lives abroad\"}]").create()));
    complete(BpmnAwareTests.task(history));
    complete(BpmnAwareTests.task(history));
    BpmnAwareTests.init(engine);
    setToday(LocalDate.of(2026, 12, 3));
    ProcessInstance court = start(prosecution("AC-31"));
    execute(job());
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.EVIDENCE_LIST.name()))
        .contains("3. Notice to Improve: none issued: Alex Parent: the reason recorded: Term-time leave of 10 days;"
            + " Jo Parent: the reason recorded: Jo lives abroad")
        .doesNotContain("record why");
  }

  @Test
  void theAdjournmentsNewHearingDateOpensEmptyNotWithTheHearingItAdjourns() throws Exception {
    // a form field bound to a variable the process holds opens filled with its value
    com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        getClass().getResourceAsStream("/forms/record-court-outcome.form"));
    com.fasterxml.jackson.databind.JsonNode field = form.findParents("id").stream()
        .filter(node -> "Field_NewHearingDate".equals(node.path("id").asText())).findFirst().orElseThrow();
    assertThat(field.path("key").asText()).isEqualTo(CourtProceedings.NEW_HEARING_DATE.name())
        .isNotEqualTo(CourtProceedings.HEARING_DATE.name());
  }

  @Test
  void anInformationLaidAfterTheSixMonthLimitIsRefused() {
    // the offence ended Monday 1 June 2026: the information must be laid by 1 December 2026
    setToday(LocalDate.of(2026, 11, 30));
    Map<String, Object> variables = prosecution("AC-5");
    variables.put(CourtProceedings.OFFENCE_FROM.name(), "2026-05-11");
    variables.put(CourtProceedings.OFFENCE_TO.name(), "2026-06-01");
    variables.put(CourtProceedings.INFORMATION_DEADLINE.name(), "2027-06-01"); // a later deadline given is not believed
    ProcessInstance court = start(variables);
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.INFORMATION_DEADLINE.name()))
        .isEqualTo("2026-12-01");
    execute(job());
    setToday(LocalDate.of(2026, 12, 3));
    // the parent did not come to the interview: the reason is evidence
    assertThatThrownBy(() -> complete(task(), withVariables(CourtProceedings.INTERVIEW_HELD.name(), false)))
        .hasMessageContaining(CourtProceedings.INTERVIEW_NOT_HELD_REASON.name());
    complete(task(), withVariables(CourtProceedings.INTERVIEW_HELD.name(), "false",
        CourtProceedings.INTERVIEW_NOT_HELD_REASON.name(), "Invited by letter for 25 November 2026; did not attend"));
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.EVIDENCE_LIST.name()))
        .contains("Interview under caution: not held: Invited by letter for 25 November 2026; did not attend");
    assertThatThrownBy(() -> complete(task(), prepared("s444-1", true, "2026-12-02", "2027-01-20")))
        .hasMessageContaining("time-barred").hasMessageContaining("1 December 2026");
    complete(task(), prepared("s444-1", true, "2026-12-01", "2027-01-20"));
    // the forms show the proceedings and the offence in words, not their codes
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.PROCEEDINGS_TYPE_SHOWN.name()))
        .isEqualTo("Prosecution (Education Act 1996 s444)");
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.OFFENCE_SECTION_SHOWN.name()))
        .isEqualTo("s444(1): failure to secure regular attendance");
  }

  /**
   * Review 3, S6: neither s444(1A) nor PACE Code C requires an interview under caution before an
   * information is laid, so a parent who declines or does not attend does not escape the aggravated
   * offence: it is laid on other evidence of knowledge, and why the interview was not held stays in
   * the evidence list.
   */
  @Test
  void s444OneAIsLaidWhenTheParentDidNotAttendTheInterviewAndTheReasonIsInTheEvidence() {
    caseHistory("AC-5b");
    ProcessInstance court = start(prosecution("AC-5b"));
    execute(job());
    complete(task(), withVariables(CourtProceedings.INTERVIEW_HELD.name(), false,
        CourtProceedings.INTERVIEW_NOT_HELD_REASON.name(), "Invited by letter for 25 November 2026; did not attend"));
    complete(task(), prepared("s444-1A", true, "2026-12-02", "2027-01-20"));
    assertThat(court).isWaitingAt("Event_HearingDateReached");
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.OFFENCE_SECTION_SHOWN.name()))
        .isEqualTo("s444(1A): the parent knew and failed to act");
    assertThat((String) engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.EVIDENCE_LIST.name()))
        .contains("Interview under caution: not held: Invited by letter for 25 November 2026; did not attend");
  }

  @Test
  void aDirectProsecutionOneDayInsideTheLimitStartsAndOneDayOutsideIsRefused() {
    // no notice went before: the case asks for a prosecution for an offence ending 3 June 2026
    Map<String, Object> outside = prosecution("AC-7");
    outside.remove(CourtProceedings.NOTICE_NUMBER.name());
    outside.remove(CourtProceedings.INFORMATION_DEADLINE.name());
    outside.put(CourtProceedings.OFFENCE_FROM.name(), "2026-05-11");
    outside.put(CourtProceedings.OFFENCE_TO.name(), "2026-06-02");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, outside))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("time-barred")
        .hasMessageContaining("2 December 2026");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();

    Map<String, Object> inside = new HashMap<>(outside);
    inside.put(CourtProceedings.OFFENCE_TO.name(), "2026-06-03");
    ProcessInstance court = start(inside);
    assertThat(engine.getRuntimeService().getVariable(court.getId(), CourtProceedings.INFORMATION_DEADLINE_SHOWN.name()))
        .isEqualTo("3 December 2026");

    Map<String, Object> noPeriod = prosecution("AC-8");
    noPeriod.remove(CourtProceedings.OFFENCE_TO.name());
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, noPeriod))
        .hasMessageContaining(CourtProceedings.OFFENCE_TO.name());
    Map<String, Object> tooYoung = prosecution("AC-9");
    tooYoung.put(CourtProceedings.PUPIL_DATE_OF_BIRTH.name(), "2021-10-01");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, tooYoung))
        .hasMessageContaining("only from 31 December 2026");
  }

  @Test
  void aProsecutionOfAParentWhoseNoticeForThePeriodWasWithdrawnIsRefusedAndTheOtherParentIsProsecuted() {
    // a head teacher's notice to P-50 for part of the period, recorded and then withdrawn
    uk.schoolattendance.notices.NoticeBuilder.notice().number("PN-2026-000950")
        .parent("P-50").parentName("Alex Parent").offence(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 23))
        .issuedOn(LocalDate.of(2026, 10, 26)).issue(ENGINE.register, ENGINE.dates);
    ENGINE.jdbc.update("UPDATE pn_notice SET issued_by = 'head-teacher', issuer_name = 'A. Head' WHERE notice_number = 'PN-2026-000950'");
    ENGINE.register.recordWithdrawal("PN-2026-000950", "Issued to the wrong person", "wrong-recipient", LocalDate.of(2026, 11, 2));
    Map<String, Object> both = base("AC-20");
    both.put(CourtProceedings.PROCEEDINGS_TYPE.name(), "prosecution");
    both.put(CourtProceedings.PARENTS.name(), uk.schoolattendance.process.Json.value(uk.schoolattendance.process.Json.parse("parents",
        "[{\"id\":\"P-50\",\"name\":\"Alex Parent\",\"address\":\"1 Station Road, Southend SS1 1AA\"},"
            + "{\"id\":\"P-51\",\"name\":\"Jo Parent\",\"address\":\"1 Station Road, Southend SS1 1AA\"}]")));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, both))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CourtProceedings.PARENTS.name())
        .hasMessageContaining("no prosecution of Alex Parent")
        .hasMessageContaining("penalty notice PN-2026-000950 (12 October 2026 to 23 October 2026)")
        .hasMessageContaining("reg 8");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CourtProceedings.KEY).count()).isZero();
    assertThat(ENGINE.jdbc.queryForObject("SELECT COUNT(*) FROM court_proceedings WHERE case_reference = 'AC-20'", Integer.class))
        .isZero();

    // the other parent alone, or the same parent for a period the notice did not cover, is prosecuted
    Map<String, Object> other = prosecution("AC-21");
    other.remove(CourtProceedings.NOTICE_NUMBER.name());
    other.put(CourtProceedings.PARENT_ID.name(), "P-51");
    other.put(CourtProceedings.PARENT_NAME.name(), "Jo Parent");
    assertThat(start(other)).isStarted();
    Map<String, Object> before = prosecution("AC-22");
    before.remove(CourtProceedings.NOTICE_NUMBER.name());
    before.put(CourtProceedings.PARENT_ID.name(), "P-50");
    before.put(CourtProceedings.OFFENCE_TO.name(), "2026-10-09");
    assertThat(start(before)).isStarted();
    Map<String, Object> overlapping = new HashMap<>(before);
    overlapping.put(CourtProceedings.CASE_REFERENCE.name(), "AC-23");
    overlapping.put(CourtProceedings.OFFENCE_TO.name(), "2026-10-12");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, overlapping))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(CourtProceedings.PARENT_ID.name())
        .hasMessageContaining("PN-2026-000950");
  }

  @Test
  void aStartWithBadInputIsRefusedAndCreatesNothing() {
    Map<String, Object> type = prosecution("AC-6");
    type.put(CourtProceedings.PROCEEDINGS_TYPE.name(), "civil");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, type))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(CourtProceedings.PROCEEDINGS_TYPE.name());
    Map<String, Object> parents = prosecution("AC-6");
    parents.remove(CourtProceedings.PARENT_ID.name());
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, parents))
        .hasMessageContaining(CourtProceedings.PARENTS.name());
    Map<String, Object> emptyParents = prosecution("AC-6");
    emptyParents.remove(CourtProceedings.PARENT_ID.name());
    emptyParents.put(CourtProceedings.PARENTS.name(), Variables.objectValue("[]").serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CourtProceedings.KEY, emptyParents))
        .hasMessageContaining(CourtProceedings.PARENTS.name());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(ENGINE.jdbc.queryForObject("SELECT COUNT(*) FROM court_proceedings WHERE case_reference = 'AC-6'", Integer.class)).isZero();
  }

  // --- helpers

  private void caseHistory(String caseReference) {
    setToday(LocalDate.of(2026, 10, 1));
    ProcessInstance history = engine.getRuntimeService().startProcessInstanceByKey(
        "AttendanceCaseHistoryStub", caseReference, Map.of(CourtProceedings.CASE_REFERENCE.name(), caseReference));
    engine.getTaskService().claim(BpmnAwareTests.task(history).getId(), "officer");
    complete(BpmnAwareTests.task(history), withVariables(AttendanceCase.REVIEW_NOTES.name(), "Mother works nights;\n mornings are hard"));
    complete(BpmnAwareTests.task(history), withVariables(AttendanceCase.CONTRACT_AGREED.name(), true));
    BpmnAwareTests.init(engine);
    setToday(LocalDate.of(2026, 12, 3));
  }

  private ProcessInstance start(Map<String, Object> variables) {
    ProcessInstance court = engine.getRuntimeService().startProcessInstanceByKey(
        CourtProceedings.KEY, (String) variables.get(CourtProceedings.CASE_REFERENCE.name()), variables);
    assertThat(court).isStarted();
    return court;
  }

  private static Map<String, Object> base(String caseReference) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CourtProceedings.CASE_REFERENCE.name(), caseReference);
    variables.put(CourtProceedings.PUPIL_UPN.name(), "A123456789012");
    variables.put(CourtProceedings.PUPIL_NAME.name(), "Sam Pupil");
    variables.put(CourtProceedings.SCHOOL_URN.name(), "100001");
    variables.put(CourtProceedings.OFFENCE_FROM.name(), "2026-09-07");
    variables.put(CourtProceedings.OFFENCE_TO.name(), "2026-10-16");
    variables.put(CourtProceedings.UNAUTHORISED_SESSIONS.name(), 14);
    return variables;
  }

  /** A s444(1) prosecution of Alex Parent prepared for its hearing on 10 February 2027. */
  private static Map<String, Object> heardOn10February2027(String caseReference) {
    Map<String, Object> prepared = prosecution(caseReference);
    prepared.put(CourtProceedings.OFFENCE_SECTION.name(), "s444-1");
    prepared.put(CourtProceedings.HEARING_DATE.name(), "2027-02-10");
    prepared.put(CourtProceedings.PARENT_IDS.name(), "P-1");
    prepared.put(CourtProceedings.PARENT_NAMES.name(), "Alex Parent");
    prepared.put(CourtProceedings.PREPARATION_DUE_DATE.name(), at(LocalDate.of(2027, 2, 10), 9));
    prepared.put(CourtProceedings.OUTCOME_DUE_DATE.name(), at(LocalDate.of(2027, 2, 12), 9));
    return prepared;
  }

  private static Map<String, Object> prosecution(String caseReference) {
    Map<String, Object> variables = base(caseReference);
    variables.put(CourtProceedings.PROCEEDINGS_TYPE.name(), "prosecution");
    variables.put(CourtProceedings.PARENT_ID.name(), "P-1");
    variables.put(CourtProceedings.PARENT_NAME.name(), "Alex Parent");
    variables.put(CourtProceedings.NOTICE_NUMBER.name(), "PN-2026-000007");
    variables.put(CourtProceedings.INFORMATION_DEADLINE.name(), at(LocalDate.of(2027, 4, 16), 0));
    return variables;
  }

  private static Map<String, Object> prepared(String section, boolean supervisionOrderConsidered, String laidOn, String hearing) {
    return withVariables(
        CourtProceedings.OFFENCE_SECTION.name(), section,
        CourtProceedings.SUPERVISION_ORDER_CONSIDERED.name(), supervisionOrderConsidered,
        CourtProceedings.INFORMATION_LAID_ON.name(), laidOn,
        CourtProceedings.HEARING_DATE.name(), hearing);
  }

  private static Map<String, Object> interviewed(String on, String record) {
    return withVariables(
        CourtProceedings.INTERVIEW_HELD.name(), true,
        CourtProceedings.INTERVIEW_DATE.name(), on,
        CourtProceedings.INTERVIEW_RECORD_REFERENCE.name(), record);
  }

  static void setToday(LocalDate day) {
    ClockUtil.setCurrentTime(at(day, 10));
  }

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(LONDON).toInstant());
  }
}
