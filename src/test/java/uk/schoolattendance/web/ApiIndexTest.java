package uk.schoolattendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
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
      assertThat(index.path("documentation").findValuesAsText("href")).contains("docs/casefile.md");
      Set<String> listed = new HashSet<>();
      index.path("resources").forEach(resource -> listed.add(resource.get("href").asText()));
      assertThat(listed).contains("/api/cases", "/api/cases/{caseReference}", "/api/penalty-notices", "/api/attendance/imports");
      Set<String> mapped = new HashSet<>();
      mappings.getHandlerMethods().keySet().forEach(info -> mapped.addAll(info.getPatternValues()));
      // every link leads somewhere: no resource listed that the API does not have
      assertThat(mapped).containsAll(listed);
    }
  }
}
