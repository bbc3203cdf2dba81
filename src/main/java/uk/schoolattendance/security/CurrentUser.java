package uk.schoolattendance.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.schools.School;

/**
 * Who is calling the project's API ({@code /api}), for data that lives outside the engine (the
 * register of notices, reports): the local authority's staff read every school's rows, a school
 * only its own pupils' rows. Engine queries need none of this: they are checked by the engine's
 * authorizations for the same user.
 */
@Component
public class CurrentUser {

  private static final List<String> LOCAL_AUTHORITY =
      List.of(
          Groups.CAMUNDA_ADMIN,
          Groups.ATTENDANCE_OFFICERS,
          Groups.SENIOR_PRACTITIONERS,
          Groups.COMPLIANCE_TEAM,
          Groups.MANAGERS);

  private static final List<String> CASE_CORRECTORS =
      List.of(Groups.CAMUNDA_ADMIN, Groups.ATTENDANCE_OFFICERS, Groups.SENIOR_PRACTITIONERS);

  private static final List<String> EXTERNAL_NOTICE_RECORDERS = List.of(Groups.COMPLIANCE_TEAM, Groups.CAMUNDA_ADMIN);

  private static final List<String> PERSON_MERGERS =
      List.of(Groups.CAMUNDA_ADMIN, Groups.SENIOR_PRACTITIONERS, Groups.COMPLIANCE_TEAM);

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The signed-in user's id, or null outside a request of the API (then nothing is filtered). */
  public String userId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** True for the local authority's staff and administrators, and for calls with no user at all. */
  public boolean readsEverySchool() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return true;
    }
    List<String> groups = groups(authentication);
    return LOCAL_AUTHORITY.stream().anyMatch(groups::contains);
  }

  /** The URNs of the schools whose {@code school-{urn}} group the user belongs to. */
  public Set<String> schoolUrns() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return Set.of();
    }
    return groups(authentication).stream()
        .map(School::urnOfGroup)
        .flatMap(java.util.Optional::stream)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether the user may correct a case's recorded facts (pupil, school, parents): the local
   * authority's attendance officers and senior practitioners, and administrators; not schools,
   * not managers (who change nothing), not the compliance team.
   */
  public boolean mayCorrectCases() {
    return inAnyOf(CASE_CORRECTORS);
  }

  /** Whether the user records notices issued outside the product: the compliance team and administrators. */
  public boolean recordsExternalNotices() {
    return inAnyOf(EXTERNAL_NOTICE_RECORDERS);
  }

  /**
   * Whether the user keeps the penalty notice register's money records (a refund made): the compliance
   * team and administrators, as on the register page; not officers, managers (who change nothing) or schools.
   */
  public boolean keepsRegister() {
    return inAnyOf(EXTERNAL_NOTICE_RECORDERS);
  }

  /**
   * Whether the user may merge two person records into one (issue #12 item 3): senior
   * practitioners, the compliance team (who keep the register the limits are counted from) and
   * administrators; not attendance officers, managers or schools.
   */
  public boolean mayMergePersons() {
    return inAnyOf(PERSON_MERGERS);
  }

  /**
   * Whether the user records an application to extend an education supervision order and its result
   * (Children Act 1989 Sch 3 para 15): senior practitioners and administrators.
   */
  public boolean extendsSupervisionOrders() {
    return inAnyOf(SUPERVISION_ORDER_EXTENDERS);
  }

  private static final List<String> SUPERVISION_ORDER_EXTENDERS = List.of(Groups.CAMUNDA_ADMIN, Groups.SENIOR_PRACTITIONERS);

  /** Whether a signed-in user belongs to one of these groups (false with no user). */
  private boolean inAnyOf(List<String> allowed) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return false;
    }
    List<String> groups = groups(authentication);
    return allowed.stream().anyMatch(groups::contains);
  }

  /** Whether the user may read a row about a pupil of this school. */
  public boolean mayRead(String schoolUrn) {
    return readsEverySchool() || schoolUrns().contains(schoolUrn);
  }

  private static List<String> groups(Authentication authentication) {
    return authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }
}
