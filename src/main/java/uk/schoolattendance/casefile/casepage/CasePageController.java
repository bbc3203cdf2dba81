package uk.schoolattendance.casefile.casepage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.DayInput;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.ParentStanding;

/**
 * A case ({@code /casework/cases/{caseReference}}) and the changes made from it: a note or a
 * contact, a corrected detail, closing the case. Each change is checked here for what a person
 * typed (the error summary names the field), then made through the engine as the signed-in
 * user; the page comes back with a confirmation (post, redirect, get).
 */
@Controller
class CasePageController {

  static final int MAX_TEXT = 4000;
  private static final Map<String, String> DONE =
      Map.of("note", "Your note has been added", "contact", "The contact has been recorded",
          "correction", "The detail has been corrected", "closed", "The case has been closed",
          "level", "The case has moved to its new level", "document", "The document has been added",
          "officer", "The case has been given to another officer",
          "parent", "The parent has been added",
          "extension", "The application to extend the education supervision order has been recorded",
          "discharge", "The discharge of the education supervision order has been recorded");

  private final CasePageReader reader;
  private final CaseNotes notes;
  private final CaseCorrections corrections;
  private final Viewers viewers;
  private final UkDates dates;

  CasePageController(CasePageReader reader, CaseNotes notes, CaseCorrections corrections, Viewers viewers, UkDates dates) {
    this.reader = reader;
    this.notes = notes;
    this.corrections = corrections;
    this.viewers = viewers;
    this.dates = dates;
  }

  @GetMapping("/casework/cases/{caseReference}")
  String page(@PathVariable String caseReference, @RequestParam(required = false) String done, HttpServletRequest request,
      Model model) {
    model.addAttribute("page", reader.read(caseReference, viewers.current(request), CasePageReader.Forms.empty(), done == null ? null : DONE.get(done)));
    return "casefile/case";
  }

  @PostMapping("/casework/cases/{caseReference}/notes")
  String addNote(
      @PathVariable String caseReference,
      @RequestParam(required = false) String kind,
      @RequestParam(name = "on-day", required = false) String day,
      @RequestParam(name = "on-month", required = false) String month,
      @RequestParam(name = "on-year", required = false) String year,
      @RequestParam(required = false) String text,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    String caseId = reader.caseIdOf(caseReference);
    CasePage.NoteForm form = new CasePage.NoteForm(kind, day, month, year, text);
    List<FieldError> errors = new ArrayList<>();
    String chosen = kind == null ? CaseNotes.NOTE : kind;
    if (!CaseNotes.KINDS.containsKey(chosen)) {
      errors.add(new FieldError("kind", "Select a note, a phone call, a home visit or a meeting"));
    }
    LocalDate on = null;
    boolean contact = !CaseNotes.NOTE.equals(chosen);
    if (contact) {
      on = new DayInput(day, month, year).pastOrToday("on", "the contact", dates.today(), errors);
    }
    String written = text == null ? "" : text.strip();
    if (written.isEmpty()) {
      errors.add(new FieldError("text", contact ? "Enter what happened" : "Enter the note"));
    } else if (written.length() > MAX_TEXT) {
      errors.add(new FieldError("text", "The note must be " + MAX_TEXT + " characters or fewer"));
    }
    if (!errors.isEmpty()) {
      return refused(caseReference, CasePageReader.Forms.refused(form, errors),
          request, response, model);
    }
    notes.add(caseId, chosen, on, written);
    return done(caseReference, contact ? "contact" : "note");
  }

