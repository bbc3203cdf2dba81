package uk.schoolattendance.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;

/**
 * On PostgreSQL, nodes of a cluster start one at a time. Started together on an empty database
 * (as {@code docker compose up} starts its replicas) two engines would both create the schema,
 * and both would create the administrator and the groups, and one would fail. A node takes a
 * PostgreSQL session advisory lock before the engine touches the schema and gives it back when
 * it accepts traffic, after every start-up initializer has run. A node that dies while starting
 * loses its connection and with it the lock. On H2 (one node only) nothing happens.
 */
public class StartupLock extends AbstractProcessEnginePlugin
    implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>>, DisposableBean {

  /** Any constant unique among this database's advisory locks. */
  static final long KEY = 7_240_614_001L;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      LOG.info("Waiting for other nodes to finish starting (advisory lock {})", KEY);
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock", e);
    }
  }

  @Override
  public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      release();
    }
  }

  @Override
  public void destroy() {
    release();
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock; it ends with the connection", e);
    } finally {
      held = null;
    }
  }

  public boolean isHeld() {
    return held != null;
  }
}
