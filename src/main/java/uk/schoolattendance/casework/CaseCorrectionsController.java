package uk.schoolattendance.casework;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * {@code POST /api/cases/{caseReference}/corrections} with {@code {field, value, reason}}: a
 * recorded correction of one of the case's facts ({@link CaseCorrections}). Answers the
 * correction as the case's history records it.
 */
@RestController
class CaseCorrectionsController {

  /** The correction asked for: which fact, its new value (text, or the parents as a Json list) and why. */
  @Checked
  record CorrectionRequest(String field, Object value, String reason) implements CheckedBody {
    @Override
    public void check() {
      Inputs.requiredText("field", field, 100);
      Inputs.required("value", value, "is required");
      Inputs.requiredText("reason", reason, Inputs.TEXT_MAX);
    }
  }

  private final CaseCorrections corrections;

  CaseCorrectionsController(CaseCorrections corrections) {
    this.corrections = corrections;
  }

  @PostMapping("/api/cases/{caseReference}/corrections")
  CaseCorrections.Correction correct(@PathVariable String caseReference, @Valid @RequestBody CorrectionRequest request) {
    return corrections.correct(caseReference, request.field(), request.value(), request.reason());
  }
}
