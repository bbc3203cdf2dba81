package uk.schoolattendance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user signed in to the Camunda webapps (Cockpit's dashboard plugin) may read the project's
 * API with that session: {@code GET} and {@code HEAD} only, because the webapps protect changes
 * with CSRF tokens and this API does not. A request that carries credentials is left to HTTP
 * Basic; anything else stays unauthenticated and is refused.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    boolean unauthenticated = current == null || current instanceof AnonymousAuthenticationToken;
    if (unauthenticated && isSafe(request) && request.getHeader("Authorization") == null) {
      UserAuthentication session = webappSession(request);
      if (session != null) {
        SecurityContextHolder.getContext().setAuthentication(
            IdentityServiceAuthenticationProvider.authenticated(
                new EngineUser(session.getIdentityId(), session.getGroupIds(), session.getTenantIds())));
      }
    }
    chain.doFilter(request, response);
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
    return authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user ? user : null;
  }

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}
