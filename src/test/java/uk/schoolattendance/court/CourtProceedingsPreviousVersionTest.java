package uk.schoolattendance.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static uk.schoolattendance.court.CourtProceedingsProcessTest.at;
import static uk.schoolattendance.court.CourtProceedingsProcessTest.setToday;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * Review 3, M1: proceedings started on CourtProceedings 1.2 (commit 2f6061b, kept under
 * previous/2f6061b with its forms) keep that definition and its forms, and still complete through
 * today's listeners: preparation with s444(1A), the interview under caution after the information
 * (1.2's order, its form without "held?"), an adjournment sending {@code hearingDate}, the outcome.
 */
@Deployment(resources = {"bpmn-test/AttendanceCaseHistoryStub.bpmn"})
class CourtProceedingsPreviousVersionTest {

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("court-proceedings-previous-version-test").build();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration).build();

  private static final List<String> FORMS = List.of("prepare-court-case.form", "interview-under-caution.form",
      "record-court-outcome.form", "acknowledge-court-outcome.form", "decide-on-supervision-order.form");

  ProcessEngine engine;
  private String previous;

  @BeforeEach
  void deployVersionOneTwo() throws Exception {
    BpmnAwareTests.init(engine);
    setToday(LocalDate.of(2026, 12, 3));
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("CourtProceedings 1.2 with its forms")
        .addInputStream("bpmn/CourtProceedings.bpmn", resource("CourtProceedings.bpmn"));
    for (String form : FORMS) {
      deployment.addInputStream("forms/" + form, resource(form));
    }
    previous = deployment.deploy().getId();
  }

  @AfterEach
  void removeIt() {
    engine.getRepositoryService().deleteDeployment(previous, true);
  }

  @Test
  void aProsecutionUnderS444OneAOnVersionOneTwoCompletesWithTheInterviewAfterTheInformationAndAnAdjournment() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(previous).singleResult().getId();
    assertThat(engine.getRepositoryService().getProcessDefinition(definition).getVersionTag()).isEqualTo("1.2");
    Map<String, Object> variables = new HashMap<>();
    variables.put(CourtProceedings.CASE_REFERENCE.name(), "AC-12");
    variables.put(CourtProceedings.PUPIL_UPN.name(), "A123456789012");
    variables.put(CourtProceedings.PUPIL_NAME.name(), "Sam Pupil");
    variables.put(CourtProceedings.SCHOOL_URN.name(), "100001");
    variables.put(CourtProceedings.OFFENCE_FROM.name(), "2026-09-07");
    variables.put(CourtProceedings.OFFENCE_TO.name(), "2026-10-16");
    variables.put(CourtProceedings.UNAUTHORISED_SESSIONS.name(), 14);
    variables.put(CourtProceedings.PROCEEDINGS_TYPE.name(), "prosecution");
    variables.put(CourtProceedings.PARENT_ID.name(), "P-1");
    variables.put(CourtProceedings.PARENT_NAME.name(), "Alex Parent");
    variables.put(CourtProceedings.NOTICE_NUMBER.name(), "PN-2026-000007");
    variables.put(CourtProceedings.INFORMATION_DEADLINE.name(), at(LocalDate.of(2027, 4, 16), 0));
    ProcessInstance court = engine.getRuntimeService().startProcessInstanceById(definition, "AC-12", variables);
    execute(job(court));

    // 1.2: the case is prepared first, and s444(1A) leads to the interview after the information
    assertThat(court).isWaitingAt(CourtProceedings.PREPARE_COURT_CASE.id());
    complete(task(court), withVariables(CourtProceedings.OFFENCE_SECTION.name(), "s444-1A",
        CourtProceedings.SUPERVISION_ORDER_CONSIDERED.name(), true, CourtProceedings.INFORMATION_LAID_ON.name(), "2026-12-02",
        CourtProceedings.HEARING_DATE.name(), "2027-02-10"));
    assertThat(court).isWaitingAt(CourtProceedings.INTERVIEW_UNDER_CAUTION.id());
    complete(task(court), withVariables(CourtProceedings.INTERVIEW_DATE.name(), "2026-12-03",
        CourtProceedings.INTERVIEW_RECORD_REFERENCE.name(), "Recording IUC-2026-12"));
    assertThat(court).isWaitingAt("Event_HearingDateReached");

    // adjourned: 1.2's form sends the new date as hearingDate
    setToday(LocalDate.of(2027, 2, 10));
    execute(job(court));
    complete(task(court), withVariables(CourtProceedings.HEARING_ADJOURNED.name(), true,
        CourtProceedings.HEARING_DATE.name(), "2027-03-03"));
    assertThat(court).isWaitingAt("Event_HearingDateReached");
    assertThat(job(court).getDuedate()).isEqualTo(at(LocalDate.of(2027, 3, 3), 9));

    setToday(LocalDate.of(2027, 3, 3));
    execute(job(court));
    complete(task(court), withVariables(CourtProceedings.COURT_OUTCOME.name(), "fine", CourtProceedings.FINE_AMOUNT.name(), 400));
    execute(job(court));
    complete(engine.getTaskService().createTaskQuery().processInstanceId(court.getId())
            .taskDefinitionKey(CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id()).singleResult(),
        withVariables(CourtProceedings.COURT_OUTCOME_ACKNOWLEDGED.name(), true));
    assertThat(court).isEnded().hasPassed(CourtProceedings.INTERVIEW_UNDER_CAUTION.id(), "Task_RecordAdjournment");
    assertThat(ENGINE.courtProceedings.find(court.getId()).orElseThrow().hearingDate()).isEqualTo(LocalDate.of(2027, 3, 3));
  }

  private static InputStream resource(String name) {
    return CourtProceedingsPreviousVersionTest.class.getResourceAsStream("/previous/2f6061b/" + name);
  }
}
