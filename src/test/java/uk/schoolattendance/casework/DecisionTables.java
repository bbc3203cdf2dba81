package uk.schoolattendance.casework;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.core.io.ClassPathResource;

/** The shipped DMN tables, evaluated by a plain DMN engine (no process engine, no Spring). */
final class DecisionTables {

  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DecisionTables() {}

  static DmnDecision load(String key) {
    try (InputStream in = new ClassPathResource("bpmn/" + key + ".dmn").getInputStream()) {
      return ENGINE.parseDecision(key, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static DmnDecisionResult evaluate(DmnDecision decision, Map<String, Object> variables) {
    return ENGINE.evaluateDecision(decision, variables);
  }
}
