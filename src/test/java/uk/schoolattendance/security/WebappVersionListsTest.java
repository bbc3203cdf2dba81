package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Cockpit's version selector on a process or decision definition's page lists the definition's
 * versions through the webapps' engine API without {@code maxResults}; that one request is
 * answered, while every other unbounded list (through the webapps' API or the public
 * {@code /engine-rest}) is still refused by the engine's {@code query-max-results-limit}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class WebappVersionListsTest {

  static final String ENGINE = "/camunda/api/engine/engine/default/";
  static final String UNBOUND = "An unbound number of results is forbidden!";

  @Autowired TestRestTemplate rest;

  @Test
  void cockpitsVersionSelectorListsTheVersionsOfAProcessAndADecision() throws Exception {
    for (String user : new String[] {"manager", "analyst", "demo"}) {
      HttpHeaders cockpit = WebappSessions.signIn(rest, "cockpit", user);

      ResponseEntity<String> processes =
          get(cockpit, ENGINE + "process-definition?key=AttendanceCase&sortBy=version&sortOrder=desc&withoutTenantId=true");
      assertThat(processes.getStatusCode()).as(user + ": " + processes.getBody()).isEqualTo(HttpStatus.OK);
      JsonNode versions = new ObjectMapper().readTree(processes.getBody());
      assertThat(versions).isNotEmpty().allSatisfy(v -> assertThat(v.get("key").asText()).isEqualTo("AttendanceCase"));

      ResponseEntity<String> decisions =
          get(cockpit, ENGINE + "decision-definition?key=AttendanceBand&sortBy=version&sortOrder=desc&withoutTenantId=true");
      assertThat(decisions.getStatusCode()).as(user + ": " + decisions.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(new ObjectMapper().readTree(decisions.getBody())).isNotEmpty()
          .allSatisfy(v -> assertThat(v.get("key").asText()).isEqualTo("AttendanceBand"));
    }
  }

  @Test
  void everyOtherUnboundedListIsStillRefused() {
    HttpHeaders cockpit = WebappSessions.signIn(rest, "cockpit", "demo");
    for (String list :
        new String[] {
          "process-definition",
          "process-definition?sortBy=version&sortOrder=desc",
          "process-definition?key=AttendanceCase",
          "process-definition?key=AttendanceCase&sortBy=version&sortOrder=desc&latestVersion=true&versionTag=x",
          "decision-definition?sortBy=version&sortOrder=desc",
          "process-instance",
          "task",
          "history/process-instance",
          "process-definition?key=AttendanceCase&sortBy=version&sortOrder=desc&maxResults=2001"
        }) {
      ResponseEntity<String> answer = get(cockpit, ENGINE + list);
      assertThat(answer.getStatusCode()).as(list).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(list).contains(list.contains("maxResults") ? "Max results limit of 2000 exceeded!" : UNBOUND);
    }

    // the public REST API: the same request Cockpit makes is refused there
    ResponseEntity<String> rest =
        this.rest.withBasicAuth("demo", "demo")
            .getForEntity("/engine-rest/process-definition?key=AttendanceCase&sortBy=version&sortOrder=desc&withoutTenantId=true", String.class);
    assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.getBody()).contains(UNBOUND);
  }

  private ResponseEntity<String> get(HttpHeaders session, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class);
  }
}
