package uk.schoolattendance.casefile.find;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casefile.persons.PersonPage;
import uk.schoolattendance.persons.Person;
import uk.schoolattendance.persons.PersonAccess;
import uk.schoolattendance.persons.Persons;

/**
 * Find a pupil ({@code /casework/?q=}): by name, UPN, date of birth, school or case reference; a
 * parent's person id opens that parent's page when the viewer may read it.
 * It is where signing in lands; an analyst, who may read no case, lands on the processes,
 * decisions and forms instead ({@link Navigation#MODELS}).
 */
@Controller
class FindController {

  private final PupilSearch search;
  private final UkDates dates;
  private final Viewers viewers;
  private final PersonAccess persons;
  private final RegisterPupils registerPupils;

  FindController(PupilSearch search, UkDates dates, Viewers viewers, PersonAccess persons, RegisterPupils registerPupils) {
    this.registerPupils = registerPupils;
    this.search = search;
    this.dates = dates;
    this.viewers = viewers;
    this.persons = persons;
  }

  @GetMapping({"/casework", "/casework/"})
  String find(
      @RequestParam(required = false) String q,
      @RequestParam(name = "born-day", required = false) String day,
      @RequestParam(name = "born-month", required = false) String month,
      @RequestParam(name = "born-year", required = false) String year,
      HttpServletRequest request,
      Model model) {
    if (!viewers.current(request).findsPupils()) {
      return "redirect:" + Navigation.MODELS;
    }
    FindPage.DateFields born = new FindPage.DateFields(day, month, year);
    String typed = q == null ? "" : q.strip();
    PupilQuery query;
    if (!born.isBlank()) {
      LocalDate date;
      try {
        date = LocalDate.of(number(year), number(month), number(day));
      } catch (DateTimeException | NumberFormatException notADay) {
        model.addAttribute("page", new FindPage(typed, born, false, "", List.of(), false,
            List.of(FieldError.ofDate("born", "Date of birth must be a real date, for example 28 5 2016")), Map.of()));
        return "casefile/find";
      }
      query = PupilQuery.ofDate(date);
    } else {
      // a parent's person id (P-000020) opens the parent's page, where their cases are listed (walk 12, defect 15)
      String personId = typed.toUpperCase(java.util.Locale.UK);
      if (Persons.looksLikePersonId(personId)) {
        Optional<Person> parent = persons.visible(personId);
        if (parent.isPresent()) {
          return "redirect:" + PersonPage.href(parent.get().personId());
        }
      }
      query = PupilQuery.of(typed);
    }
    if (query.kind() == PupilQuery.Kind.EMPTY) {
      List<FieldError> errors = typed.isEmpty() && q != null
          ? List.of(new FieldError("q", "Enter a name, UPN, date of birth, school, case reference, or a parent's address or postcode")) : List.of();
      model.addAttribute("page", new FindPage(typed, born, false, "", List.of(), false, errors, Map.of()));
      return "casefile/find";
    }
    PupilSearch.Found found = search.find(query);
    if (found.cases().isEmpty() && query.kind() == PupilQuery.Kind.UPN) {
      registerPupils.byUpn(query.text()).ifPresent(pupil -> model.addAttribute("registerPupil", pupil));
    }
    model.addAttribute("page", new FindPage(typed, born, true, described(query), found.cases(), found.more(), List.of(), found.closeMatches(),
        found.matchedParents().entrySet().stream().collect(java.util.stream.Collectors.toMap(
            Map.Entry::getKey, entry -> entry.getValue().stream().map(PupilSearch.MatchedParent::words).toList()))));
    return "casefile/find";
  }

  private String described(PupilQuery query) {
    return switch (query.kind()) {
      case REFERENCE -> "case reference " + query.text();
      case UPN -> "UPN " + query.text();
      case URN -> "school URN " + query.text();
      case DATE_OF_BIRTH -> "date of birth " + dates.day(query.born());
      case POSTCODE -> "a parent's postcode " + query.postcode();
      case OUTWARD -> "a parent's postcode district " + query.text();
      case ADDRESS -> "a parent's address ‘" + query.text() + "’";
      case NAME, EMPTY -> "‘" + query.text() + "’";
    };
  }

  private static int number(String field) {
    return Integer.parseInt(field == null ? "" : field.strip());
  }
}
