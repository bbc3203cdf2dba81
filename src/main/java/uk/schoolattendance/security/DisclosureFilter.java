package uk.schoolattendance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What the engine's APIs ({@code /engine-rest}, and {@code /camunda/api} behind Cockpit and
 * Tasklist) tell a caller who is not an administrator:
 *
 * <ul>
 *   <li>a refusal (403) names the permissions missing, never the ids of the instance, task or job
 *       refused: Camunda's message would name another school's case;
 *   <li>exception details of failed jobs and incidents (messages, stack traces, error details)
 *       are for administrators only: they may name another school's notice, a table or a value;
 *       others get a generic text, and the stack trace endpoints answer 403.
 * </ul>
 */
class DisclosureFilter extends OncePerRequestFilter {

  static final String WITHHELD = "The job failed. Its details are shown to administrators only.";
  private static final Set<String> DETAILS =
      Set.of(
          "exceptionMessage",
          "incidentMessage",
          "rootCauseIncidentMessage",
          "causeIncidentMessage",
          "jobExceptionMessage",
          "errorMessage",
          "errorDetails",
          "stacktrace");
  private static final List<String> DETAIL_PATHS = List.of("/stacktrace", "/errorDetails", "/error-details");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identityService;

  DisclosureFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (Callers.isAdministrator(request, identityService)) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI();
    if (DETAIL_PATHS.stream().anyMatch(path::endsWith)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.getOutputStream().write(
          ("{\"type\":\"AuthorizationException\",\"message\":\"Exception details are shown to administrators only.\"}")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
    } finally {
      byte[] body = buffered.getContentAsByteArray();
      byte[] safe = redact(buffered.getStatus(), buffered.getContentType(), body);
      if (safe != body) {
        buffered.resetBuffer();
        buffered.getOutputStream().write(safe);
      }
      buffered.copyBodyToResponse();
    }
  }

  /** The body without ids in a refusal and without exception details; the same array if unchanged. */
  static byte[] redact(int status, String contentType, byte[] body) throws IOException {
    if (body.length == 0 || contentType == null || !contentType.contains("json")) {
      return body;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    boolean refusal = status == HttpServletResponse.SC_FORBIDDEN;
    if (!refusal && DETAILS.stream().noneMatch(field -> text.contains("\"" + field + "\""))) {
      return body;
    }
    JsonNode root = JSON.readTree(text);
    if (refusal && root instanceof ObjectNode error) {
      withoutIds(error);
    }
    withhold(root);
    return JSON.writeValueAsBytes(root);
  }

  /** Camunda's 403 names each resource refused; keep the permissions and the resource types only. */
  private static void withoutIds(ObjectNode error) {
    error.remove("resourceId");
    JsonNode missing = error.path("missingAuthorizations");
    if (!missing.isArray() || missing.isEmpty()) {
      return;
    }
    List<String> needs = new ArrayList<>();
    for (JsonNode authorization : missing) {
      if (authorization instanceof ObjectNode node) {
        node.remove("resourceId");
        needs.add("'" + node.path("permissionName").asText() + "' on the " + node.path("resourceName").asText());
      }
    }
    error.put(
        "message",
        "The user '" + error.path("userId").asText() + "' may not do this: it needs " + String.join(" or ", needs) + ".");
  }

  private static void withhold(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String field : DETAILS) {
        if (object.hasNonNull(field)) {
          object.put(field, WITHHELD);
        }
      }
      object.forEach(DisclosureFilter::withhold);
    } else if (node instanceof ArrayNode array) {
      array.forEach(DisclosureFilter::withhold);
    }
  }
}
