package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** A person signed in to Tasklist is signed in to the case file's pages with the same session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseFileLoginTest {

  @Autowired TestRestTemplate rest;

  @Test
  void theTasklistSessionOpensTheCaseFile() {
    HttpHeaders tasklist = WebappSessions.tasklist(rest, "senior");
    HttpHeaders session = new HttpHeaders();
    session.put(HttpHeaders.COOKIE, tasklist.get(HttpHeaders.COOKIE));
    ResponseEntity<String> page = rest.exchange("/casework/", HttpMethod.GET, new HttpEntity<>(session), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Find a pupil", "Sign out");

    ResponseEntity<String> anonymous = rest.exchange("/casework/", HttpMethod.GET, HttpEntity.EMPTY, String.class);
    assertThat(anonymous.getBody()).doesNotContain("Sign out").contains("Sign in");
  }
}
