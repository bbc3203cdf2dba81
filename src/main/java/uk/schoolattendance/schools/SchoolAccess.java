package uk.schoolattendance.schools;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.AsTheApplication;

/**
 * Who may see and import a school's data, decided by the engine's own authorizations on a custom
 * resource: {@link #SCHOOL} (type 1001), resource id = the school's URN, {@code *} for every
 * school. READ lets a person see the school's pupils (their figures, marks and files); IMPORT_MARKS
 * lets them send the school's register. An administrator grants and revokes these in the Admin
 * webapp like any other authorization; the defaults come from {@code AuthorizationsInitializer}
 * (a school's group on its own URN, the local authority's groups on {@code *}).
 *
 * <p>The checks are for the signed-in user of the current request (Camunda's current
 * authentication); a call with no signed-in user (the job executor, start-up) is the system and
 * may do everything. Pages and APIs answer "not found" when a check fails, never with another
 * school's data.
 */
@Component
public class SchoolAccess {

  /** The school as an authorization resource: type 1001, id = URN. */
  public static final Resource SCHOOL =
      new Resource() {
        @Override
        public String resourceName() {
          return "School";
        }

        @Override
        public int resourceType() {
          return 1001;
        }
      };

  /** What may be done with a school's data. */
  public enum SchoolPermission implements Permission {
    NONE(0),
    READ(2),
    IMPORT_MARKS(4),
    ALL(Integer.MAX_VALUE);

    private final int value;

    SchoolPermission(int value) {
      this.value = value;
    }

    @Override
    public String getName() {
      return name();
    }

    @Override
    public int getValue() {
      return value;
    }

    @Override
    public Resource[] getTypes() {
      return new Resource[] {SCHOOL};
    }
  }

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  public SchoolAccess(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  /** Whether the current user may read the pupils of this school. */
  public boolean mayRead(String urn) {
    return isAuthorized(SchoolPermission.READ, urn);
  }

  /** Whether the current user may read a pupil enrolled at any of these schools. */
  public boolean mayReadAny(Collection<String> urns) {
    return urns.stream().anyMatch(this::mayRead);
  }

  /** Whether the current user may read the pupils of every school (the grant on {@code *}: the authority's staff). */
  public boolean mayReadEverySchool() {
    return isAuthorized(SchoolPermission.READ, "*");
  }

  /** Whether the current user may import marks for this school. */
  public boolean mayImport(String urn) {
    return isAuthorized(SchoolPermission.IMPORT_MARKS, urn);
  }

  /** Whether the current user may import marks for every school (the grant on {@code *}). */
  public boolean mayImportEverySchool() {
    return isAuthorized(SchoolPermission.IMPORT_MARKS, "*");
  }

  /** Whether the current user may import marks for at least one school. */
  public boolean mayImportAnySchool() {
    var user = identity.getCurrentAuthentication();
    if (user == null) {
      return true;
    }
    return asSystem(
        () ->
            authorizations.createAuthorizationQuery()
                    .authorizationType(AUTH_TYPE_GRANT)
                    .resourceType(SCHOOL)
                    .hasPermission(SchoolPermission.IMPORT_MARKS)
                    .userIdIn(user.getUserId())
                    .count()
                + (groups(user.getGroupIds()).isEmpty()
                    ? 0
                    : authorizations.createAuthorizationQuery()
                        .authorizationType(AUTH_TYPE_GRANT)
                        .resourceType(SCHOOL)
                        .hasPermission(SchoolPermission.IMPORT_MARKS)
                        .groupIdIn(groups(user.getGroupIds()).toArray(String[]::new))
                        .count())
            > 0);
  }

  /** The current user's id, or null for the system. */
  public String currentUser() {
    var user = identity.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  /** Runs {@code work} with no signed-in user (as the system), then puts the user back. */
  public <T> T asSystem(Supplier<T> work) {
    return AsTheApplication.call(identity, work);
  }

  private boolean isAuthorized(SchoolPermission permission, String urn) {
    var user = identity.getCurrentAuthentication();
    if (user == null) {
      return true;
    }
    return authorizations.isUserAuthorized(user.getUserId(), groups(user.getGroupIds()), permission, SCHOOL, urn);
  }

  private static List<String> groups(List<String> groupIds) {
    return groupIds == null ? List.of() : groupIds;
  }
}
