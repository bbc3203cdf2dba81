package uk.schoolattendance.attendance;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.schools.SchoolAccess;

/**
 * The band of an attendance percentage by the deployed decision {@code AttendanceBand} (its latest
 * version, looked up again at most every {@value #REFRESH_MILLIS} ms, so an analyst's new version
 * applies within a minute), the engine's parsed decision evaluated in memory by a plain DMN engine:
 * a figures read writes no decision history and makes no database round trip.
 */
@Component
class Bands {

  static final String DECISION = "AttendanceBand";
  static final long REFRESH_MILLIS = 30_000;

  private record Deployed(String id, DmnDecision decision, long checkedAt) {}

  private final RepositoryService repository;
  private final DmnEngine dmn;
  private final SchoolAccess access;
  private volatile Deployed deployed;

  Bands(ProcessEngine engine, SchoolAccess access) {
    this.repository = engine.getRepositoryService();
    // a plain DMN engine: the process engine's own writes decision history and needs a command
    this.dmn = org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    this.access = access;
  }

  String band(double attendancePercent) {
    return dmn.evaluateDecisionTable(decision(), Variables.createVariables().putValue(CaseFacts.ATTENDANCE_PERCENT.name(), attendancePercent))
        .getSingleEntry();
  }

  private DmnDecision decision() {
    Deployed current = deployed;
    long now = System.currentTimeMillis();
    if (current != null && now - current.checkedAt() < REFRESH_MILLIS) {
      return current.decision();
    }
    Deployed latest = access.asSystem(() -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
          .latestVersion().singleResult();
      if (current != null && current.id().equals(definition.getId())) {
        return new Deployed(current.id(), current.decision(), now);
      }
      // the engine's own parsed decision, from its deployment cache
      return new Deployed(definition.getId(), (DmnDecision) repository.getDecisionDefinition(definition.getId()), now);
    });
    deployed = latest;
    return latest.decision();
  }
}
