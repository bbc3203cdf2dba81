package uk.schoolattendance.security;

import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Executing a job by hand ({@code POST /job/{id}/execute}, Cockpit's retry) is checked before the
 * job runs. Camunda checks the caller's right inside the job's execution, where a refusal counts
 * as the job failing: each refused call took a retry, and the third raised an incident that
 * stopped the case's timer. Here a caller without UPDATE on the job's process instance (or
 * UPDATE_INSTANCE on its definition) is refused before anything happens. Code of the application
 * itself (no user signed in) is not checked by the engine's checkers, so it runs the job without
 * the extra transaction.
 */
class GuardedManagementService extends ManagementServiceImpl {

  private final ProcessEngineConfigurationImpl configuration;

  GuardedManagementService(ProcessEngineConfigurationImpl configuration) {
    super(configuration);
    this.configuration = configuration;
  }

  @Override
  public void executeJob(String jobId) {
    if (personCalling()) {
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
    }
    super.executeJob(jobId);
  }

  /** The engine's checkers check only a signed-in user (authorizations) and their tenants. */
  private boolean personCalling() {
    return configuration.getIdentityService().getCurrentAuthentication() != null;
  }
}
