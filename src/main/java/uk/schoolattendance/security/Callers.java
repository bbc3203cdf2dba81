package uk.schoolattendance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import uk.schoolattendance.identity.Groups;

/**
 * Who is calling, inside a request: the engine's authentication that the API filters set (HTTP
 * Basic on {@code /engine-rest}, {@code /api}), otherwise the user signed in to the webapps.
 */
final class Callers {

  private static final String ENGINE = "default";

  private Callers() {}

  static boolean isAdministrator(HttpServletRequest request, IdentityService identityService) {
    Authentication current = identityService.getCurrentAuthentication();
    List<String> groups = current != null ? current.getGroupIds() : sessionGroups(request);
    return groups != null && groups.contains(Groups.CAMUNDA_ADMIN);
  }

  private static List<String> sessionGroups(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null
        && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
      return user.getGroupIds();
    }
    return List.of();
  }
}
