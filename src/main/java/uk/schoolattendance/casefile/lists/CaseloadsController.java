package uk.schoolattendance.casefile.lists;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.VisibleCases;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.casework.CaseReassignment;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Every officer's caseload, for managers and senior practitioners ({@code /casework/caseloads}):
 * each attendance officer and senior practitioner with the open cases on their caseload (the
 * schools they are named officer for, and cases with a task given to them by name), counted as the
 * engine lets the viewer read them, each opening the list of those cases. Read-only: managers
 * change nothing (docs/security.md); a senior practitioner gives a case to another officer from
 * the case's page ({@code casepage.CaseOfficerController}).
 */
@Controller
class CaseloadsController {

  /** One officer's line: who, their schools, how many open cases, where to see them. */
  record OfficerLoad(String userId, String name, List<String> schools, int openCases, boolean more, String href) {}

  /** The page: a line per officer. */
  record CaseloadsPage(String title, List<OfficerLoad> officers) {}

  private final CaseIndex index;
  private final CaseLists lists;
  private final VisibleCases visible;
  private final SchoolDirectory schools;
  private final CaseReassignment reassignment;
  private final Viewers viewers;

  CaseloadsController(CaseIndex index, CaseLists lists, VisibleCases visible, SchoolDirectory schools,
      CaseReassignment reassignment, Viewers viewers) {
    this.index = index;
    this.lists = lists;
    this.visible = visible;
    this.schools = schools;
    this.reassignment = reassignment;
    this.viewers = viewers;
  }

  @GetMapping(Navigation.CASELOADS)
  String caseloads(HttpServletRequest request, Model model) {
    require(viewers.current(request));
    List<OfficerLoad> officers = new ArrayList<>();
    for (User user : staff().values()) {
      List<String> shown = visible.filter(caseload(user.getId()));
      officers.add(new OfficerLoad(
          user.getId(), name(user), named(user.getId()).stream().map(School::name).toList(),
          Math.min(shown.size(), CaseLists.LIMIT), shown.size() > CaseLists.LIMIT, Navigation.CASELOADS + "/" + user.getId()));
    }
    model.addAttribute("page", new CaseloadsPage("Caseloads", officers));
    return "casefile/caseloads";
  }

  @GetMapping(Navigation.CASELOADS + "/{userId}")
  String caseload(@PathVariable String userId, HttpServletRequest request, Model model) {
    require(viewers.current(request));
    User user = staff().get(userId);
    if (user == null) {
      throw new PageNotFoundException("no caseload for " + userId);
    }
    model.addAttribute("page", lists.of("Caseload of " + name(user),
        "Open cases of the schools " + name(user) + " is named officer for, cases given to them, and open cases with a task given to them by name.",
        caseload(userId)));
    return "casefile/cases";
  }

  /** Managers, senior practitioners and administrators see every officer's caseload; anyone else is refused the page (403). */
  private static void require(Viewer viewer) {
    if (!viewer.seesCaseloads()) {
      throw new PageForbiddenException("caseloads, for " + viewer.userId());
    }
  }

  private List<String> caseload(String userId) {
    return index.caseload(userId, named(userId).stream().map(School::urn).toList(), CaseLists.LIMIT + 1);
  }

  private List<School> named(String userId) {
    return schools.all().stream().filter(school -> userId.equals(school.namedOfficer())).toList();
  }

  /** Attendance officers and senior practitioners, by id: the officers a case may be given to. */
  private Map<String, User> staff() {
    Map<String, User> staff = new LinkedHashMap<>();
    reassignment.officers().forEach(user -> staff.put(user.getId(), user));
    return staff;
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
