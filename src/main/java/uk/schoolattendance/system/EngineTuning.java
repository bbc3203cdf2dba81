package uk.schoolattendance.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the engine's settings in application.yaml cannot say (reasons: docs/adr/0003).
 *
 * <ul>
 *   <li>Flyway migrates only after the engine has built its schema, because some migrations add
 *       indexes to the engine's own tables ({@code V100__engine_indexes.sql}).
 *   <li>A job's lock owner is the node's host name, so Cockpit and the database show which node
 *       holds a job, and a node's jobs can be told apart after a crash.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineTuning {

  /** Injecting the engine makes Spring build it (and its schema) before Flyway migrates. */
  @Bean
  FlywayMigrationStrategy migrateAfterEngineSchema(ProcessEngine engine) {
    return flyway -> flyway.migrate();
  }

  @Bean
  ProcessEnginePlugin lockOwnerIsHostName() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null && configuration.getHostname() != null) {
          jobExecutor.setLockOwner(configuration.getHostname());
        }
      }
    };
  }
}
