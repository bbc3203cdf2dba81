package uk.schoolattendance.security;

import static uk.schoolattendance.security.RestAuthenticationTest.basic;
import static uk.schoolattendance.security.RestAuthenticationTest.jsonHeaders;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Calls the application's APIs as one of the demo users (password = user id), JSON in and out. */
record AsUser(TestRestTemplate rest, String user) {

  ResponseEntity<String> get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  ResponseEntity<String> post(String path, String body) {
    return exchange(HttpMethod.POST, path, body);
  }

  ResponseEntity<String> put(String path, String body) {
    return exchange(HttpMethod.PUT, path, body);
  }

  ResponseEntity<String> delete(String path) {
    return exchange(HttpMethod.DELETE, path, null);
  }

  ResponseEntity<String> exchange(HttpMethod method, String path, String body) {
    return rest.exchange(path, method, new HttpEntity<>(body, jsonHeaders(basic(user, user))), String.class);
  }
}
