package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** A case's steps as people take them in Tasklist, for tests that walk a case to the step they show. */
public record CaseSteps(TaskService taskService, IdentityService identityService, ManagementService managementService) {

  /** Completes the process's one open task of this key as the user (claimed first, as Tasklist does). */
  public void completeAs(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    identityService.setAuthentication(user,
        identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Runs the process's jobs that are due, as the job executor would. */
  public void executeJobs(String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).list()) {
      managementService.executeJob(job.getId());
    }
  }

  /** Runs the process's executable jobs, and those they make, for up to ten rounds (as the job executor would). */
  public static void runJobs(ManagementService managementService, String processInstanceId) {
    for (int i = 0; i < 10; i++) {
      java.util.List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
