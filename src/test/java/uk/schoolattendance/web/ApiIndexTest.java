package uk.schoolattendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The README's "http://localhost:8080/api/" answers an index of the API, not "No resource at api." (walk 14, defect 4). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ApiIndexTest {

  @Autowired TestRestTemplate rest;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theApiAnswersAnIndexOfItsResourcesAndItsDocumentation() throws Exception {
    for (String address : new String[] {"/api/", "/api"}) {
      ResponseEntity<String> answer = rest.withBasicAuth("officer", "officer").getForEntity(address, String.class);
      assertThat(answer.getStatusCode().value()).as(address).isEqualTo(200);
      assertThat(answer.getHeaders().getContentType().toString()).as(address).contains("application/json");
      JsonNode index = new ObjectMapper().readTree(answer.getBody());
      assertThat(listed(index)).as(address).containsAll(List.of("POST /api/cases", "GET /api/cases/{caseReference}"));
    }
  }

  /**
   * Every mapping Spring has under /api/ (but the index itself) is listed with each of its methods,
   * and nothing is listed that Spring does not map: an endpoint added without its line fails here
   * (review 2 of session 14, S1: seven endpoints were missing).
   */
  @Test
  void theIndexListsEveryMappingUnderTheApiAndNothingElse() throws Exception {
    Set<String> mapped = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") || pattern.equals("/api/")) {
          continue;
        }
        methods(info).forEach(method -> mapped.add(method + " " + pattern));
      }
    });
    assertThat(mapped).as("Spring's mappings under /api/").hasSizeGreaterThan(20);
    JsonNode index = new ObjectMapper().readTree(
        rest.withBasicAuth("officer", "officer").getForEntity("/api/", String.class).getBody());
    assertThat(listed(index)).containsExactlyInAnyOrderElementsOf(mapped);
  }

  /**
   * The documentation is named by its path in the project's repository (a client would resolve an
   * "href" of "docs/casefile.md" against /api/ and find nothing), and each path is a file there.
   */
  @Test
  void theDocumentationIsNamedByRepositoryPathsThatExist() throws Exception {
    JsonNode index = new ObjectMapper().readTree(
        rest.withBasicAuth("officer", "officer").getForEntity("/api/", String.class).getBody());
    List<String> paths = index.path("documentation").findValuesAsText("path");
    assertThat(paths).contains("docs/casefile.md");
    assertThat(index.path("documentation").findValues("href")).isEmpty();
    for (String path : paths) {
      assertThat(Files.isRegularFile(Path.of(path))).as(path).isTrue();
    }
  }

  /** The index is behind the API's sign-in like every other /api address: 401 without credentials. */
  @Test
  void theIndexAsksForCredentials() {
    for (String address : new String[] {"/api/", "/api"}) {
      assertThat(rest.getForEntity(address, String.class).getStatusCode().value()).as(address).isEqualTo(401);
    }
  }

  private static Set<String> listed(JsonNode index) {
    Set<String> listed = new TreeSet<>();
    index.path("resources").forEach(resource ->
        resource.path("methods").forEach(method -> listed.add(method.asText() + " " + resource.path("href").asText())));
    return listed;
  }

  private static Set<RequestMethod> methods(RequestMappingInfo info) {
    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
    return methods.isEmpty() ? Set.of(RequestMethod.values()) : methods;
  }
}
