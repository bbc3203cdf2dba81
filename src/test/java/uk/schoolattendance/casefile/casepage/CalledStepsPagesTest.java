package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.notices.PenaltyNotice;

/**
 * A case whose called processes hold more tasks than one read returns loses no step: the steps are
 * read page by page to the end and come back oldest first, as the timeline tells the case. The
 * page here is two tasks, so a term-time leave case with two notices (each checked, then prepared,
 * a day apart) is a case over the cap without making 500 tasks.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class CalledStepsPagesTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired PeopleNames people;
  @Autowired UkDates dates;
  @Autowired uk.schoolattendance.improvement.ImprovementPeriod improvementPeriod;

  @AfterEach
  void reset() {
    TestClock.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aCaseOverOnePageOfTasksShowsEveryStepOldestFirst() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY,
        CaseFixtures.termTimeLeave(CaseFixtures.with(CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), CaseFileCases.newUpn()),
            "2026-09-14", "2026-10-09"));
    List<ProcessInstance> notices = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list();
    assertThat(notices).hasSize(2);
    // the notices' evidence is checked on two days: the later notice's tasks are the newer steps
    int day = 3;
    for (ProcessInstance notice : notices) {
      CaseFixtures.clockAt(2026, 11, day++, 10);
      for (Job job : managementService.createJobQuery().processInstanceId(notice.getId()).list()) {
        managementService.executeJob(job.getId());
      }
      Task check = taskService.createTaskQuery().processInstanceId(notice.getId())
          .taskDefinitionKey(PenaltyNotice.CHECK_LEAVE_EVIDENCE.id()).singleResult();
      assertThat(check).isNotNull();
      taskService.claim(check.getId(), "compliance");
      taskService.complete(check.getId(), Map.of("evidenceLeaveApplication", true, "evidenceWrittenRefusal", true,
          "evidenceWrittenWarning", true, "evidenceRegistrationCertificate", true));
      for (Job job : managementService.createJobQuery().processInstanceId(notice.getId()).list()) {
        managementService.executeJob(job.getId());
      }
    }
    long tasks = historyService.createHistoricTaskInstanceQuery().rootProcessInstanceId(instance.getId()).count();
    assertThat(tasks).as("tasks in the case's tree").isGreaterThan(2);

    List<CalledSteps.Step> steps = new CalledSteps(historyService, people, dates, 2, improvementPeriod).of(instance.getId(), List.of()).steps();
    List<String> titles = steps.stream().map(step -> step.entry().title()).toList();
    // each notice: its evidence checked and then prepared; nothing dropped past the first page
    assertThat(titles).filteredOn(title -> title.startsWith("Leave evidence")).hasSize(2);
    assertThat(titles).filteredOn(title -> title.endsWith(": prepared")).hasSize(2);
    assertThat(steps).isSortedAccordingTo(Comparator.comparing(CalledSteps.Step::at));
    // the same steps as one read of the whole case
    assertThat(titles).containsExactlyElementsOf(
        new CalledSteps(historyService, people, dates, 1000, improvementPeriod).of(instance.getId(), List.of()).steps().stream()
            .map(step -> step.entry().title()).toList());
  }
}
