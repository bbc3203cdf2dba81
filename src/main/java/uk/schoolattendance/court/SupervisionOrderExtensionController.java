package uk.schoolattendance.court;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * {@code POST /api/cases/{caseReference}/supervision-order-extensions}: a senior practitioner's
 * record of an application to extend the case's education supervision order in force, with its
 * result ({@link SupervisionOrderExtensions}); the case page shows the order's current end:
 * 201 with the order; 403 for another role whatever the body; 404 for a case without court
 * proceedings; 400 naming the refused field. {@code POST /api/cases/{caseReference}/supervision-order-discharge}:
 * the court discharged the order (Children Act 1989 Sch 3 para 17), the same answers.
 */
@RestController
class SupervisionOrderExtensionController {

  /** {@code appliedOn} (YYYY-MM-DD), {@code result} ({@code extended} | {@code refused}), {@code newEndsOn} with an extension. */
  @Checked
  record ExtensionRequest(Object appliedOn, Object result, Object newEndsOn) implements CheckedBody {
    @Override
    public void check() {
      Inputs.required("appliedOn", appliedOn, "is required: the day the authority applied to the court (e.g. 2028-01-20)");
      Inputs.required("result", Inputs.oneOf("result", result, SupervisionOrderExtensions.RESULTS),
          "is required: " + String.join(" or ", SupervisionOrderExtensions.RESULTS));
    }
  }

  /**
   * {@code dischargedOn} (YYYY-MM-DD); {@code endedBy} {@code discharge} (the default: the court
   * discharged it, para 17(1)) or {@code care-order} (a care order was made, para 15(6)(b)).
   */
  @Checked
  record DischargeRequest(Object dischargedOn, Object endedBy) implements CheckedBody {
    @Override
    public void check() {
      Inputs.required("dischargedOn", dischargedOn, "is required: the day the court discharged the order (e.g. 2027-06-14)");
      Inputs.oneOf("endedBy", endedBy, SupervisionOrderExtensions.ENDED_BY);
    }
  }

  private final SupervisionOrderExtensions extensions;

  SupervisionOrderExtensionController(SupervisionOrderExtensions extensions) {
    this.extensions = extensions;
  }

  @PostMapping("/api/cases/{caseReference}/supervision-order-extensions")
  @ResponseStatus(HttpStatus.CREATED)
  SupervisionOrderExtensions.Order record(@PathVariable String caseReference, @RequestBody ExtensionRequest request) {
    // the role first (in the service), then the body: not @Valid
    return extensions.record(caseReference, request.appliedOn(), request.result(), request.newEndsOn());
  }

  @PostMapping("/api/cases/{caseReference}/supervision-order-discharge")
  @ResponseStatus(HttpStatus.CREATED)
  SupervisionOrderExtensions.Order discharge(@PathVariable String caseReference, @RequestBody DischargeRequest request) {
    return extensions.discharge(caseReference, request.dischargedOn(), request.endedBy());
  }
}
