package uk.schoolattendance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A Camunda Form shows what people typed as text, never as Markdown or HTML: a {@code text} or
 * {@code html} component holds no template ({@code {{pupilName}}}) and is no FEEL expression
 * ({@code =…}), whose value Tasklist would render as Markdown: a pupil named {@code [Sign in
 * again](https://…)} became a link in every form. Values are shown in disabled fields instead.
 */
final class FormRules {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RENDERED = Set.of("text", "html");

  private FormRules() {}

  static void check(String resource, byte[] bytes) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException(resource, "is not a Camunda Form (JSON)");
    }
    if (form == null || !form.isObject()) {
      throw new InvalidInputException(resource, "is not a Camunda Form (JSON)");
    }
    components(resource, form.path("components"));
  }

  private static void components(String resource, JsonNode components) {
    for (JsonNode component : components) {
      if (RENDERED.contains(component.path("type").asText())) {
        for (String field : new String[] {"text", "content"}) {
          String text = component.path(field).asText("");
          if (text.contains("{{") || text.strip().startsWith("=")) {
            throw new InvalidInputException(
                resource + " (" + component.path("id").asText() + ")",
                "a text component shows typed values as Markdown (a name could become a link): show them in a disabled field");
          }
        }
      }
      components(resource, component.path("components"));
    }
  }
}
