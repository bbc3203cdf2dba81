package uk.schoolattendance.cluster;

import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The probe's side effect: one row per case and step in {@code probe_effect}, whose primary key
 * refuses a second row. The insert joins the job's transaction, so it commits exactly when the
 * job does; a job run twice would fail on the key and show in the job log.
 */
public class ProbeEffects implements JavaDelegate {

  static final String TABLE =
      "create table if not exists probe_effect (effect_key varchar(200) primary key,"
          + " node varchar(100) not null)";

  private final JdbcTemplate jdbc;
  private final String node;

  public ProbeEffects(DataSource dataSource, Environment environment) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.node = environment.getProperty("camunda.bpm.generic-properties.properties.hostname", "?");
  }

  static String key(String businessKey, String activityId) {
    return businessKey + "/" + activityId;
  }

  @Override
  public void execute(DelegateExecution execution) {
    jdbc.update(
        "insert into probe_effect (effect_key, node) values (?, ?)",
        key(execution.getProcessBusinessKey(), execution.getCurrentActivityId()),
        node);
  }
}
