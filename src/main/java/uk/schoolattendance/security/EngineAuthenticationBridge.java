package uk.schoolattendance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The user Spring Security authenticated is the engine's authentication for the rest of the
 * request (their groups and tenants included), so every engine query the API makes is checked
 * by the user's Camunda authorizations; it is cleared afterwards.
 */
class EngineAuthenticationBridge extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineAuthenticationBridge(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof EngineUser user)) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
