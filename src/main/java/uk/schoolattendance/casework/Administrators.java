package uk.schoolattendance.casework;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrator-only endpoints: the caller must be a member of {@code camunda-admin}. Uses the
 * engine authentication the API's security filter sets; when none is set, checks the request's
 * HTTP Basic credentials against the identity store itself.
 */
@Component
class Administrators {

  static final String ADMIN_GROUP = "camunda-admin";

  private final IdentityService identityService;

  Administrators(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The administrator's user id; 401 without valid credentials, 403 for anyone else. */
  String require(HttpServletRequest request) {
    String userId = null;
    Authentication current = identityService.getCurrentAuthentication();
    if (current != null) {
      userId = current.getUserId();
    } else {
      String header = request.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0 && identityService.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
          userId = decoded.substring(0, colon);
        }
      }
    }
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "credentials required");
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(ADMIN_GROUP).count() == 0) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "administrators only");
    }
    return userId;
  }
}
