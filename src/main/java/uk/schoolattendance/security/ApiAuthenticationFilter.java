package uk.schoolattendance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the project's API ({@code /api/*}) against Camunda's identity
 * store, exactly like the engine REST API: HTTP Basic credentials checked with {@link
 * IdentityService#checkPassword} (which applies the engine's login throttling), then the user and
 * their groups and tenants set as the engine's authentication for the request, so every engine
 * query the API makes is subject to the user's authorizations. The authentication is cleared
 * afterwards.
 *
 * <p>A signed-in webapp user (Cockpit's dashboard plugin) may also read ({@code GET}/{@code HEAD}
 * only: the webapp session is protected by CSRF tokens for changes, this API is not) with the
 * session the webapps created. Anything else gets 401 with no body.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String REALM = "School Attendance Casework";
  private static final String ENGINE = "default";

  private final IdentityService identityService;

  ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null) {
      String userId = basicUser(header);
      if (userId == null) {
        refuse(response);
        return;
      }
      runAs(userId, groupsOf(userId), tenantsOf(userId), request, response, chain);
      return;
    }
    UserAuthentication session = webappSession(request);
    if (session != null && isSafe(request)) {
      runAs(session.getIdentityId(), session.getGroupIds(), session.getTenantIds(), request, response, chain);
      return;
    }
    refuse(response);
  }

  private void runAs(
      String userId,
      List<String> groups,
      List<String> tenants,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    identityService.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The user id when the Basic credentials are well formed and the password is right. */
  private String basicUser(String header) {
    if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return identityService.checkPassword(userId, password) ? userId : null;
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  private List<String> tenantsOf(String userId) {
    return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId)
        .toList();
  }

  private static UserAuthentication webappSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
        ? user
        : null;
  }

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private static void refuse(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
  }
}
