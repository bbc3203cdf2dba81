package uk.schoolattendance.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
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
 *   <li>On PostgreSQL, nodes start one at a time, so two nodes started together on an empty
 *       database do not both create the schema, the administrator and the groups.
 *   <li>A message subscription is deleted without a look-up of asynchronous event jobs, which
 *       only signals and compensation make ({@link MessageSubscriptionRemoval}).
 *   <li>Every node runs in the JVM zone the engine's times are kept in ({@link ServerZone}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineTuning {

  /**
   * Injecting the engine makes Spring build it (and its schema) before Flyway migrates. The
   * JVM's zone is checked against the one the engine's times are kept in ({@link ServerZone})
   * before any pending migration runs (when the database has recorded one) and before the job
   * executor runs a timer.
   */
  @Bean
  FlywayMigrationStrategy migrateAfterEngineSchema(ProcessEngine engine) {
    return flyway -> ServerZone.migrate(flyway, TimeZone.getDefault());
  }

  /** Nodes on PostgreSQL start one at a time (see {@link StartupLock}). */
  @Bean
  StartupLock startupLock(DataSource dataSource) {
    return new StartupLock(dataSource);
  }

  /**
   * Registers the {@code case-file} history level ({@link CaseFileHistoryLevel}); application.yaml
   * selects it with {@code camunda.bpm.history-level}.
   */
  @Bean
  ProcessEnginePlugin caseFileHistoryLevel(Environment environment) {
    List<String> variablesWithoutDetail = Binder.get(environment)
        .bind("attendance.history.variables-without-detail", Bindable.listOf(String.class))
        .orElse(List.of());
    List<String> variablesWithoutHistory = Binder.get(environment)
        .bind("attendance.history.variables-without-history", Bindable.listOf(String.class))
        .orElse(List.of());
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
          levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new CaseFileHistoryLevel(new HashSet<>(variablesWithoutDetail), new HashSet<>(variablesWithoutHistory)));
        configuration.setCustomHistoryLevels(levels);
      }
    };
  }

  /** Message subscriptions are deleted without looking for jobs they cannot have ({@link MessageSubscriptionRemoval}). */
  @Bean
  ProcessEnginePlugin messageSubscriptionRemoval() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
          factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new MessageSubscriptionRemoval.Factory());
        configuration.setCustomSessionFactories(factories);
      }
    };
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
