package uk.schoolattendance.casefile;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.schools.School;

/**
 * Who is looking at a page: the signed-in user, their name, their groups and the Camunda webapps
 * they may open. Used to choose the navigation and the words of a page, never to decide what a
 * page shows: the engine's authorizations decide that, for this user.
 *
 * @param userId the user's id in Camunda's identity store
 * @param name as pages show it ("Olivia Okafor")
 * @param groups the user's groups
 * @param webapps the Camunda webapps the user may open ({@code tasklist}, {@code cockpit}, {@code admin})
 * @param importsMarks whether the engine grants the user IMPORT_MARKS on a School (the data team, a
 *     school's staff), as when they signed in: the register's import pages check again each time
 */
public record Viewer(String userId, String name, List<String> groups, Set<String> webapps, boolean importsMarks) {

  public Viewer {
    groups = List.copyOf(groups);
    webapps = Set.copyOf(webapps);
  }

  public boolean in(String group) {
    return groups.contains(group);
  }

  /** A school's staff: the group {@code schools}. */
  public boolean isSchool() {
    return in(Groups.SCHOOLS);
  }

  /** The schools whose group {@code school-{urn}} the user is in. */
  public Set<String> schoolUrns() {
    return groups.stream().map(School::urnOfGroup).flatMap(java.util.Optional::stream).collect(Collectors.toUnmodifiableSet());
  }

  /** An attendance officer or senior practitioner: has a caseload. */
  public boolean hasCaseload() {
    return in(Groups.ATTENDANCE_OFFICERS) || in(Groups.SENIOR_PRACTITIONERS);
  }

  /** Managers, senior practitioners and administrators: every officer's caseload. */
  public boolean seesCaseloads() {
    return in(Groups.MANAGERS) || in(Groups.SENIOR_PRACTITIONERS) || in(Groups.CAMUNDA_ADMIN);
  }

  /** The compliance team or an administrator: keeps the penalty notice register. */
  public boolean keepsRegister() {
    return in(Groups.COMPLIANCE_TEAM) || in(Groups.CAMUNDA_ADMIN);
  }

  /**
   * The authority's staff, the data team and a school's staff: the census and dashboard figures
   * (what each sees is decided on the page: the data team the census and each school's notices,
   * no case figures, as it reads no case).
   */
  public boolean readsFigures() {
    return in(Groups.CAMUNDA_ADMIN) || in(Groups.ATTENDANCE_OFFICERS) || in(Groups.SENIOR_PRACTITIONERS)
        || in(Groups.COMPLIANCE_TEAM) || in(Groups.MANAGERS) || in(Groups.DATA_TEAM) || !schoolUrns().isEmpty();
  }

  /** A process analyst: changes the processes, decisions and forms, and sees no case data. */
  public boolean changesModels() {
    return in(Groups.ANALYSTS);
  }

  /**
   * May find a pupil: everyone but an analyst with no other role, whom the engine lets read no
   * case, so that "Find a pupil" could never find anything for them.
   */
  public boolean findsPupils() {
    return !changesModels() || readsFigures() || hasCaseload() || keepsRegister() || in(Groups.DATA_TEAM);
  }

  public boolean mayOpen(String webapp) {
    return webapps.contains(webapp);
  }
}
