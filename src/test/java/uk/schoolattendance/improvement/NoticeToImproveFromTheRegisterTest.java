package uk.schoolattendance.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.vars;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.casework.RegisterFigures;

/**
 * Walk 11, defects 3 and 11: a Notice to Improve for a pupil with register marks quotes the
 * register's figures, not a figure typed earlier; its review shows the case's level, stage and
 * band (which live on the calling case), what the notice described as sufficient improvement and
 * the register's figures for the improvement period.
 */
@Deployment(resources = "bpmn/NoticeToImprove.bpmn")
class NoticeToImproveFromTheRegisterTest {

  static final String WITH_MARKS = CaseFixtures.newUpn();

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("notice-to-improve-register-test")
      .replace("registerFigures", (RegisterFigures) (upn, school) ->
          WITH_MARKS.equals(upn) ? Optional.of(new RegisterFigures.CaseFigures(88.6, 9)) : Optional.empty())
      .replace("improvementPeriodMarks", (ImprovementPeriodMarks) (upn, from, to) ->
          WITH_MARKS.equals(upn) ? Optional.of(new ImprovementPeriodMarks.PeriodFigures(from, to, 57, 52, 3)) : Optional.empty())
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
    clockAt(2025, 12, 1, 10); // Monday 1 December 2025
  }

  @Test
  void withMarksTheLetterQuotesTheRegisterNotAFigureTypedEarlier() throws Exception {
    ProcessInstance notice = issued(WITH_MARKS);
    assertThat(runtimeService.getVariable(notice.getId(), NoticeToImprove.ATTENDANCE_PERCENT.name())).isEqualTo(88.6);
    FileValue letter = runtimeService.getVariableTyped(notice.getId(), NoticeToImprove.LETTER.name());
    String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(letter.getValue().readAllBytes()))
        .getTextFromPage(1).replaceAll("\\s+", " ");
    assertThat(text).contains("88.6 %").doesNotContain("87.0 %");
  }

  @Test
  void aCaseStartedOnTypedFiguresWhoseMarksCameLaterQuotesItsOwnFigureAsItsReviewDid() throws Exception {
    // the register holds marks for the pupil today, but the case was started (and reviewed) on typed figures
    Map<String, Object> in = start(WITH_MARKS);
    in.put(NoticeToImprove.ATTENDANCE_SOURCE.name(), uk.schoolattendance.process.CaseFacts.ENTERED);
    ProcessInstance notice = runtimeService.startProcessInstanceByKey(NoticeToImprove.KEY, "AC-2025-000200", in);
    execute(job(notice));
    assertThat(runtimeService.getVariable(notice.getId(), NoticeToImprove.ATTENDANCE_PERCENT.name())).isEqualTo(87.0);
    FileValue letter = runtimeService.getVariableTyped(notice.getId(), NoticeToImprove.LETTER.name());
    String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(letter.getValue().readAllBytes()))
        .getTextFromPage(1).replaceAll("\\s+", " ");
    assertThat(text).contains("87.0 %").doesNotContain("88.6 %");
  }

  @Test
  void withoutMarksTheLetterQuotesTheCasesFigure() throws Exception {
    ProcessInstance notice = issued(CaseFixtures.newUpn());
    FileValue letter = runtimeService.getVariableTyped(notice.getId(), NoticeToImprove.LETTER.name());
    String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(letter.getValue().readAllBytes()))
        .getTextFromPage(1).replaceAll("\\s+", " ");
    assertThat(text).contains("87.0 %");
  }

  @Test
  void theReviewShowsTheCaseWhatTheNoticeDescribedAndTheRegistersFiguresForThePeriod() {
    String caller = processEngine.getRepositoryService().createDeployment()
        .addModelInstance("NoticeCaller.bpmn", Bpmn.createExecutableProcess("NoticeCaller").camundaHistoryTimeToLive(1)
            .startEvent().callActivity("Call_Notice").calledElement(NoticeToImprove.KEY)
            .camundaIn("pupilUpn", "pupilUpn").camundaIn("pupilName", "pupilName").camundaIn("schoolUrn", "schoolUrn")
            .camundaIn("parents", "parents").camundaIn("attendancePercent", "attendancePercent")
            .camundaIn("unauthorisedSessions", "unauthorisedSessions").camundaIn("sufficientImprovement", "sufficientImprovement")
            .camundaIn("caseReference", "caseReference").camundaIn("attendanceSource", "attendanceSource")
            .camundaIn("level", "level").camundaIn("stage", "stage").camundaIn("attendanceBand", "attendanceBand")
            .endEvent().done())
        .deploy().getId();
    try {
      Map<String, Object> in = start(WITH_MARKS);
      in.putAll(vars("level", 3, "stage", "formalise-support", "attendanceBand", "persistent"));
      ProcessInstance parent = runtimeService.startProcessInstanceByKey("NoticeCaller", "AC-2025-000200", in);
      ProcessInstance notice = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
      Task review = reachReview(notice);
      Map<String, Object> form = processEngine.getFormService().getTaskFormVariables(review.getId());
      assertThat(form).containsEntry("level", 3).containsEntry("stage", "formalise-support")
          .containsEntry("attendanceBand", "persistent")
          .containsEntry(NoticeToImprove.SUFFICIENT_IMPROVEMENT.name(), "no unauthorised absence and attendance above 92 %");
      assertThat((String) form.get(NoticeToImprove.IMPROVEMENT_PERIOD_FIGURES_SHOWN.name()))
          // the improvement period from receipt (Wednesday 3 December), as the letter states it (walk 13, #14)
          .isEqualTo("From the register of marks, 3 December 2025 to 27 January 2026: present at 52 of 57 possible sessions"
              + " (91.2%), 3 unauthorised absences (G, N, O, U).");
    } finally {
      processEngine.getRepositoryService().deleteDeployment(caller, true);
    }
  }

  @Test
  void withoutMarksTheReviewSaysSoAndNamesThePeriod() {
    ProcessInstance notice = issued(CaseFixtures.newUpn());
    Task review = reachReview(notice);
    assertThat((String) taskService.getVariableLocal(review.getId(), NoticeToImprove.IMPROVEMENT_PERIOD_FIGURES_SHOWN.name()))
        .contains("holds no marks").contains("3 December 2025 to 27 January 2026");
  }

  private Map<String, Object> start(String upn) {
    return vars(
        "caseReference", "AC-2025-000200", "pupilUpn", upn, "pupilName", "Sam Pupil",
        NoticeToImprove.SCHOOL_URN.name(), "100002", NoticeToImprove.PARENTS.name(), CaseFixtures.twoParents(),
        NoticeToImprove.ATTENDANCE_PERCENT.name(), 87.0, NoticeToImprove.UNAUTHORISED_SESSIONS.name(), 14,
        NoticeToImprove.SUFFICIENT_IMPROVEMENT.name(), "no unauthorised absence and attendance above 92 %",
        NoticeToImprove.ATTENDANCE_SOURCE.name(), WITH_MARKS.equals(upn) ? uk.schoolattendance.process.CaseFacts.FROM_MARKS
            : uk.schoolattendance.process.CaseFacts.ENTERED);
  }

  private ProcessInstance issued(String upn) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(NoticeToImprove.KEY, "AC-2025-000200", start(upn));
    execute(job(instance));
    return instance;
  }

  private Task reachReview(ProcessInstance notice) {
    // a notice started by a caller is still to be issued (an asynchronous job)
    if (processEngine.getManagementService().createJobQuery().processInstanceId(notice.getId())
        .activityId("Task_IssueNoticeToImprove").count() > 0) {
      execute(job("Task_IssueNoticeToImprove", notice));
    }
    Job period = job("Event_ImprovementPeriodEnded", notice);
    ClockUtil.setCurrentTime(period.getDuedate());
    execute(period);
    assertThat(notice).isWaitingAt(NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id());
    return taskService.createTaskQuery().processInstanceId(notice.getId()).singleResult();
  }
}
