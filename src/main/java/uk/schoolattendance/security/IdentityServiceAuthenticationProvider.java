package uk.schoolattendance.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic credentials of the project's API, checked against Camunda's identity store with
 * {@link IdentityService#checkPassword}, so the engine's login throttling applies exactly as on
 * the engine REST API and the webapps. The authenticated principal is an {@link EngineUser}
 * with the user's groups and tenants.
 */
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  IdentityServiceAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isEmpty() || !(password instanceof String text)
        || !identityService.checkPassword(userId, text)) {
      throw new BadCredentialsException("wrong user or password");
    }
    return authenticated(userOf(identityService, userId));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  static EngineUser userOf(IdentityService identityService, String userId) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants =
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    return new EngineUser(userId, groups, tenants);
  }

  static UsernamePasswordAuthenticationToken authenticated(EngineUser user) {
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, user.groupIds().stream().map(SimpleGrantedAuthority::new).toList());
  }
}
