package uk.schoolattendance.reporting;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.notices.RegisterQuery;
import uk.schoolattendance.security.CurrentUser;

/**
 * {@code GET /api/reports/dashboard}: the managers' overview that Cockpit's dashboard plugin shows.
 * Every figure is an engine query run as the signed-in user, so it counts only what that user may
 * read (a manager everything, a school its own cases). The penalty notices open are the register's
 * notices waiting for payment or for a decision on non-payment (issued or unpaid), as the register
 * page counts them, limited to the schools the user may read: not the notices' running processes,
 * which include a notice the limit refused and the register never held (walk 12, #18).
 */
@RestController
class DashboardController {


  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CaseCounts counts;
  private final PenaltyNoticeRegister register;
  private final CurrentUser currentUser;
  private final org.camunda.bpm.engine.AuthorizationService authorizations;
  private final uk.schoolattendance.attendance.MovedPupilCases moves;
  private final uk.schoolattendance.schools.SchoolAccess schools;
  private final org.camunda.bpm.engine.FilterService filters;

  DashboardController(
      RuntimeService runtime, TaskService tasks, IdentityService identity, CaseCounts counts,
      PenaltyNoticeRegister register, CurrentUser currentUser, org.camunda.bpm.engine.AuthorizationService authorizations,
      uk.schoolattendance.attendance.MovedPupilCases moves, uk.schoolattendance.schools.SchoolAccess schools,
      org.camunda.bpm.engine.FilterService filters) {
    this.filters = filters;
    this.authorizations = authorizations;
    this.moves = moves;
    this.schools = schools;
    this.counts = counts;
    this.register = register;
    this.currentUser = currentUser;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  @GetMapping("/api/reports/dashboard")
  Dashboard dashboard() {
    Date now = EngineClock.now();
    Date inAWeek = CaseCounts.aWeekAfter(now);
    return new Dashboard(
        now,
        counts.openCases().count(),
        counts.byLevel(),
        caseloadByOfficer(),
        counts.reviewsDue(now, inAWeek).count(),
        counts.reviewsOverdue(now).count(),
        tasks.createTaskQuery().dueBefore(now).count(),
        counts.casesWithNoticeToImproveEndingBefore(inAWeek).size(),
        noticesOpen(PenaltyNoticeEntry.ISSUED) + noticesOpen(PenaltyNoticeEntry.UNPAID),
        runtime.createIncidentQuery().count(),
        readsCases(),
        schools.mayReadEverySchool() ? (long) moves.failedMoves().size() : null,
        links());
  }

  /**
   * Whether the engine lets the user read attendance cases (READ_INSTANCE on their definition, as
   * managers and the authority's caseworkers have it): the data team, who may open Cockpit for the
   * identification runs, may not, and its tiles say so instead of a bare 0 (walk 14, defect 13).
   */
  private boolean readsCases() {
    var current = identity.getCurrentAuthentication();
    if (current == null) {
      return true;
    }
    return authorizations.isUserAuthorized(current.getUserId(), current.getGroupIds(),
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, AttendanceCase.KEY);
  }

  /**
   * Each tile's list of the cases it counts, where the case file has one the user may open (its
   * Figures lists, "Cases that did not follow their pupil"); a tile with no link has no such list,
   * and the plugin says it is a count only ("Tasks overdue": each person's are in their Tasklist;
   * "Penalty notices awaiting payment or a decision": notices, not cases, which the compliance
   * team's register lists).
   */
  private Map<String, String> links() {
    Map<String, String> links = new LinkedHashMap<>();
    if (currentUser.readsEverySchool() && readsCases()) {
      links.put("openCases", FIGURE_CASES + "open");
      for (int level = 1; level <= CaseCounts.LEVELS; level++) {
        links.put("level-" + level, FIGURE_CASES + "level-" + level);
      }
      links.put("reviewsOverdue", FIGURE_CASES + "reviews-overdue");
      links.put("reviewsDueThisWeek", FIGURE_CASES + "reviews-due-this-week");
      links.put("noticesToImproveEndingThisWeek", FIGURE_CASES + "notices-to-improve-ending-this-week");
    }
    if (schools.mayReadEverySchool()) {
      links.put("failedMoves", "/casework/failed-moves");
    }
    overdueFilter().ifPresent(id -> links.put("tasksOverdue", TASKLIST_FILTER + id));
    return links;
  }

  /** Tasklist opened on one of its filters. */
  static final String TASKLIST_FILTER = "/camunda/app/tasklist/default/#/?filter=";

  /**
   * Tasklist's "Overdue" filter (every task past its due date: the tile's own query), when the user
   * may open Tasklist and read that filter; the filter lists exactly the tasks the tile counts, as
   * both are the engine's task query run as the user.
   */
  private java.util.Optional<String> overdueFilter() {
    var current = identity.getCurrentAuthentication();
    if (current == null || !authorizations.isUserAuthorized(current.getUserId(), current.getGroupIds(),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION,
        "tasklist")) {
      return java.util.Optional.empty();
    }
    return filters.createFilterQuery().filterName(uk.schoolattendance.identity.TasklistFilters.OVERDUE).listPage(0, 1).stream()
        .findFirst().map(org.camunda.bpm.engine.filter.Filter::getId);
  }

  /** The case file's list of the cases a figure counts ({@code /casework/figures/cases?measure=}). */
  static final String FIGURE_CASES = "/casework/figures/cases?measure=";

  /** The register's notices in {@code status} at the schools the user may read. */
  private long noticesOpen(String status) {
    return register.count(
        RegisterQuery.ofFilters(null, null, null, status, 0, 1, currentUser.readsEverySchool() ? null : currentUser.schoolUrns()));
  }

  /**
   * Open tasks by who holds them, so that every open task the user may read is in exactly one row:
   * each caseworker (officers, senior practitioners and the compliance team: walk 11, defect 23,
   * the compliance team's "Decide on non-payment" tasks were in no row), then anyone else holding
   * tasks (a school's user, a manager) in one row, then those nobody has claimed yet.
   */
  private List<OfficerLoad> caseloadByOfficer() {
    List<OfficerLoad> loads = new ArrayList<>();
    Map<String, User> staff = new LinkedHashMap<>();
    for (String group : Groups.CASEWORKERS) {
      for (User user : identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(0, 500)) {
        staff.putIfAbsent(user.getId(), user);
      }
    }
    Map<String, Long> open = openTasksOf(staff.keySet());
    long held = 0;
    for (User user : staff.values()) {
      long theirs = open.getOrDefault(user.getId(), 0L);
      held += theirs;
      loads.add(new OfficerLoad(user.getId(), (user.getFirstName() + " " + user.getLastName()).trim(), theirs));
    }
    long others = tasks.createTaskQuery().taskAssigned().count() - held;
    if (others > 0) {
      loads.add(new OfficerLoad(null, "Held by others (schools, managers)", others));
    }
    loads.add(new OfficerLoad(null, "Not yet claimed", tasks.createTaskQuery().taskUnassigned().count()));
    return loads;
  }

  /**
   * The open tasks each of these users holds: one indexed {@code count()} per user (the task
   * query, so the engine's authorisation applies). No task is loaded to be counted, memory does not
   * grow with the tasks held, and no page offset can drift while tasks are completed (a paged read
   * could skip or count one twice). One cheap query per caseworker is fine for a team's size.
   */
  private Map<String, Long> openTasksOf(java.util.Set<String> userIds) {
    Map<String, Long> open = new java.util.HashMap<>();
    for (String id : userIds) {
      open.put(id, tasks.createTaskQuery().taskAssignee(id).count());
    }
    return open;
  }

  record OfficerLoad(String userId, String name, long openTasks) {}

  record Dashboard(
      Date asOf,
      long openCases,
      Map<String, Long> casesByLevel,
      List<OfficerLoad> tasksByOfficer,
      long reviewsDueThisWeek,
      long reviewsOverdue,
      long tasksOverdue,
      long noticesToImproveEndingThisWeek,
      long penaltyNoticesOpen,
      long incidents,
      /** False when the user may not read attendance cases: the case tiles count none of them. */
      boolean readsCases,
      /** Cases that did not follow their pupil to a new school; null for a user who may not see them. */
      Long failedMoves,
      /** Each tile's list of its cases in the case file, by tile ("openCases", "level-2", "failedMoves", …). */
      Map<String, String> links) {}
}
