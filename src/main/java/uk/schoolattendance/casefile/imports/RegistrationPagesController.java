package uk.schoolattendance.casefile.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.attendance.MainRegistrations;
import uk.schoolattendance.casefile.DayInput;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The data team's repair of doubled main registrations (docs/register.md): "Pupils with two main
 * registrations" ({@code /casework/registrations}) lists every pupil the register holds more than
 * one open main registration for, each school with its first day and last mark; a pupil's page
 * ({@code /casework/registrations/{upn}}) asks which registration is real, the leaving date that
 * ends the other and the reason, refused naming the field ({@code keep}, {@code leavingDate}, {@code
 * reason}) with nothing changed. Each repair is kept: the list shows the latest, newest first, and the
 * pupil's page the pupil's, also once the pupil has one main registration.
 * For whoever imports for every school, by the grant the data team's import uses; anyone else,
 * schools included, gets "You cannot open this page" (403).
 */
@Controller
class RegistrationPagesController {

  static final String PATH = "/casework/registrations";
  static final int LIMIT = 200;
  static final String KEEP = "keep";
  static final String LEAVING_DATE = "leavingDate";
  static final String REASON = "reason";
  static final int REPAIRS_SHOWN = 50;

  /** The list page: the doubled pupils, then the latest repairs, newest first. */
  record ListPage(String title, int total, List<Row> pupils, String done, List<RepairRow> repairs) {}

  /** A repair as the pages show it: who and when, the kept and ended registrations, the leaving date, the reason. */
  record RepairRow(String upn, String name, String by, String at, String kept, List<String> ended, String leavingDate,
      String reason) {}

  /** A pupil of the list: the schools of the open main registrations, earliest first. */
  record Row(String upn, String name, String href, List<School> schools) {}

  /** An open main registration as the pages show it. */
  record School(String urn, String name, String from, String lastMark) {}

  /** A pupil's page: the registrations, the choice and the leaving date as typed, the errors. */
  record PupilPage(String title, String upn, String name, List<School> schools, Map<String, String> choices,
      String keep, DayInput leavingDate, String reason, List<FieldError> errors, String action, List<RepairRow> repairs) {}

  private final MainRegistrations registrations;
  private final UkDates dates;

  RegistrationPagesController(MainRegistrations registrations, UkDates dates) {
    this.registrations = registrations;
    this.dates = dates;
  }

  @GetMapping(PATH)
  String list(Model model, @RequestParam(name = "done", required = false) String done,
      @RequestParam(name = "stayed", required = false) String stayed,
      @RequestParam(name = "follows", required = false) String follows) {
    require();
    List<Row> rows = registrations.doubled(LIMIT).stream()
        .map(d -> new Row(d.upn(), d.name(), PATH + "/" + d.upn(), schools(d)))
        .toList();
    model.addAttribute("page", new ListPage("Pupils with two main registrations", registrations.count(), rows,
        done != null && done.matches("[A-Z0-9]{13}")
            ? "Pupil " + done + " has one main registration now: the other ended on the leaving date you gave"
                + (stayed != null && stayed.matches("[0-9]{6}")
                    ? ". The pupil's case stayed at " + registrations.schoolName(stayed) + " (URN " + stayed + "): penalty"
                        + " notices or court proceedings are open, so the case does not follow the pupil"
                    : "")
                + (follows != null && follows.matches("[0-9]{6}")
                    ? ". The leaving date is today, when the pupil is still on that school's roll: the pupil's case moves to "
                        + registrations.schoolName(follows) + " (URN " + follows + ") tomorrow, once the leaving date has passed"
                    : "")
            : null,
        registrations.repairs(REPAIRS_SHOWN).stream().map(this::repairRow).toList()));
    return "casefile/registrations";
  }

