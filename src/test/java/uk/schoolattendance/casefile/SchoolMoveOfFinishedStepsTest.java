package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.improvement.NoticeToImprove;

/**
 * A case corrected to another school takes with it what the old school saw of the processes the
 * case called and that have finished (a Notice to Improve that ran its course): the new school
 * reads their history, the old school no longer does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SchoolMoveOfFinishedStepsTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired AuthorizationService authorizationService;

  @AfterEach
  void reset() {
    TestClock.reset();
    identityService.clearAuthentication();
  }

  @Test
  void theHistoryOfAFinishedNoticeToImproveMovesWithTheCase() {
    CaseFixtures.clockAt(2026, 11, 27, 10);
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance instance = cases.start(
        Map.of(AttendanceCase.ENTRY_LEVEL.name(), 3, AttendanceCase.UNAUTHORISED_SESSIONS.name(), 12),
        CaseFixtures.UNIVERSAL_SCHOOL, "Ola Marsh", CaseFileCases.newUpn(), "parent-1", "Gail Marsh");
    complete(instance.getId(), AttendanceCase.WORK_WITH_FAMILY.id(), Map.of(
        AttendanceCase.EARLY_HELP_CONSENT.name(), false, AttendanceCase.CASEWORK_OUTCOME.name(), "formalise"));
    complete(instance.getId(), AttendanceCase.AGREE_ATTENDANCE_CONTRACT.id(), Map.of(
        AttendanceCase.CONTRACT_AGREED.name(), false, AttendanceCase.NO_CONTRACT_REASON.name(), "Parent refused to meet",
        AttendanceCase.SUFFICIENT_IMPROVEMENT.name(), "Attendance above 95 %"));
    String notice = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(NoticeToImprove.KEY).singleResult().getId();
    executeJobs(notice); // issued
    executeJobs(notice); // the improvement period ends (the test runs its timer)
    complete(notice, NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id(), Map.of(
        NoticeToImprove.IMPROVEMENT_SUFFICIENT.name(), false, NoticeToImprove.REVIEW_NOTES.name(), "No change"));
    HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(notice).singleResult();
    assertThat(finished.getEndTime()).as("the Notice to Improve has finished").isNotNull();
    String oldSchool = "school-" + CaseFixtures.UNIVERSAL_SCHOOL;
    assertThat(historyGrants(notice, oldSchool)).isEqualTo(1);

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("officer", "officer");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> corrected = rest.exchange("/api/cases/" + cases.referenceOf(instance) + "/corrections",
        HttpMethod.POST, new HttpEntity<>("{\"field\": \"schoolUrn\", \"value\": \"100001\", \"reason\": \"Wrong school on the referral\"}",
            headers), String.class);
    assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);

    assertThat(historyGrants(notice, oldSchool)).as("the old school's grant on the finished notice").isZero();
    assertThat(historyGrants(notice, "school-100001")).as("the new school's grant on the finished notice").isEqualTo(1);
    for (String taskId : historyService.createHistoricTaskInstanceQuery().processInstanceId(notice).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getId).toList()) {
      assertThat(grants(taskId, oldSchool, Resources.HISTORIC_TASK)).as("old school's grant on task " + taskId).isZero();
    }
  }

  private long historyGrants(String instanceId, String group) {
    return grants(instanceId, group, Resources.HISTORIC_PROCESS_INSTANCE);
  }

  private long grants(String resourceId, String group, Resources kind) {
    List<Authorization> grants = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceId(resourceId).list();
    return grants.stream().filter(grant -> grant.getResourceType() == kind.resourceType()).count();
  }

  private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    taskService.complete(task.getId(), variables);
  }

  private void executeJobs(String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).list()) {
      managementService.executeJob(job.getId());
    }
  }
}
