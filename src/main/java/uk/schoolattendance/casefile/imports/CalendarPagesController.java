package uk.schoolattendance.casefile.imports;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.schoolattendance.attendance.RegisterCalendars;
import uk.schoolattendance.attendance.SchoolCalendarView;
import uk.schoolattendance.attendance.TermDatesRunningOut;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The school calendars the register counts by, read only ({@code /casework/calendars}): each
 * school's terms, half terms, holidays between terms, INSET days and bank holidays as configured
 * ({@code attendance.calendar}, a school's own in {@code attendance.register.school-calendars}).
 * The data team (who import for every school) sees every school's; a school sees its own; anyone
 * who imports for no school gets "You cannot open this page" (403).
 */
@Controller
class CalendarPagesController {

  static final String PATH = "/casework/calendars";

  /** The list of schools whose calendar the user may see. */
  record ListPage(String title, List<SchoolRow> schools) {}

  /** A school of the list. */
  record SchoolRow(String urn, String name, String href, String termDates) {}

  /** One school's calendar. */
  record CalendarPage(String title, String urn, String name, String termDates, List<SchoolCalendarView.Year> years) {}

  private final RegisterCalendars calendars;
  private final SchoolDirectory schools;
  private final SchoolAccess access;
  private final TermDatesRunningOut runningOut;

  CalendarPagesController(RegisterCalendars calendars, SchoolDirectory schools, SchoolAccess access,
      TermDatesRunningOut runningOut) {
    this.calendars = calendars;
    this.schools = schools;
    this.access = access;
    this.runningOut = runningOut;
  }

  /** The data team (who keep every school's calendar) is told before the configured term dates run out. */
  private void warnings(Model model) {
    model.addAttribute("termDatesWarnings", access.mayImportEverySchool() ? runningOut.warningsToday() : List.of());
  }

  @GetMapping(PATH)
  String list(Model model) {
    if (!access.mayImportAnySchool()) {
      throw new PageForbiddenException("the school calendars: IMPORT_MARKS on no school");
    }
    List<SchoolRow> rows = schools.all().stream()
        .filter(s -> access.mayImport(s.urn()) && calendars.view(Integer.parseInt(s.urn())) != null)
        .sorted(Comparator.comparing(School::name))
        .map(s -> new SchoolRow(s.urn(), s.name(), PATH + "/" + s.urn(), termDates(calendars.view(Integer.parseInt(s.urn())))))
        .toList();
    model.addAttribute("page", new ListPage("School calendars", rows));
    warnings(model);
    return "casefile/calendars";
  }

  @GetMapping(PATH + "/{urn}")
  String calendar(@PathVariable String urn, Model model) {
    if (!access.mayImportAnySchool()) {
      throw new PageForbiddenException("the school calendars: IMPORT_MARKS on no school");
    }
    SchoolCalendarView view = urn.matches("\\d{6}") ? calendars.view(Integer.parseInt(urn)) : null;
    if (view == null || !access.mayImport(urn)) {
      throw new PageNotFoundException("calendar of school " + urn);
    }
    String name = schools.find(urn).map(School::name).orElse("URN " + urn);
    model.addAttribute("page", new CalendarPage("Calendar of " + name, urn, name, termDates(view), view.years()));
    warnings(model);
    return "casefile/calendar";
  }

  private static String termDates(SchoolCalendarView view) {
    return view.ownTermDates() ? "The school's own term dates" : "The local authority's term dates";
  }
}
