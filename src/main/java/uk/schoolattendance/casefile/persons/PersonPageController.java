package uk.schoolattendance.casefile.persons;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.persons.MergeRequest;
import uk.schoolattendance.persons.Person;
import uk.schoolattendance.persons.PersonAccess;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A liable parent as a person ({@code /casework/persons/{id}}; issue #12 item 3): who they are,
 * the ids merged into them, the cases naming them and the penalty notices to them, as far as the
 * viewer may read each. Asked for by a merged id, the page redirects to the survivor's. Those who
 * may merge persons ({@link PersonAccess#mayMerge()}: senior practitioners, the compliance team,
 * administrators) get a form "This is the same person as"; sent, it shows a check page with both
 * records side by side (name, address, date of birth, cases, notices) and merges only when that
 * page is confirmed; two records that are clearly two people are refused, saying why
 * ({@link PersonAccess#other}). Anyone else's merge is refused (403)
 * with nothing changed. A person the viewer may not read is "Page not found", like a missing one.
 */
@Controller
class PersonPageController {

  private static final String PATH = PersonPage.PATH;
  private static final String OTHER = MergeRequest.OTHER_PERSON_ID;
  private static final String REASON = "reason";
  private static final String CONFIRMED = "confirmed";

  private final PersonAccess access;
  private final PersonPageReader reader;
  private final Viewers viewers;

  PersonPageController(PersonAccess access, PersonPageReader reader, Viewers viewers) {
    this.access = access;
    this.reader = reader;
    this.viewers = viewers;
  }

  @GetMapping(PATH + "/{id}")
  String person(@PathVariable String id, @RequestParam(required = false) String done, HttpServletRequest request,
      Model model) {
    Person person = visible(id);
    if (!person.personId().equals(id)) {
      return "redirect:" + PersonPage.href(person.personId());
    }
    String banner = "merged".equals(done) && !person.merges().isEmpty() ? mergedBanner(person.mergedIds()) : null;
    model.addAttribute("page", reader.page(person, viewers.current(request), access.mayMerge(),
        new PersonPage.MergeForm("", ""), List.of(), banner));
    return "casefile/person";
  }

  @PostMapping(PATH + "/{id}/merge")
  String merge(
      @PathVariable String id,
      @RequestParam(name = OTHER, required = false) String other,
      @RequestParam(name = REASON, required = false) String reason,
      @RequestParam(name = CONFIRMED, required = false) String confirmed,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Person person = visible(id);
    if (!access.mayMerge()) {
      throw new AuthorizationException("merging person " + id + " is not yours to do");
    }
    PersonPage.MergeForm form = new PersonPage.MergeForm(other == null ? "" : other, reason == null ? "" : reason);
    List<FieldError> errors = new java.util.ArrayList<>();
    if (form.otherPersonId().isBlank()) {
      errors.add(new FieldError(OTHER, "Enter the id of the other person record, such as P-000123"));
    }
    if (form.reason().isBlank()) {
      errors.add(new FieldError(REASON, "Enter why they are the same person"));
    }
    if (errors.isEmpty()) {
      try {
        MergeRequest merge = new MergeRequest(form.otherPersonId().trim(), form.reason());
        if (!"yes".equals(confirmed)) {
          // nothing is merged before the officer has seen both records side by side (walk 12, defect 21)
          Person merged = access.other(person, merge);
          Viewer viewer = viewers.current(request);
          PersonPage.MergeForm none = new PersonPage.MergeForm("", "");
          model.addAttribute("page", new PersonMergeCheck(
              "Check these are the same person", reader.page(person, viewer, false, none, List.of(), null),
              reader.page(merged, viewer, false, none, List.of(), null), form));
          return "casefile/person-merge";
        }
        access.merge(person, merge);
        return "redirect:" + PersonPage.href(person.personId()) + "?done=merged";
      } catch (InvalidInputException refused) {
        errors.add(new FieldError(REASON.equals(refused.getField()) ? REASON : OTHER,
            "The records were not merged: " + refused.getRule()));
      } catch (PersonAccess.UnknownPersonException unknown) {
        errors.add(new FieldError(OTHER, "The records were not merged: there is no person " + unknown.personId()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", reader.page(person, viewers.current(request), true, form, errors, null));
    return "casefile/person";
  }

  /** "The records are merged: P-000019 is now part of this person's record." */
  static String mergedBanner(List<String> mergedIds) {
    return "The records are merged: " + String.join(", ", mergedIds) + (mergedIds.size() == 1 ? " is" : " are")
        + " now part of this person's record";
  }

  private Person visible(String id) {
    return access.visible(id).orElseThrow(() -> new PageNotFoundException("person " + id));
  }
}
