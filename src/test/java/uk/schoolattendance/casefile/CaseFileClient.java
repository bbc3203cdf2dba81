package uk.schoolattendance.casefile;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One person at a browser without JavaScript, for the case file's page tests: a cookie jar, no
 * redirects followed (tests see them), pages read as HTML, forms sent with the page's CSRF token.
 */
public final class CaseFileClient {

  private final String base;
  private final HttpClient http;

  public CaseFileClient(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A page as answered: its status, where it redirects, and its HTML. */
  public record Page(int status, String location, Document html, String body) {

    public String text() {
      return html.text();
    }
  }

  /** Signs in through the case file's sign-in page (the Camunda webapps' session) and answers where it sent the person. */
  public Page signIn(String user, String password) {
    Page form = get("/casework/sign-in");
    return post(form, "form[action$=sign-in]", Map.of("username", user, "password", password));
  }

  public Page signIn(String user) {
    return signIn(user, user);
  }

  /** A demo user (password as the id) signed in to the application on this port. */
  public static CaseFileClient signedIn(int port, String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Sends the form of a page (chosen by a CSS selector) with its hidden fields, the CSRF token among them, and these values. */
  public Page post(Page page, String formSelector, Map<String, String> values) {
    var form = page.html().selectFirst(formSelector);
    if (form == null) {
      throw new AssertionError("no form " + formSelector + " in " + page.text());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
    fields.putAll(values);
    String action = form.attr("action");
    return postForm(action, fields);
  }

  /** A form sent as given: no CSRF token unless the fields hold one. */
  public Page postForm(String path, Map<String, String> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
  }

  /**
   * A form sent to {@code path} with these fields and the CSRF token of {@code page}'s first form, if it has
   * one: what a person could send to an address whose form their page does not show them.
   */
  public Page postFormWithTokenOf(Page page, String path, Map<String, String> fields) {
    Map<String, String> sent = new LinkedHashMap<>(fields);
    page.html().select("form input[name=_csrf]").stream().findFirst()
        .ifPresent(token -> sent.put("_csrf", token.attr("value")));
    return postForm(path, sent);
  }

  /** A form sent as given, a name repeated for each value (a form's several inputs of one name): {@code name=value} pairs. */
  public Page postPairs(String path, List<String[]> pairs) {
    List<String> encoded = new ArrayList<>();
    pairs.forEach(pair -> encoded.add(encode(pair[0]) + "=" + encode(pair[1])));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", encoded))));
  }

  /** Sends a request with this person's cookies. */
  public HttpResponse<byte[]> raw(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String base() {
    return base;
  }

  private Page send(HttpRequest.Builder request) {
    HttpResponse<byte[]> response = raw(request);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    return new Page(
        response.statusCode(), response.headers().firstValue("Location").orElse(null), Jsoup.parse(body, base), body);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
