package uk.schoolattendance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Engine REST API: a password refused by the policy is answered with the reasons ({@code
 * password: is a common password …}), not Camunda's bare "Password does not match policy", when
 * a user is created ({@code user/create}) or a password changed ({@code user/{id}/credentials}).
 * The engine refuses the same passwords everywhere else too (the Admin webapp shows its own list).
 */
class PasswordAnswers implements ContainerRequestFilter {

  private static final Pattern CREDENTIALS = Pattern.compile("(^|.*/)user/([^/]+)/credentials$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identityService;

  PasswordAnswers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath();
    boolean create = "POST".equals(request.getMethod()) && path.endsWith("user/create");
    var credentials = CREDENTIALS.matcher(path);
    boolean change = "PUT".equals(request.getMethod()) && credentials.matches();
    if (!(create || change) || !request.hasEntity()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException notJson) {
      return; // Camunda answers that
    }
    String password = (create ? json.path("credentials") : json).path("password").asText(null);
    if (password == null || identityService.getPasswordPolicy() == null) {
      return;
    }
    User user = create ? profile(json.path("profile")) : identityService.newUser(credentials.group(2));
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
    if (!result.isValid()) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType("PasswordPolicyException");
      dto.setMessage(PasswordRules.reasons(result.getViolatedRules()));
      request.abortWith(Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build());
    }
  }

  private User profile(JsonNode profile) {
    User user = identityService.newUser(profile.path("id").asText(""));
    user.setFirstName(profile.path("firstName").asText(null));
    user.setLastName(profile.path("lastName").asText(null));
    user.setEmail(profile.path("email").asText(null));
    return user;
  }
}