  @GetMapping(PATH + "/{upn}")
  String pupil(@PathVariable String upn, Model model) {
    require();
    MainRegistrations.Doubled doubled = registrations.doubled(upn).orElse(null);
    if (doubled == null) {
      // repaired already: the page keeps the pupil's repairs
      List<MainRegistrations.Repair> repairs = registrations.repairs(upn);
      if (repairs.isEmpty()) {
        throw new PageNotFoundException("no doubled registration of " + upn);
      }
      MainRegistrations.Repair latest = repairs.get(0);
      model.addAttribute("page", new PupilPage("Main registration repaired", latest.upn(), latest.name(), List.of(), Map.of(),
          null, DayInput.empty(), null, List.of(), null, repairs.stream().map(this::repairRow).toList()));
      return "casefile/registration";
    }
    model.addAttribute("page", page(doubled, null, DayInput.empty(), null, List.of()));
    return "casefile/registration";
  }

  /** Keeps the registration chosen and ends the others on the leaving date; refused naming the field. */
  @PostMapping(PATH + "/{upn}")
  String keep(@PathVariable String upn,
      @RequestParam(name = KEEP, required = false) String keep,
      @RequestParam(name = LEAVING_DATE + "-day", required = false) String day,
      @RequestParam(name = LEAVING_DATE + "-month", required = false) String month,
      @RequestParam(name = LEAVING_DATE + "-year", required = false) String year,
      @RequestParam(name = REASON, required = false) String reason,
      HttpServletResponse response, Model model) {
    require();
    MainRegistrations.Doubled doubled = doubled(upn);
    DayInput typed = new DayInput(day, month, year);
    List<FieldError> errors = new ArrayList<>();
    if (keep == null || keep.isBlank()) {
      errors.add(new FieldError(KEEP, "Select the registration that is real"));
    }
    LocalDate leaving = typed.pastOrToday(LEAVING_DATE, "leaving the other school", dates.today(), errors);
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError(REASON, "Enter the reason for the repair: what shows which registration is real"));
    }
    if (errors.isEmpty()) {
      try {
        MainRegistrations.Repaired repaired = registrations.keep(doubled.upn(), keep, leaving, reason);
        return "redirect:" + PATH + "?done=" + repaired.upn()
            + (repaired.caseStayedAt() == null ? "" : "&stayed=" + repaired.caseStayedAt().urn())
            + (repaired.caseFollowsLater() ? "&follows=" + repaired.kept().urn() : "");
      } catch (InvalidInputException refused) {
        String field = LEAVING_DATE.equals(refused.getField()) || REASON.equals(refused.getField()) ? refused.getField() : KEEP;
        String message = (LEAVING_DATE.equals(field) ? "The leaving date " : REASON.equals(field) ? "The reason "
            : "The registration chosen: ") + refused.getRule();
        errors.add(LEAVING_DATE.equals(field) ? FieldError.ofDate(field, message) : new FieldError(field, message));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(doubled, keep, typed, reason, errors));
    return "casefile/registration";
  }

  private void require() {
    if (!registrations.mayRepair()) {
      throw new PageForbiddenException("the register's main registrations: IMPORT_MARKS on every school");
    }
  }

  private MainRegistrations.Doubled doubled(String upn) {
    return registrations.doubled(upn).orElseThrow(() -> new PageNotFoundException("no doubled registration of " + upn));
  }

  private PupilPage page(MainRegistrations.Doubled d, String keep, DayInput leaving, String reason, List<FieldError> errors) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (MainRegistrations.Registration r : d.registrations()) {
      choices.put(r.urn(), r.schoolName() + " (URN " + r.urn() + "), from " + dates.day(r.from()));
    }
    return new PupilPage("Which main registration is real?", d.upn(), d.name(), schools(d), choices, keep, leaving, reason,
        errors, PATH + "/" + d.upn(), registrations.repairs(d.upn()).stream().map(this::repairRow).toList());
  }

  private RepairRow repairRow(MainRegistrations.Repair r) {
    return new RepairRow(r.upn(), r.name(), r.by(), dates.moment(r.at()), named(r.kept()),
        r.ended().stream().map(RegistrationPagesController::named).toList(), dates.day(r.leavingDate()), r.reason());
  }

  private static String named(MainRegistrations.Registration r) {
    return r.schoolName() + " (URN " + r.urn() + ")";
  }

  private List<School> schools(MainRegistrations.Doubled d) {
    return d.registrations().stream()
        .map(r -> new School(r.urn(), r.schoolName(), dates.day(r.from()),
            r.lastMark() == null ? "No marks" : dates.day(r.lastMark())))
        .toList();
  }
}
