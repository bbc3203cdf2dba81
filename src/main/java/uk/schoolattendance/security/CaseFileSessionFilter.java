package uk.schoolattendance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The case file's pages ({@code /casework}) know the person signed in to the Camunda webapps: the
 * user of the session ({@link WebappLogin}), with their groups and tenants, becomes the
 * request's authenticated user, for every method. Unlike the project's API, changes are allowed
 * with the session because the pages' forms carry a CSRF token that Spring Security checks.
 */
class CaseFileSessionFilter extends OncePerRequestFilter {

  private final WebappLogin sessions;

  CaseFileSessionFilter(WebappLogin sessions) {
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UserAuthentication user = sessions.user(request);
    if (user != null) {
      SecurityContextHolder.getContext().setAuthentication(
          IdentityServiceAuthenticationProvider.authenticated(
              new EngineUser(user.getIdentityId(), orEmpty(user.getGroupIds()), orEmpty(user.getTenantIds()))));
    }
    chain.doFilter(request, response);
  }

  private static java.util.List<String> orEmpty(java.util.List<String> ids) {
    return ids == null ? java.util.List.of() : ids;
  }
}
