package uk.schoolattendance.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.london;
import static uk.schoolattendance.casework.CaseFixtures.vars;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.ProcessEngineFixture;

/** TargetingSupportMeeting: one per school and term, for the school's named officer. */
@Deployment(resources = "bpmn/TargetingSupportMeeting.bpmn")
class TargetingSupportMeetingTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessEngineFixture.builder("targeting-support-meeting-test").coverage().build().configuration)
          .assertClassCoverageAtLeast(1.0)
          .build();

  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    clockAt(2026, 9, 7, 10);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void theNamedOfficerHoldsTheTermlyMeetingAndRecordsIt() {
    ProcessInstance meeting = processEngine.getRuntimeService().startProcessInstanceByKey(TargetingSupportMeeting.KEY,
        vars(TargetingSupportMeeting.SCHOOL_URN.name(), "100002", TargetingSupportMeeting.TERM.name(), "2026-27 Autumn", TargetingSupportMeeting.MEETING_DATE.name(), "2026-09-23"));
    assertThat(meeting.getBusinessKey()).isEqualTo("TSM-100002-2026-27-autumn");
    assertThat(meeting).isWaitingAt(TargetingSupportMeeting.DATA_PACK_DUE);
    assertThat(job().getDuedate()).isEqualTo(london(2026, 9, 16, 9));
    execute(job());
    assertThat(meeting).isWaitingAt(TargetingSupportMeeting.PREPARE_DATA_PACK);
    execute(job());
    assertThat(processEngine.getRuntimeService().getVariables(meeting.getId()))
        .containsKeys(TargetingSupportMeeting.DATA_PACK_BANDS.name(), TargetingSupportMeeting.DATA_PACK_COHORTS.name());
    assertThat(meeting).isWaitingAt(TargetingSupportMeeting.HOLD_TARGETING_SUPPORT_MEETING.id());
    assertThat(task(meeting).getDueDate()).isEqualTo(london(2026, 9, 23, 9));
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(task(meeting).getId()))
        .extracting(IdentityLink::getUserId).containsExactly("officer");

    String taskId = task(meeting).getId();
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
        processEngine.getTaskService().complete(taskId, vars(TargetingSupportMeeting.PUPILS_IDENTIFIED.name(), "Year 9 cohort")));
    assertThat(refused).rootCause().isInstanceOf(InvalidInputException.class).hasMessageStartingWith("actionsAgreed:");

    complete(task(meeting), vars(TargetingSupportMeeting.PUPILS_IDENTIFIED.name(), "Year 9 cohort; 4 severely absent pupils",
        "actionsAgreed", "Home visits; mentoring", "leadPractitioner", "Olivia Okafor",
        TargetingSupportMeeting.SEVERELY_ABSENT_PUPILS_HAVE_PLANS.name(), "false"));
    assertThat(meeting).isEnded().hasPassed("Event_TargetingSupportMeetingHeld");
  }

  @Test
  void oneMeetingPerSchoolAndTermAndOnlyForKnownSchools() {
    processEngine.getRuntimeService().startProcessInstanceByKey(TargetingSupportMeeting.KEY,
        vars(TargetingSupportMeeting.SCHOOL_URN.name(), "100001", TargetingSupportMeeting.TERM.name(), "2026-27 autumn"));
    assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(TargetingSupportMeeting.KEY,
            vars(TargetingSupportMeeting.SCHOOL_URN.name(), "100001", TargetingSupportMeeting.TERM.name(), "2026-27 autumn")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(TargetingSupportMeeting.KEY,
            vars(TargetingSupportMeeting.SCHOOL_URN.name(), "999999", TargetingSupportMeeting.TERM.name(), "2026-27 autumn")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("schoolUrn:");
    assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(TargetingSupportMeeting.KEY,
            vars(TargetingSupportMeeting.SCHOOL_URN.name(), "100002", TargetingSupportMeeting.TERM.name(), "autumn")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("term:");
    assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(TargetingSupportMeeting.KEY,
            vars(TargetingSupportMeeting.SCHOOL_URN.name(), "100002", TargetingSupportMeeting.TERM.name(), "2026-27 autumn", TargetingSupportMeeting.MEETING_DATE.name(), "2026-10-27")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("meetingDate:");
  }
}
