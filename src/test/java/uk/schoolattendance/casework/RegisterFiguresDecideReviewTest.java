package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Walk 11, defect 3: for a pupil with register marks the register's figure decides a Level 2
 * review. The form proposes it, a different typed figure is refused naming the field and changes
 * nothing, and the decision and the case's figures use the register's; a pupil without marks keeps
 * the typed figure.
 */
@Deployment(resources = {"bpmn/AttendanceCase.bpmn", "bpmn/ChangeCaseLevel.bpmn", "bpmn/ReviewOutcome.dmn",
    "bpmn/AttendanceBand.dmn", "bpmn/NationalThreshold.dmn", "stubs/PenaltyNoticeStub.bpmn",
    "stubs/CourtProceedingsStub.bpmn", "stubs/NoticeToImproveStub.bpmn"})
class RegisterFiguresDecideReviewTest {

  /** The register's figures today, by UPN; a pupil not in it has no marks. */
  static final Map<String, AtomicReference<RegisterFigures.CaseFigures>> REGISTER = new java.util.concurrent.ConcurrentHashMap<>();

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("register-figures-decide-review-test")
      .replace("registerFigures", (RegisterFigures) (upn, school) -> Optional.ofNullable(REGISTER.get(upn)).map(AtomicReference::get))
      .build();

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

  @Test
  void withMarksTheReviewProposesAndDecidesOnTheRegistersFigure() {
    String upn = CaseFixtures.newUpn();
    AtomicReference<RegisterFigures.CaseFigures> register = new AtomicReference<>(new RegisterFigures.CaseFigures(80.0, 12));
    REGISTER.put(upn, register);
    ProcessInstance instance = level2Case(upn);
    register.set(new RegisterFigures.CaseFigures(88.6, 4)); // the marks since: +8.6 points, target 92 not met
    Task review = reachReview(instance);

    // the form opens with the register's figure and says where it comes from
    assertThat(taskService.getVariable(review.getId(), AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name())).isEqualTo(88.6);
    assertThat((String) taskService.getVariableLocal(review.getId(), AttendanceCase.REGISTER_FIGURES_SHOWN.name()))
        .contains("88.6%").contains("register");

    // a typed 79 (no progress by the typed figure) is refused, naming the field, and changes nothing
    assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name(), 79.0)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining(AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name())
        .hasMessageContaining("88.6%");
    assertThat(instance).isWaitingAt(AttendanceCase.REVIEW_ATTENDANCE.id());
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.ATTENDANCE_PERCENT.name())).isEqualTo(80.0);

    // left as proposed: the register's figure is the review's, the case's and the decision's
    taskService.complete(review.getId(), Map.of(AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name(), 88.6));
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.ATTENDANCE_PERCENT.name())).isEqualTo(88.6);
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.UNAUTHORISED_SESSIONS.name())).isEqualTo(4);
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.REVIEW_OUTCOME.name())).isEqualTo("some-progress");
  }

  @Test
  void withMarksAFigureLeftOutIsTheRegistersAndNotASecondOne() {
    String upn = CaseFixtures.newUpn();
    AtomicReference<RegisterFigures.CaseFigures> register = new AtomicReference<>(new RegisterFigures.CaseFigures(80.0, 12));
    REGISTER.put(upn, register);
    ProcessInstance instance = level2Case(upn);
    register.set(new RegisterFigures.CaseFigures(93.1, 0));
    Task review = reachReview(instance);
    // through the engine's REST API a client may send no figure: the register's decides (target met)
    runtimeService.removeVariable(instance.getId(), AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name());
    taskService.complete(review.getId());
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(AttendanceCase.REVIEW_OUTCOME.name()).singleResult().getValue()).isEqualTo("target-met");
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(AttendanceCase.ATTENDANCE_PERCENT.name()).singleResult().getValue()).isEqualTo(93.1);
  }

  @Test
  void withoutMarksTheTypedFigureStays() {
    ProcessInstance instance = level2Case(CaseFixtures.newUpn());
    Task review = reachReview(instance);
    assertThat(taskService.getVariable(review.getId(), AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name())).isNull();
    assertThat(taskService.getVariableLocal(review.getId(), AttendanceCase.REGISTER_FIGURES_SHOWN.name())).isNull();
    assertThatThrownBy(() -> taskService.complete(review.getId()))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining(AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name());
    taskService.complete(review.getId(), Map.of(AttendanceCase.CURRENT_ATTENDANCE_PERCENT.name(), 79.0));
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.ATTENDANCE_PERCENT.name())).isEqualTo(79.0);
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.REVIEW_OUTCOME.name())).isEqualTo("no-progress");
  }

  private ProcessInstance level2Case(String upn) {
    Map<String, Object> start = CaseFixtures.with(CaseFixtures.startVariables(),
        AttendanceCase.PUPIL_UPN.name(), upn, AttendanceCase.ENTRY_LEVEL.name(), 2);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, start);
    taskService.complete(task(instance).getId(), Map.of(AttendanceCase.ATTENDANCE_TARGET.name(), 92.0));
    return instance;
  }

  private Task reachReview(ProcessInstance instance) {
    Job timer = job("Event_ReviewDateReached", instance);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
    assertThat(instance).isWaitingAt(AttendanceCase.REVIEW_ATTENDANCE.id());
    return task(instance);
  }
}
