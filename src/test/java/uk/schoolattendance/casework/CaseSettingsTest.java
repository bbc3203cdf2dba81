package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reasons a Level 1 case is no longer needed ({@code attendance.case.no-longer-needed-reasons}):
 * the national list by default; a council's own list replaces it; a key that is not a code or a
 * reason without words stops start-up naming the key.
 */
class CaseSettingsTest {

  @Test
  void theNationalReasonsAreTheDefaultAndACouncilsListReplacesThem() {
    assertThat(CaseSettings.defaults().noLongerNeededReasons().keySet()).containsExactly(
        "left-school", "moved-away", "home-educated", "illness-authorised", "duplicate-case", "pupil-died");
    assertThat(CaseSettings.defaults().noLongerNeededExplanationMinLength()).isEqualTo(20);
    Map<String, String> own = new LinkedHashMap<>();
    own.put("moved-away", " Moved away ");
    own.put("missing-education", "Referred to the children missing education team");
    assertThat(settings(own, null).noLongerNeededReasons())
        .containsExactly(Map.entry("moved-away", "Moved away"),
            Map.entry("missing-education", "Referred to the children missing education team"));
  }

  @Test
  void aReasonThatIsNoCodeOrHasNoWordsStopsStartUpNamingTheKey() {
    assertThatThrownBy(() -> settings(Map.of("Moved Away", "Moved away"), null))
        .hasMessageContaining("attendance.case.no-longer-needed-reasons.Moved Away is not a reason's code");
    assertThatThrownBy(() -> settings(Map.of("moved-away", " "), null))
        .hasMessageContaining("attendance.case.no-longer-needed-reasons.moved-away has no words");
    assertThatThrownBy(() -> settings(null, 0))
        .hasMessageContaining("attendance.case.no-longer-needed-explanation-min-length must be 1–1000, was 0");
  }

  private static CaseSettings settings(Map<String, String> reasons, Integer minLength) {
    return new CaseSettings(null, null, null, null, null, reasons, minLength);
  }
}
