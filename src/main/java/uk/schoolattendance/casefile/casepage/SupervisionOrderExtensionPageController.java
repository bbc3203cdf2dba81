package uk.schoolattendance.casefile.casepage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.DayInput;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.court.SupervisionOrderExtensions;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.security.CurrentUser;

/**
 * The case page's form for an application to extend an education supervision order (Children Act
 * 1989 Sch 3 para 15), {@code POST /casework/cases/{caseReference}/supervision-order-extensions}:
 * for senior practitioners and administrators, as the API; recorded by the same service, so the
 * same rules refuse it. A refusal names its field in the error summary, keeps what was typed and
 * changes nothing; a recorded application brings the Court section back with a confirmation.
 * The same for the court's discharge of the order (Children Act 1989 Sch 3 para 17(1)),
 * {@code POST /casework/cases/{caseReference}/supervision-order-discharge}, as the API of that name.
 */
@Controller
class SupervisionOrderExtensionPageController {

  static final String APPLIED_ON = "extension-applied-on";
  static final String RESULT = "extension-result";
  static final String NEW_ENDS_ON = "extension-new-ends-on";
  static final String DISCHARGED_ON = "discharged-on";
  static final String ENDED_BY = "ended-by";

  private final CasePageReader reader;
  private final Viewers viewers;
  private final UkDates dates;
  private final CurrentUser currentUser;
  private final SupervisionOrderExtensions extensions;

  SupervisionOrderExtensionPageController(CasePageReader reader, Viewers viewers, UkDates dates, CurrentUser currentUser,
      SupervisionOrderExtensions extensions) {
    this.reader = reader;
    this.viewers = viewers;
    this.dates = dates;
    this.currentUser = currentUser;
    this.extensions = extensions;
  }

  @PostMapping("/casework/cases/{caseReference}/supervision-order-extensions")
  String record(
      @PathVariable String caseReference,
      @RequestParam(name = APPLIED_ON + "-day", required = false) String appliedDay,
      @RequestParam(name = APPLIED_ON + "-month", required = false) String appliedMonth,
      @RequestParam(name = APPLIED_ON + "-year", required = false) String appliedYear,
      @RequestParam(name = RESULT, required = false) String result,
      @RequestParam(name = NEW_ENDS_ON + "-day", required = false) String endsDay,
      @RequestParam(name = NEW_ENDS_ON + "-month", required = false) String endsMonth,
      @RequestParam(name = NEW_ENDS_ON + "-year", required = false) String endsYear,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    // the role first, whatever was typed, as the API
    if (!currentUser.extendsSupervisionOrders()) {
      throw new AuthorizationException("recording an extension of an education supervision order is for senior practitioners");
    }
    reader.caseIdOf(caseReference);
    DayInput applied = new DayInput(appliedDay, appliedMonth, appliedYear);
    DayInput ends = new DayInput(endsDay, endsMonth, endsYear);
    CasePage.ExtensionForm form = new CasePage.ExtensionForm(applied, result, ends);
    List<FieldError> errors = new ArrayList<>();
    LocalDate appliedOn = applied.pastOrToday(APPLIED_ON, "the application", dates.today(), errors);
    boolean extended = SupervisionOrderExtensions.EXTENDED.equals(result);
    if (result == null || !SupervisionOrderExtensions.RESULTS.contains(result)) {
      errors.add(new FieldError(RESULT, "Select whether the court extended the order or refused to extend it"));
    }
    LocalDate newEndsOn = null;
    if (extended) {
      newEndsOn = ends.real(NEW_ENDS_ON, "the day the order now ends", errors);
    } else if (SupervisionOrderExtensions.REFUSED.equals(result) && !ends.blank()) {
      errors.add(FieldError.ofDate(NEW_ENDS_ON, "Leave the day the order now ends empty: the court refused to extend it"));
    }
    if (errors.isEmpty()) {
      try {
        extensions.record(caseReference, appliedOn.toString(), result, newEndsOn == null ? null : newEndsOn.toString());
        return "redirect:" + CaseSummaries.href(caseReference) + "?done=extension#court-heading";
      } catch (InvalidInputException refused) {
        errors.add(refusal(refused));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", reader.read(caseReference, viewers.current(request), CasePageReader.Forms.refused(form, errors), null));
    return "casefile/case";
  }

  @PostMapping("/casework/cases/{caseReference}/supervision-order-discharge")
  String discharge(
      @PathVariable String caseReference,
      @RequestParam(name = DISCHARGED_ON + "-day", required = false) String day,
      @RequestParam(name = DISCHARGED_ON + "-month", required = false) String month,
      @RequestParam(name = DISCHARGED_ON + "-year", required = false) String year,
      @RequestParam(name = ENDED_BY, required = false) String endedBy,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.extendsSupervisionOrders()) {
      throw new AuthorizationException("recording the discharge of an education supervision order is for senior practitioners");
    }
    reader.caseIdOf(caseReference);
    DayInput typed = new DayInput(day, month, year);
    List<FieldError> errors = new ArrayList<>();
    LocalDate dischargedOn = typed.pastOrToday(DISCHARGED_ON, "the discharge", dates.today(), errors);
    if (endedBy == null || !SupervisionOrderExtensions.ENDED_BY.contains(endedBy)) {
      errors.add(new FieldError(ENDED_BY, "Select why the order ended: the court discharged it or a care order was made"));
    }
    if (errors.isEmpty()) {
      try {
        extensions.discharge(caseReference, dischargedOn.toString(), endedBy);
        return "redirect:" + CaseSummaries.href(caseReference) + "?done=discharge#court-heading";
      } catch (InvalidInputException refused) {
        errors.add(FieldError.ofDate(DISCHARGED_ON, "The discharge was not recorded: " + refused.getRule()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", reader.read(caseReference, viewers.current(request),
        CasePageReader.Forms.refused(CasePage.ExtensionForm.discharge(typed, endedBy), errors), null));
    return "casefile/case";
  }

  /** The service's refusal under the form's field it names (no order to extend: under the application's day). */
  private static FieldError refusal(InvalidInputException refused) {
    String message = "The application was not recorded: " + refused.getRule();
    return switch (refused.getField() == null ? "" : refused.getField()) {
      case "result" -> new FieldError(RESULT, message);
      case "newEndsOn" -> FieldError.ofDate(NEW_ENDS_ON, message);
      default -> FieldError.ofDate(APPLIED_ON, message);
    };
  }
}
