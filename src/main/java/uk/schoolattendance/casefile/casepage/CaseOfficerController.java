package uk.schoolattendance.casefile.casepage;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casework.CaseReassignment;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Give a case to another officer ({@code /casework/cases/{caseReference}/officer}): for those the
 * engine lets assign every case's tasks (senior practitioners, administrators). The case's open
 * tasks held by its officer and its later work move to the chosen officer; the reason is recorded
 * in the case's timeline ({@link CaseReassignment}). Anyone else finds no page, and a change they
 * send is refused (403) with nothing changed.
 */
@Controller
class CaseOfficerController {

  /** The form as shown: the case, its officer now, the officers to choose from, what was typed and its errors. */
  record OfficerPage(
      String title, String caseReference, String pupilName, String caseHref, String officerNow,
      Map<String, String> officers, String officer, String reason, List<FieldError> errors) {}

  private final CasePageReader reader;
  private final CaseReassignment reassignment;
  private final PeopleNames people;

  CaseOfficerController(CasePageReader reader, CaseReassignment reassignment, PeopleNames people) {
    this.reader = reader;
    this.reassignment = reassignment;
    this.people = people;
  }

  @GetMapping("/casework/cases/{caseReference}/officer")
  String form(@PathVariable String caseReference, Model model) {
    String caseId = allowed(caseReference);
    model.addAttribute("page", page(caseReference, caseId, "", "", List.of()));
    return "casefile/case-officer";
  }

  @PostMapping("/casework/cases/{caseReference}/officer")
  String reassign(
      @PathVariable String caseReference,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String reason,
      HttpServletResponse response, Model model) {
    String caseId = allowed(caseReference);
    List<FieldError> errors = new ArrayList<>();
    if (officer == null || officer.isBlank()) {
      errors.add(new FieldError("officer", "Select the officer to give the case to"));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      errors.add(new FieldError("reason", "Enter why the case changes officer"));
    } else if (why.length() > CasePageController.MAX_TEXT) {
      errors.add(new FieldError("reason", "The reason must be " + CasePageController.MAX_TEXT + " characters or fewer"));
    }
    if (errors.isEmpty()) {
      try {
        reassignment.reassign(caseReference, officer, why);
        return "redirect:" + CaseSummaries.href(caseReference) + "?done=officer";
      } catch (InvalidInputException refused) {
        errors.add(new FieldError("reason".equals(refused.getField()) ? "reason" : "officer",
            "The case was not given to another officer: " + refused.getRule()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(caseReference, caseId, officer, reason, errors));
    return "casefile/case-officer";
  }

  /** The case, when the viewer may see it (404 otherwise) and the engine lets them give it away (403 otherwise). */
  private String allowed(String caseReference) {
    String caseId = reader.caseIdOf(caseReference);
    if (!reader.isOpen(caseId) || !reassignment.mayReassign(caseId)) {
      throw new AuthorizationException("giving case " + caseReference + " to another officer is not yours to do");
    }
    return caseId;
  }

  private OfficerPage page(String caseReference, String caseId, String officer, String reason, List<FieldError> errors) {
    String now = reassignment.officerOf(caseId);
    Map<String, String> officers = new LinkedHashMap<>();
    for (User user : reassignment.officers()) {
      if (!user.getId().equals(now)) {
        officers.put(user.getId(), people.of(user.getId()));
      }
    }
    return new OfficerPage(
        (errors.isEmpty() ? "" : "Error: ") + "Give the case to another officer", caseReference, reader.pupilNameOf(caseId),
        CaseSummaries.href(caseReference), now == null ? "No officer" : people.of(now), officers,
        officer == null ? "" : officer, reason == null ? "" : reason, errors);
  }
}
