package uk.schoolattendance.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrator-only endpoints: the caller, as the API's authentication made them the engine's
 * authentication for the request, must be a member of {@code camunda-admin}.
 */
@Component
public class Administrators {

  private final IdentityService identityService;

  Administrators(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The administrator's user id; 401 without a signed-in user, 403 for anyone else. */
  public String require() {
    var current = identityService.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "credentials required");
    }
    List<String> groups = current.getGroupIds() == null ? List.of() : current.getGroupIds();
    if (!groups.contains(Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "administrators only");
    }
    return current.getUserId();
  }
}
