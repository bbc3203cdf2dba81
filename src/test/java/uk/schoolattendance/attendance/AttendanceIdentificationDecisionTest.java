package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * AttendanceIdentification.dmn as shipped: who is new work after an import (once per band entered,
 * once for the threshold in a year; the threshold first), and who is flagged for the Targeting
 * Support Meeting (severely or chronically absent, no plan).
 */
class AttendanceIdentificationDecisionTest {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision IDENTIFICATION = load("AttendanceIdentification");
  static final DmnDecision FLAG = load("TargetingSupportFlag");

  @ParameterizedTest(name = "{0} (worst so far {1}), threshold met {2} (known {3}) -> {4} {5}")
  @CsvSource({
    "not-persistent, none,       false, false, false, none",
    "none,           none,       false, false, false, none",
    "persistent,     none,       false, false, true,  entered-persistent",
    "persistent,     persistent, false, false, false, none",
    "persistent,     severe,     false, false, false, none",
    "severe,         none,       false, false, true,  entered-severe",
    "severe,         persistent, false, false, true,  entered-severe",
    "severe,         severe,     false, false, false, none",
    "chronic,        severe,     false, false, true,  entered-chronic",
    "chronic,        chronic,    false, false, false, none",
    "not-persistent, none,       true,  false, true,  threshold-met",
    "severe,         none,       true,  false, true,  threshold-met",
    "severe,         none,       true,  true,  true,  entered-severe",
    "not-persistent, none,       true,  true,  false, none"
  })
  void identifiesOncePerBandAndOncePerThreshold(
      String band, String identifiedBand, boolean met, boolean known, boolean identified, String reason) {
    DmnDecisionResultEntries result = ENGINE.evaluateDecision(IDENTIFICATION, Map.of(
        "band", band, "identifiedBand", identifiedBand, "thresholdMet", met, "thresholdIdentified", known))
        .getSingleResult();
    assertThat((Boolean) result.getEntry("identified")).isEqualTo(identified);
    assertThat((String) result.getEntry("reason")).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0}, plan {1} -> flag {2}")
  @CsvSource({
    "severe,         false, true",
    "chronic,        false, true",
    "severe,         true,  false",
    "chronic,        true,  false",
    "persistent,     false, false",
    "not-persistent, false, false",
    "none,           false, false"
  })
  void flagsSeverelyAbsentPupilsWithoutAPlan(String band, boolean hasPlan, boolean flag) {
    Boolean result = ENGINE.evaluateDecision(FLAG, Map.of("band", band, "hasPlan", hasPlan)).getSingleEntry();
    assertThat(result).isEqualTo(flag);
  }

  static DmnDecision load(String key) {
    try (InputStream in = new ClassPathResource("bpmn/AttendanceIdentification.dmn").getInputStream()) {
      return ENGINE.parseDecision(key, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
