package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;

/** Both APIs refuse every request without valid credentials, and nothing else is said. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RestAuthenticationTest {

  static final String TARGET = "throttled-user";
  static final String TARGET_PASSWORD = "Corr3ct-Horse-Battery!";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @AfterEach
  void resetClockAndUnlockDemo() {
    TestClock.reset();
    // The wrong password below makes demo wait out a login delay: the next test class in this
    // context (any order) signs in as demo at once.
    identityService.unlockUser("demo");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/engine",
        "/engine-rest/task?maxResults=10",
        "/engine-rest/process-definition?maxResults=10",
        "/engine-rest/user?maxResults=10",
        "/api/reports/dashboard",
        "/api/penalty-notices",
        "/api/no-such-thing"
      })
  void refusesRequestsWithoutCredentials(String path) {
    ResponseEntity<String> answer = rest.getForEntity(path, String.class);
    assertRefused(answer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task?maxResults=10", "/api/reports/dashboard"})
  void refusesAWrongPasswordAnUnknownUserAndAMalformedHeader(String path) {
    assertRefused(get(path, basic("demo", "wrong")));
    assertRefused(get(path, basic("nobody", "nobody")));
    assertRefused(get(path, "Basic not-base64!"));
    assertRefused(get(path, "Basic " + encode("no-colon")));
    assertRefused(get(path, "Bearer demo"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/engine",
        "/engine-rest/task?maxResults=10",
        "/engine-rest/process-definition?maxResults=10",
        "/api/reports/dashboard"
      })
  void answersTheAdministrator(String path) {
    ResponseEntity<String> answer = rest.withBasicAuth("demo", "demo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void refusesChangesWithoutCredentials() {
    ResponseEntity<String> start =
        rest.exchange(
            "/engine-rest/process-definition/key/AttendanceCase/start",
            HttpMethod.POST,
            new HttpEntity<>("{}", jsonHeaders(null)),
            String.class);
    assertRefused(start);
  }

  @Test
  void throttlesLoginsAfterAWrongPassword() {
    ensureUser(TARGET, TARGET_PASSWORD);
    // the tests' day, held still, not the machine's date: the engine (and its job executor, shared
    // by every test of this context) would otherwise see a real date that may be weeks past the day
    // other tests' timers were set from
    Date now = TestClock.now();
    ClockUtil.setCurrentTime(now);
    assertThat(get("/engine-rest/task?maxResults=1", basic(TARGET, TARGET_PASSWORD)).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertRefused(get("/engine-rest/task?maxResults=1", basic(TARGET, "guess")));
    // Even the right password is refused while the account waits out its delay.
    assertRefused(get("/engine-rest/task?maxResults=1", basic(TARGET, TARGET_PASSWORD)));
    assertRefused(get("/api/reports/dashboard", basic(TARGET, TARGET_PASSWORD)));

    // a minute and a second later: the login delay is over
    ClockUtil.setCurrentTime(new Date(now.getTime() + 61_000L));
    assertThat(get("/api/reports/dashboard", basic(TARGET, TARGET_PASSWORD)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private void ensureUser(String id, String password) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(password);
      identityService.saveUser(user);
    }
  }

  private static void assertRefused(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getBody()).isNullOrEmpty();
    assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  private ResponseEntity<String> get(String path, String authorization) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(jsonHeaders(authorization)), String.class);
  }

  static HttpHeaders jsonHeaders(String authorization) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    if (authorization != null) {
      headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }
    return headers;
  }

  static String basic(String user, String password) {
    return "Basic " + encode(user + ":" + password);
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
