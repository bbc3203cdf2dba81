package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The register's API as the tests call it, as a given user. */
final class RegisterApi {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private RegisterApi() {}

  /** Sets the engine's clock (today for the register) to midday of the day. */
  static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(LONDON).toInstant()));
  }

  @SuppressWarnings("rawtypes")
  static ResponseEntity<Map> importCsv(TestRestTemplate rest, String user, String csv) {
    return post(rest, user, csv, MediaType.parseMediaType("text/csv"));
  }

  @SuppressWarnings("rawtypes")
  static ResponseEntity<Map> importCtf(TestRestTemplate rest, String user, String xml) {
    return post(rest, user, xml, MediaType.APPLICATION_XML);
  }

  @SuppressWarnings("rawtypes")
  static ResponseEntity<Map> post(TestRestTemplate rest, String user, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return rest.withBasicAuth(user, user)
        .exchange("/api/attendance/imports", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  @SuppressWarnings("rawtypes")
  static ResponseEntity<Map> get(TestRestTemplate rest, String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, Map.class);
  }
}
