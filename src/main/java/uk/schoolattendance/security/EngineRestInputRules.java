package uk.schoolattendance.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Engine REST API: what no request may carry, refused before Camunda reads it with a 400 naming
 * the field (Camunda answered some of these with a 500, an empty 400, or not at all):
 *
 * <ul>
 *   <li>paging: {@code firstResult} and {@code maxResults} are whole numbers, 0 or more;
 *   <li>a body that is not JSON ({@code NaN} included), or nested more than {@value #MAX_DEPTH}
 *       levels deep;
 *   <li>text with a NUL or an unpaired surrogate character, in a value or a field name;
 *   <li>a variable name that is not a name: it starts with a letter or {@code _} and holds
 *       letters, digits, {@code _}, {@code -} and {@code .} (no {@code ${…}}, no markup);
 *   <li>File, Bytes and Object variables (files, binary data, serialized Java objects: no
 *       feature takes them), and the binary upload endpoints ({@code …/variables/{name}/data});
 *   <li>a date whose year has more than four digits (year 99999), anywhere in the body.
 * </ul>
 */
@PreMatching
@Priority(Priorities.USER - 100)
class EngineRestInputRules implements ContainerRequestFilter {

  static final int MAX_DEPTH = 32;
  static final Pattern VARIABLE_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");
  static final Set<String> VARIABLE_MAPS =
      Set.of(
          "variables",
          "modifications",
          "processVariables",
          "processVariablesLocal",
          "processVariablesToTriggeredScope",
          "localVariables",
          "variablesLocal",
          "correlationKeys",
          "localCorrelationKeys");
  private static final Set<String> REFUSED_TYPES = Set.of("file", "bytes", "object");
  private static final Set<String> VARIABLE_PATHS = Set.of("variables", "localVariables");
  private static final Pattern LONG_YEAR_DATE = Pattern.compile("^[+-]?\\d{5,}-\\d{2}-\\d{2}.*");
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
          .build();
  private static final ObjectMapper JSON = new ObjectMapper(FACTORY);

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String problem = paging(request.getUriInfo().getQueryParameters());
    if (problem == null) {
      problem = path(request.getMethod(), request.getUriInfo().getPathSegments());
    }
    if (problem == null && List.of("POST", "PUT").contains(request.getMethod()) && request.hasEntity() && isJson(request.getMediaType())) {
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      problem = body(variableOf(request.getUriInfo().getPathSegments()), body);
    }
    if (problem != null) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType("InvalidRequestException");
      dto.setMessage(problem);
      request.abortWith(Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build());
    }
  }

  private static boolean isJson(MediaType type) {
    return type == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
  }

  static String paging(MultivaluedMap<String, String> query) {
    for (String name : List.of("firstResult", "maxResults")) {
      String value = query.getFirst(name);
      if (value == null) {
        continue;
      }
      if (!value.strip().matches("-?\\d{1,9}")) {
        return name + ": must be a whole number";
      }
      if (Integer.parseInt(value.strip()) < 0) {
        return name + ": must be 0 or more";
      }
    }
    return null;
  }

  static String path(String method, List<PathSegment> segments) {
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (!VARIABLE_PATHS.contains(segments.get(i).getPath())) {
        continue;
      }
      String name = segments.get(i + 1).getPath();
      if (i + 2 < segments.size() && "data".equals(segments.get(i + 2).getPath()) && !"GET".equals(method)) {
        return "variables: file and binary variables are not accepted; send text, numbers, dates, booleans or Json";
      }
      if (!"GET".equals(method) && !VARIABLE_NAME.matcher(name).matches()) {
        return variableName();
      }
    }
    return null;
  }

  /** The variable a request's path names ({@code …/variables/{name}}), else "body". */
  private static String variableOf(List<PathSegment> segments) {
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (VARIABLE_PATHS.contains(segments.get(i).getPath())) {
        return segments.get(i + 1).getPath();
      }
    }
    return "body";
  }

  static String body(String rootName, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode root;
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() == null) {
        return null;
      }
      root = JSON.readTree(parser);
      if (parser.nextToken() != null) {
        return "body: is not valid JSON (more than one value)";
      }
    } catch (JsonProcessingException e) {
      if (e.getMessage() != null && e.getMessage().contains("nesting depth")) {
        return "body: nested more than " + MAX_DEPTH + " levels deep";
      }
      var at = e.getLocation();
      return "body: is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    } catch (IOException e) {
      return "body: could not be read";
    }
    return check(rootName, root, false);
  }

  /** The first problem in this node or below; {@code names} when its fields are variable names. */
  private static String check(String field, JsonNode node, boolean names) {
    if (node.isTextual()) {
      return text(field, node.asText());
    }
    if (node.isObject()) {
      boolean typed = node.path("type").isTextual() && (node.has("value") || node.has("valueInfo"));
      if (typed) {
        String type = node.get("type").asText();
        if (REFUSED_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
          return field + ": type " + type
              + " is not accepted (no files, binary data or serialization of Java objects); send text, numbers, dates, booleans or Json";
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> child = fields.next();
        String name = child.getKey();
        String problem = text("field name", name);
        if (problem == null && names && !VARIABLE_NAME.matcher(name).matches()) {
          problem = variableName();
        }
        if (problem == null) {
          String shown = typed && "value".equals(name) ? field : name;
          problem = check(shown, child.getValue(), VARIABLE_MAPS.contains(name) && child.getValue().isObject());
        }
        if (problem != null) {
          return problem;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String problem = check(field, element, false);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String text(String field, String text) {
    if (InputLimits.hasNulOrUnpairedSurrogate(text)) {
      return field + ": " + InputLimits.NUL_OR_SURROGATE;
    }
    if (LONG_YEAR_DATE.matcher(text).matches()) {
      return field + ": must be a date with a four-digit year";
    }
    return null;
  }

  private static String variableName() {
    return "variable name: must start with a letter or _ and hold only letters, digits, _, - and . (no expressions, no markup)";
  }
}
