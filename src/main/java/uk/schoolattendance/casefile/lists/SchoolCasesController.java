package uk.schoolattendance.casefile.lists;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.schoolattendance.attendance.MovedPupilCases;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casefile.index.CaseIndex;

/**
 * "My school's cases" ({@code /casework/school}) for a school's staff: every case of their
 * school's pupils at every level, open, waiting or closed, with the next step and who holds it,
 * or the outcome. Which cases appear is the engine's decision (the school's group is granted
 * READ on its own cases only); a viewer who is no school's staff finds no such page.
 */
@Controller
class SchoolCasesController {

  private final CaseIndex index;
  private final CaseLists lists;
  private final CaseSummaries summaries;
  private final Viewers viewers;
  private final MovedPupilCases movedPupils;
  private final PeopleNames people;
  private final UkDates dates;

  /**
   * A pupil now on the school's roll whose open case stayed at the school the pupil left (penalty
   * notices or court proceedings open there): the school cannot open the case, so the list says why
   * it is not here and who to contact. No case reference: the school cannot use it.
   */
  record StayedRow(String pupilName, String upn, String leftOn, String contact) {}

  SchoolCasesController(CaseIndex index, CaseLists lists, CaseSummaries summaries, Viewers viewers,
      MovedPupilCases movedPupils, PeopleNames people, UkDates dates) {
    this.movedPupils = movedPupils;
    this.people = people;
    this.dates = dates;
    this.index = index;
    this.lists = lists;
    this.summaries = summaries;
    this.viewers = viewers;
  }

  @GetMapping(Navigation.SCHOOL)
  String schoolCases(HttpServletRequest request, Model model) {
    Viewer viewer = viewers.current(request);
    Set<String> urns = new TreeSet<>(viewer.schoolUrns());
    if (urns.isEmpty()) {
      throw new PageForbiddenException("no school for " + viewer.userId());
    }
    String schools = String.join(" and ", urns.stream().map(summaries::schoolName).toList());
    model.addAttribute("page", lists.of(
        "My school's cases",
        "Every attendance case of " + schools + "'s pupils: what happens next and who does it, or how the case ended.",
        index.bySchools(urns, false, CaseLists.LIMIT + 1)));
    // a fixed number of queries however many rows: the cases' stage in one, their officers' names in one
    java.util.List<MovedPupilCases.StayedCase> stayed =
        urns.stream().flatMap(urn -> movedPupils.stayedElsewhere(urn).stream()).toList();
    java.util.Map<String, String> names = people.of(stayed.stream().map(MovedPupilCases.StayedCase::officer)
        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("stayed", stayed.stream()
        .map(s -> new StayedRow(s.pupilName(), s.upn(), dates.day(s.leftOn()), s.contactWords(names::get)))
        .toList());
    model.addAttribute("notOpenedHref", "/casework/pupils-not-opened");
    return "casefile/cases";
  }

}
