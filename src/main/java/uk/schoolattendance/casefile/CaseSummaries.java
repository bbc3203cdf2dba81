package uk.schoolattendance.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import uk.schoolattendance.casefile.index.CaseRow;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Turns rows of the search table into {@link CaseSummary} rows of a page: school names, the
 * names of the people and teams who hold each next step, dates in words, the lead officer (the
 * school's named officer unless a senior practitioner gave the case another). One query for every name on
 * the page.
 */
@Component
public class CaseSummaries {

  public static final String CASES = "/casework/cases/";

  private final SchoolDirectory schools;
  private final PeopleNames people;
  private final ActivityNames activities;
  private final UkDates dates;
  private final TaskNames taskNames;

  CaseSummaries(SchoolDirectory schools, PeopleNames people, ActivityNames activities, UkDates dates, TaskNames taskNames) {
    this.taskNames = taskNames;
    this.schools = schools;
    this.people = people;
    this.activities = activities;
    this.dates = dates;
  }

  public List<CaseSummary> of(List<CaseRow> rows) {
    return of(rows, taskNames.of(rows));
  }

  /** One case's summary, its open tasks named as {@link #taskNames(CaseRow)} already named them. */
  public CaseSummary of(CaseRow row, Map<String, String> tasks) {
    return of(List.of(row), tasks).get(0);
  }

  private List<CaseSummary> of(List<CaseRow> rows, Map<String, String> tasks) {
    Map<String, String> names = people.of(peopleOf(rows));
    List<CaseSummary> summaries = new ArrayList<>();
    Instant now = uk.schoolattendance.engine.EngineClock.now().toInstant();
    for (CaseRow row : rows) {
      summaries.add(summary(row, names, tasks, now));
    }
    return summaries;
  }

  /** The case's open tasks' names by task id, as its next steps name them ({@link TaskNames}). */
  public Map<String, String> taskNames(CaseRow row) {
    return taskNames.of(List.of(row));
  }

  /** The officer who leads the case: the one a senior practitioner gave it to, else the school's named officer. */
  public String leadOf(CaseRow row) {
    if (row.caseOfficer() != null) {
      return row.caseOfficer();
    }
    return schools.find(row.schoolUrn()).map(School::namedOfficer).orElse(null);
  }

  public String schoolName(String urn) {
    return schools.find(urn).map(School::name).orElse(urn == null ? "" : "School " + urn);
  }

  /** A group as pages name it: a role ("Attendance officers") or a school's staff ("Riverside Primary School"). */
  public String groupName(String groupId) {
    String role = Wording.roleGroup(groupId);
    if (role != null) {
      return role;
    }
    return School.urnOfGroup(groupId).map(this::schoolName).orElse(groupId);
  }

  public static String href(String caseReference) {
    return CASES + UriUtils.encodePathSegment(caseReference == null ? "" : caseReference, java.nio.charset.StandardCharsets.UTF_8);
  }

  private CaseSummary summary(CaseRow row, Map<String, String> names, Map<String, String> tasks, Instant now) {
    CaseRow.State state = row.state();
    String lead = leadOf(row);
    return new CaseSummary(
        row.caseId(),
        row.caseReference(),
        href(row.caseReference()),
        row.pupilName(),
        row.pupilUpn(),
        dates.day(row.pupilDateOfBirth()),
        schoolName(row.schoolUrn()),
        Wording.levelAndStage(row.level(), row.stage()),
        state.name().toLowerCase(java.util.Locale.UK),
        switch (state) {
          case OPEN -> "Open";
          case WAITING -> "Waiting";
          case CLOSED -> "Closed";
        },
        switch (state) {
          case OPEN -> "govuk-tag--blue";
          case WAITING -> "govuk-tag--yellow";
          case CLOSED -> "govuk-tag--grey";
        },
        state == CaseRow.State.CLOSED ? List.of() : nextSteps(row, names, tasks, now),
        state == CaseRow.State.CLOSED ? outcome(row) : "",
        lead == null ? "" : names.getOrDefault(lead, lead),
        null);
  }

  /** The case's open tasks (named as {@link TaskNames} names them) with their holders, or (with none) the dates it waits for. */
  private List<CaseSummary.NextStep> nextSteps(CaseRow row, Map<String, String> names, Map<String, String> tasks, Instant now) {
    List<CaseSummary.NextStep> steps = new ArrayList<>();
    for (CaseRow.OpenTask task : row.tasks()) {
      steps.add(new CaseSummary.NextStep(
          tasks.getOrDefault(task.taskId(), task.name()), holder(task, names), dates.day(task.due()), task.due() != null && task.due().isBefore(now), false));
    }
    if (steps.isEmpty()) {
      for (CaseRow.WaitingTimer timer : row.timers()) {
        steps.add(waiting(activities.waitingFor(timer.processDefinitionId(), timer.activityId()), timer.activityId(), timer.due()));
      }
    }
    return steps;
  }

  /**
   * A date the case waits for. The payment period's timer fires on the day after the period's
   * last day ({@code NoticeDates.paymentPeriodEndsAt}): the step names that last day ("the payment period, which ends on
   * 28 December 2026"), as the notice, the letter and the register do, not the timer's day.
   */
  CaseSummary.NextStep waiting(String what, String activityId, Instant due) {
    if (PenaltyNotice.PAYMENT_PERIOD_ENDED.equals(activityId) && due != null) {
      return new CaseSummary.NextStep(
          "the payment period, which ends on " + dates.day(dates.localDay(due).minusDays(1)), "", "", false, true);
    }
    return new CaseSummary.NextStep(what, "", dates.day(due), false, true);
  }

  /** Who holds a task: its assignee, else its candidate people, else its candidate teams. */
  public String holder(CaseRow.OpenTask task, Map<String, String> names) {
    if (task.assignee() != null) {
      return names.getOrDefault(task.assignee(), task.assignee());
    }
    List<String> holders = new ArrayList<>();
    task.candidateUsers().forEach(user -> holders.add(names.getOrDefault(user, user)));
    task.candidateGroups().forEach(group -> holders.add(groupName(group)));
    return String.join(" or ", holders);
  }

  private String outcome(CaseRow row) {
    String outcome = Wording.outcome(row.caseOutcome());
    if (row.closureReason() != null && !row.closureReason().isBlank()) {
      outcome = outcome.isEmpty() ? row.closureReason() : outcome + ": " + row.closureReason();
    }
    return outcome.isEmpty() ? "Closed on " + dates.day(row.closedAt()) : outcome;
  }

  /** Everyone whose name a page of these rows shows. */
  public Set<String> peopleOf(Collection<CaseRow> rows) {
    Set<String> ids = new HashSet<>();
    for (CaseRow row : rows) {
      String lead = leadOf(row);
      if (lead != null) {
        ids.add(lead);
      }
      for (CaseRow.OpenTask task : row.tasks()) {
        if (task.assignee() != null) {
          ids.add(task.assignee());
        }
        ids.addAll(task.candidateUsers());
      }
    }
    return ids;
  }
}
