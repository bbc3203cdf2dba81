package uk.schoolattendance.security;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Executing a job by hand ({@code POST /job/{id}/execute}, Cockpit's retry) is checked before the
 * job runs. Camunda checks the caller's right inside the job's execution, where a refusal counts
 * as the job failing: each refused call took a retry, and the third raised an incident that
 * stopped the case's timer. Here a caller without UPDATE on the job's process instance (or
 * UPDATE_INSTANCE on its definition) is refused before anything happens.
 */
class GuardedManagementService extends ManagementServiceImpl {

  GuardedManagementService(ProcessEngineConfiguration configuration) {
    super(configuration);
  }

  @Override
  public void executeJob(String jobId) {
    commandExecutor.execute(
        commandContext -> {
          JobEntity job = jobId == null ? null : commandContext.getJobManager().findJobById(jobId);
          if (job != null) {
            for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
              checker.checkUpdateJob(job);
            }
          }
          return null;
        });
    super.executeJob(jobId);
  }
}
