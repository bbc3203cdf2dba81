package uk.schoolattendance.casefile.lists;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "My caseload" ({@code /casework/caseload}) for attendance officers and senior practitioners:
 * the open cases of the schools whose named officer they are, and every open case with a task
 * assigned or offered to them by name. Shown as the engine lets them read each case.
 */
@Controller
class CaseloadController {

  private final CaseIndex index;
  private final CaseLists lists;
  private final SchoolDirectory schools;
  private final Viewers viewers;

  CaseloadController(CaseIndex index, CaseLists lists, SchoolDirectory schools, Viewers viewers) {
    this.index = index;
    this.lists = lists;
    this.schools = schools;
    this.viewers = viewers;
  }

  @GetMapping(Navigation.CASELOAD)
  String caseload(HttpServletRequest request, Model model) {
    Viewer viewer = viewers.current(request);
    if (!viewer.hasCaseload()) {
      throw new PageForbiddenException("no caseload for " + viewer.userId());
    }
    List<String> named = schools.all().stream()
        .filter(school -> viewer.userId().equals(school.namedOfficer()))
        .map(School::urn)
        .toList();
    String lead = named.isEmpty()
        ? "Open cases given to you, and open cases with a task given to you by name."
        : "Open cases of the schools you are named officer for ("
            + String.join(", ", schools.all().stream().filter(s -> named.contains(s.urn())).map(School::name).toList())
            + "), cases given to you, and open cases with a task given to you by name.";
    model.addAttribute("page", lists.of("My caseload", lead, index.caseload(viewer.userId(), named, CaseLists.LIMIT + 1)));
    return "casefile/cases";
  }
}
