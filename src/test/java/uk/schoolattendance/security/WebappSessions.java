package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A person's session in the Camunda webapps, for the tests that call the webapps' own API. */
final class WebappSessions {

  private WebappSessions() {}

  /** Signs in to Tasklist as a person does (session cookie and CSRF token) and answers the headers to call its API with. */
  static HttpHeaders tasklist(TestRestTemplate rest, String user) {
    return signIn(rest, "tasklist", user);
  }

  /** Signs in to one webapp (tasklist, cockpit, admin) as a person does and answers the headers to call its API with. */
  static HttpHeaders signIn(TestRestTemplate rest, String app, String user) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String session = cookie(cookies, "JSESSIONID");
    String csrf = cookie(cookies, "XSRF-TOKEN");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf);
    headers.add("X-XSRF-TOKEN", csrf);
    ResponseEntity<String> login =
        rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> renewed = login.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (renewed != null && renewed.stream().anyMatch(c -> c.startsWith("JSESSIONID="))) {
      session = cookie(renewed, "JSESSIONID");
    }
    // the signed-in session gets its own CSRF token with its next read, as the webapp's next page load does
    HttpHeaders read = new HttpHeaders();
    read.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    List<String> fetched =
        rest.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.GET, new HttpEntity<>(read), String.class)
            .getHeaders().get(HttpHeaders.SET_COOKIE);
    if (fetched != null && fetched.stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))) {
      csrf = cookie(fetched, "XSRF-TOKEN");
    }
    HttpHeaders api = new HttpHeaders();
    api.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf);
    api.add("X-XSRF-TOKEN", csrf);
    return api;
  }

  /** The value of one cookie among a response's Set-Cookie headers. */
  static String cookie(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
  }
}
