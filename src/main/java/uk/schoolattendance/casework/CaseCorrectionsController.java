package uk.schoolattendance.casework;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.ParentRelationships;
import uk.schoolattendance.process.ParentStanding;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * {@code POST /api/cases/{caseReference}/corrections} with {@code {field, value, reason}}: a
 * recorded correction of one of the case's facts ({@link CaseCorrections}). Answers the
 * correction as the case's history records it. {@code POST /api/cases/{caseReference}/parents}
 * adds a liable parent ({@link ParentRequest}).
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

  /**
   * A liable parent to add ({@code POST /api/cases/{caseReference}/parents}): name and postal
   * address (required), relationship to the child (one of attendance.parents.relationships) and
   * whether they have parental responsibility and day-to-day care (each optional: "Not recorded").
   * Checked by the one reader of parents the case page and a case's start use, after the role (a
   * school gets 403 whatever it sends): {@code @Checked} like every body, but bound without
   * {@code @Valid} and checked by hand once the role is allowed (see {@link CheckedBody}).
   */
  @Checked
  record ParentRequest(String name, String address, String relationship, Boolean parentalResponsibility, Boolean dayToDayCare)
      implements CheckedBody {
    /** The name, the address and the shape of each value; {@link #check(ParentRelationships)} checks the relationship against the list in use. */
    @Override
    public void check() {
      Parents.of("", null, name, address, CaseCorrections.NEW_PARENT);
      ParentStanding.stored("", relationship, parentalResponsibility, dayToDayCare);
    }

    void check(ParentRelationships allowed) {
      Parents.of("", null, name, address, CaseCorrections.NEW_PARENT);
      ParentStanding.of("", relationship, parentalResponsibility, dayToDayCare, allowed);
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

  /**
   * Adds a liable parent to the open case, as the case page's "Add a parent" does ({@link
   * CaseCorrections#addParent}: attendance officers, senior practitioners and administrators; 403
   * for others, 404 for no open case, 400 naming a refused field). Answers 201 with the addition
   * as the case's history records it.
   */
  @PostMapping("/api/cases/{caseReference}/parents")
  @ResponseStatus(HttpStatus.CREATED)
  CaseCorrections.Correction addParent(@PathVariable String caseReference, @RequestBody ParentRequest request) {
    // the role first, then the body (not @Valid: binding would check the body before the role)
    corrections.refuseUnlessMayAddParents();
    request.check(corrections.relationships());
    return corrections.addParent(caseReference, request.name(), request.address(),
        request.relationship(), request.parentalResponsibility(), request.dayToDayCare());
  }
}
