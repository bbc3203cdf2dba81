package uk.schoolattendance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import uk.schoolattendance.engine.EngineClock;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * The one login of the Camunda webapps and the case file's pages: Camunda keeps who is signed in
 * as {@link Authentications} in the HTTP session ({@link AuthenticationUtil}). Signing in here
 * checks the password with {@link IdentityService#checkPassword} (Camunda's login throttling) and
 * creates exactly the session Camunda's own login creates (a new session id, the user's groups,
 * tenants and the webapps they may open); reading it refreshes the user's groups when Camunda's
 * cache of them has expired, as Camunda's own authentication filter does. A person signed in to
 * Tasklist is signed in to the case file, and the other way round.
 */
@Component
public class WebappLogin {

  private final ProcessEngine engine;
  private final IdentityService identityService;
  private final long cacheTimeToLive;

  public WebappLogin(ProcessEngine engine, CamundaBpmProperties properties) {
    this.engine = engine;
    this.identityService = engine.getIdentityService();
    var cache = properties.getWebapp().getAuth().getCache();
    this.cacheTimeToLive = cache.isTtlEnabled() ? cache.getTimeToLive() : 0;
  }

  /** The user signed in with this request's session, or null. */
  public UserAuthentication user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(AuthenticationUtilAccess.SESSION_KEY) == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (cacheTimeToLive > 0) {
      AuthenticationUtil.updateCache(authentications, session, cacheTimeToLive);
    }
    return authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
        ? user
        : null;
  }

  /**
   * Signs the user in when the password is right (throttled by the engine after a wrong one):
   * the old session is replaced by a new one holding the user's authentication. False otherwise.
   */
  public boolean signIn(HttpServletRequest request, String userId, String password) {
    identityService.clearAuthentication();
    if (userId == null || userId.isBlank() || password == null || !identityService.checkPassword(userId, password)) {
      return false;
    }
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
    if (authentication == null) {
      return false;
    }
    if (cacheTimeToLive > 0) {
      authentication.setCacheValidationTime(new Date(EngineClock.now().getTime() + cacheTimeToLive));
    }
    AuthenticationUtil.revalidateSession(request, authentication);
    return true;
  }

  /** Signs the user out of the case file and every webapp: the session ends. */
  public void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** The name of the session attribute Camunda keeps its authentications in. */
  private static final class AuthenticationUtilAccess extends AuthenticationUtil {
    static final String SESSION_KEY = CAM_AUTH_SESSION_KEY;
  }
}