  @PostMapping("/casework/cases/{caseReference}/corrections")
  String correct(
      @PathVariable String caseReference,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String reason,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    reader.caseIdOf(caseReference);
    CasePage.CorrectionForm form = new CasePage.CorrectionForm(field, value, reason);
    List<FieldError> errors = new ArrayList<>();
    if (field == null || field.isBlank()) {
      errors.add(new FieldError("correction-field", "Select the detail to correct"));
    }
    if (value == null || value.isBlank()) {
      errors.add(new FieldError("correction-value", "Enter the correct value"));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError("correction-reason", "Enter why the detail is wrong"));
    }
    if (errors.isEmpty()) {
      try {
        corrections.correct(caseReference, field, value.strip(), reason.strip());
        return done(caseReference, "correction");
      } catch (InvalidInputException refused) {
        errors.add(new FieldError(
            "reason".equals(refused.getField()) ? "correction-reason" : "correction-value",
            "The correction was not made: " + refused.getRule()));
      }
    }
    return refused(caseReference, CasePageReader.Forms.refused(form, errors),
        request, response, model);
  }

  /**
   * Adds a liable parent identified after the start (e.g. at the Pupil Planning Meeting): the
   * name and address are checked by the one reader of parents the start uses
   * ({@link CaseCorrections#addParent}); a refused field is named and nothing is added.
   */
  @PostMapping("/casework/cases/{caseReference}/parents")
  String addParent(
      @PathVariable String caseReference,
      @RequestParam(name = "parent-name", required = false) String name,
      @RequestParam(name = "parent-address", required = false) String address,
      @RequestParam(name = "parent-relationship", required = false) String relationship,
      @RequestParam(name = "parent-responsibility", required = false) String responsibility,
      @RequestParam(name = "parent-care", required = false) String care,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    String caseId = reader.caseIdOf(caseReference);
    if (!notes.mayUpdate(caseId)) {
      throw new org.camunda.bpm.engine.AuthorizationException("adding a parent needs UPDATE on the case");
    }
    CasePage.ParentForm form = new CasePage.ParentForm(name, address, relationship, responsibility, care);
    List<FieldError> errors = new ArrayList<>();
    try {
      corrections.addParent(caseReference, name, address, relationship, responsibility, care);
      return done(caseReference, "parent");
    } catch (InvalidInputException refused) {
      String field = refused.getField() == null ? "" : refused.getField();
      errors.add(parentError(field, refused.getRule()));
    }
    return refused(caseReference, CasePageReader.Forms.refused(form, errors), request, response, model);
  }

  /** The add-a-parent form's field a refusal names, with the words the form uses for it. */
  private static FieldError parentError(String field, String rule) {
    if (field.endsWith(".address")) {
      return new FieldError("parent-address", "Address " + rule);
    }
    if (field.endsWith("." + ParentStanding.RELATIONSHIP)) {
      return new FieldError("parent-relationship", "Relationship to the child " + rule);
    }
    if (field.endsWith("." + ParentStanding.PARENTAL_RESPONSIBILITY)) {
      return new FieldError("parent-responsibility", "Parental responsibility " + rule);
    }
    if (field.endsWith("." + ParentStanding.DAY_TO_DAY_CARE)) {
      return new FieldError("parent-care", "Day-to-day care " + rule);
    }
    return new FieldError("parent-name", (field.endsWith(".name") ? "Full name " : "The parent was not added: ") + rule);
  }

  @PostMapping("/casework/cases/{caseReference}/closure")
  String close(
      @PathVariable String caseReference, @RequestParam(required = false) String reason,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    String caseId = reader.caseIdOf(caseReference);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_TEXT) {
      List<FieldError> errors = List.of(new FieldError("closure-reason",
          why.isEmpty() ? "Enter why the case is closing" : "The reason must be " + MAX_TEXT + " characters or fewer"));
      return refused(caseReference,
          CasePageReader.Forms.refused(new CasePage.CloseForm(reason), errors),
          request, response, model);
    }
    notes.close(caseId, why);
    return done(caseReference, "closed");
  }

  @PostMapping("/casework/cases/{caseReference}/level")
  String changeLevel(
      @PathVariable String caseReference, @RequestParam(required = false) String level,
      @RequestParam(required = false) String reason,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    reader.caseIdOf(caseReference);
    List<FieldError> errors = new ArrayList<>();
    int newLevel = 0;
    try {
      newLevel = Integer.parseInt(level == null ? "" : level.strip());
    } catch (NumberFormatException notANumber) {
      errors.add(new FieldError("level", "Select the level the case moves to"));
    }
    if (newLevel != 0 && (newLevel < 1 || newLevel > CasePageReader.MAX_CHANGE_LEVEL)) {
      errors.add(new FieldError("level", "Select a level from 1 to " + CasePageReader.MAX_CHANGE_LEVEL));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      errors.add(new FieldError("level-reason", "Enter why the case changes level"));
    }
    if (errors.isEmpty()) {
      try {
        notes.changeLevel(caseReference, newLevel, why);
        return done(caseReference, "level");
      } catch (InvalidInputException refused) {
        errors.add(new FieldError("level", "The level was not changed: " + refused.getRule()));
      }
    }
    return refused(caseReference, CasePageReader.Forms.refused(new CasePage.LevelForm(level, reason), errors), request, response, model);
  }

  private String refused(String caseReference, CasePageReader.Forms forms, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", reader.read(caseReference, viewers.current(request), forms, null));
    return "casefile/case";
  }

  private static String done(String caseReference, String what) {
    return "redirect:" + CaseSummaries.href(caseReference) + "?done=" + what;
  }
}
