package uk.schoolattendance.identity;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.CaseFacts;

/**
 * Tasklist's filters for each role, created at each start if missing, each readable by the
 * groups that need it (Camunda's {@code camunda.bpm.filter.create} makes one filter nobody but
 * administrators may read once authorizations are on). All sorted by due date, soonest first.
 */
@Component
public class TasklistFilters {

  static final String MY_TASKS = "My tasks";
  static final String MY_TEAM = "My team's tasks";
  /** Holds tasks, not cases: the case file's "My school's cases" page lists the cases (walk 14, defect 15). */
  static final String MY_SCHOOL = "My school's tasks";
  /** Its name until walk 14: a filter made under it is renamed at the next start. */
  static final String MY_SCHOOL_BEFORE = "My school's cases";
  static final String REVIEWS_DUE = "Reviews due this week";
  static final String NTI_ENDING = "Notices to Improve ending";
  static final String LEGAL_DECISION = "Awaiting a legal decision";
  /** Every task past its due date: what Cockpit's "Tasks overdue" counts, so its tile opens it. */
  public static final String OVERDUE = "Overdue";

  private static final List<String> CASEWORKERS =
      List.of(Groups.ATTENDANCE_OFFICERS, Groups.SENIOR_PRACTITIONERS, Groups.COMPLIANCE_TEAM);

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationsInitializer authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationsInitializer authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @EventListener
  @Order(16)
  public void createFilters(ApplicationReadyEvent event) {
    filter(
        MY_TASKS,
        -10,
        "Tasks assigned to you, and tasks offered to you by name (your schools' casework as their named officer).",
        myTasks(),
        join(CASEWORKERS, Groups.SCHOOLS, Groups.MANAGERS));
    filter(
        MY_TEAM,
        -5,
        "Tasks waiting for one of your teams: claim one to work on it.",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        CASEWORKERS);
    // first for a school user (Tasklist opens on the readable filter of lowest priority): its
    // school's work is offered to its group, so "My tasks" holds none of it until someone claims
    filter(
        MY_SCHOOL,
        -20,
        "Your school's tasks on its pupils' attendance cases (Level 1; Levels 2 and 3 too without the traded service)."
            + " A school with the traded service: the authority's named officer holds its tasks, so this list may be"
            + " empty while cases are open; the case file's \"My school's cases\" lists every case.",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        List.of(Groups.SCHOOLS));
    filter(
        REVIEWS_DUE,
        0,
        "Attendance reviews due within seven days (and those already late).",
        tasks
            .createTaskQuery()
            .taskDefinitionKey(AttendanceCase.REVIEW_ATTENDANCE.id())
            .dueBeforeExpression("${dateTime().plusWeeks(1)}"),
        join(CASEWORKERS, Groups.MANAGERS));
    filter(
        NTI_ENDING,
        0,
        "Notices to Improve whose improvement period has ended and needs a review.",
        tasks.createTaskQuery().taskDefinitionKey(NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id()),
        join(CASEWORKERS, Groups.MANAGERS));
    filter(
        LEGAL_DECISION,
        0,
        "Pupil planning meetings and non-payment decisions: a legal route to choose.",
        tasks
            .createTaskQuery()
            .taskDefinitionKeyIn(
                AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id(), PenaltyNotice.DECIDE_ON_NON_PAYMENT.id()),
        join(CASEWORKERS, Groups.MANAGERS));
    filter(
        OVERDUE,
        5,
        "Every task past its due date.",
        tasks.createTaskQuery().dueBeforeExpression("${now()}"),
        join(CASEWORKERS, Groups.MANAGERS));
  }

  /**
   * "My tasks": assigned to the user, or offered to the user by name (a candidate user, as a
   * traded school's Level 1–3 work is offered to its named officer). Camunda's candidate-user
   * criterion would also match every task of the user's groups; the involved-user criterion
   * matches the assignee, the owner and the user's own identity links only.
   */
  private TaskQuery myTasks() {
    return tasks.createTaskQuery().taskInvolvedUserExpression("${currentUser()}");
  }

  /** What each task in the list shows of its case, so a person can tell tasks apart. */
  private static final List<Map<String, String>> CASE_COLUMNS =
      List.of(
          Map.of("name", CaseFacts.PUPIL_NAME.name(), "label", "Pupil"),
          Map.of("name", CaseFacts.CASE_REFERENCE.name(), "label", "Case"),
          Map.of("name", CaseFacts.SCHOOL_URN.name(), "label", "School"));

  private void filter(String name, int priority, String description, TaskQuery query, List<String> readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null && MY_SCHOOL.equals(name)) {
      filter = filters.createFilterQuery().filterName(MY_SCHOOL_BEFORE).singleResult();
      if (filter != null) {
        filters.saveFilter(filter.setName(MY_SCHOOL));
      }
    }
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put("variables", CASE_COLUMNS);
      filter =
          filters
              .newTaskFilter(name)
              .setQuery(query.orderByDueDate().asc())
              .setProperties(properties);
      filters.saveFilter(filter);
    } else {
      upgrade(filter, priority, description, query);
    }
    for (String group : readers) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  /** A filter made by an earlier version takes this version's order, columns and "My tasks" query. */
  private void upgrade(Filter filter, int priority, String description, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
    boolean changed = false;
    if (MY_SCHOOL.equals(filter.getName()) && !description.equals(properties.get("description"))) {
      properties.put("description", description);
      changed = true;
    }
    if (MY_TASKS.equals(filter.getName()) && !description.equals(properties.get("description"))) {
      // "My tasks" made by an earlier version ("Tasks assigned to you.") showed assigned tasks only
      properties.put("description", description);
      filter.setQuery(query.orderByDueDate().asc());
      changed = true;
    }
    if (!properties.containsKey("variables")) {
      properties.put("variables", CASE_COLUMNS);
      changed = true;
    }
    if (!(properties.get("priority") instanceof Number stored) || stored.intValue() != priority) {
      properties.put("priority", priority);
      changed = true;
    }
    if (changed) {
      filters.saveFilter(filter.setProperties(properties));
    }
  }

  private static List<String> join(List<String> groups, String... more) {
    return java.util.stream.Stream.concat(groups.stream(), java.util.Arrays.stream(more)).toList();
  }
}
