package uk.schoolattendance.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The review's form says what its answer does (walk 13, #22): "Yes" closes the case as attendance
 * improved (AttendanceCase's Event_ImprovedAfterNotice; AttendanceCaseTest walks it), so the form
 * does not promise a return to support it never makes; further support is the Pupil Planning
 * Meeting's route, after "No".
 */
class ReviewNoticeToImproveWordsTest {

  @Test
  void theAnswersWordsSayWhatItDoes() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms", "review-notice-to-improve.form")));
    String description = null;
    for (JsonNode component : form.path("components")) {
      if (NoticeToImprove.IMPROVEMENT_SUFFICIENT.name().equals(component.path("key").asText())) {
        description = component.path("description").asText();
      }
    }
    assertThat(description).startsWith("Yes closes the case as attendance improved")
        .doesNotContain("returns the case to support").contains("further support at the meeting");
  }

  @Test
  void theWatchFormsReasonsAreTheConfiguredDefaults() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms", "watch-improvement-period.form")));
    java.util.Map<String, String> offered = new java.util.LinkedHashMap<>();
    for (JsonNode component : form.path("components")) {
      if (NoticeToImprove.EARLY_ESCALATION_REASON.name().equals(component.path("key").asText())) {
        component.path("values").forEach(v -> offered.put(v.path("value").asText(), v.path("label").asText()));
      }
    }
    assertThat(offered).isEqualTo(NoticeToImproveProperties.DEFAULT_EARLY_ESCALATION_REASONS);
  }
}
