package uk.schoolattendance.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's query limit (2000 rows) holds for a logged-in REST client, and a client that does
 * not page still gets an answer (at most one page of the limit) instead of a refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class QueryLimitTest {

  @Autowired TestRestTemplate rest;

  private ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("demo", "demo").getForEntity(path, String.class);
  }

  @Test
  void unpagedListsAnswerWithAtMostTheLimit() {
    assertThat(get("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/engine-rest/history/process-instance?finished=true").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/engine-rest/process-definition?latestVersion=true").getBody())
        .contains("AttendanceCase");
  }

  @Test
  void askingForMoreThanTheLimitIsRefused() {
    ResponseEntity<String> tooMany = get("/engine-rest/task?maxResults=2001");
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("Max results limit of 2000 exceeded");
  }

  @Test
  void pagedListsAndOtherResourcesAreUnchanged() {
    assertThat(get("/engine-rest/task?firstResult=0&maxResults=15").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/engine-rest/task/count").getBody()).contains("count");
    assertThat(get("/engine-rest/engine").getBody()).contains("default");
  }
}
