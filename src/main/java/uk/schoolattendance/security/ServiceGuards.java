package uk.schoolattendance.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs the engine services that close what Camunda leaves unchecked (docs/security.md): a
 * job executed by hand is authorized before it runs ({@link GuardedManagementService}); comments
 * and attachments are written only by those who may work the task ({@link GuardedTaskService});
 * only administrators delete a deployment with its cases ({@link GuardedRepositoryService}); a
 * penalty notice's process is never moved around its register ({@link GuardedRuntimeService}).
 */
@Component
class ServiceGuards extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setManagementService(new GuardedManagementService(configuration));
    configuration.setTaskService(new GuardedTaskService());
    configuration.setRepositoryService(new GuardedRepositoryService());
    configuration.setRuntimeService(new GuardedRuntimeService());
  }
}
