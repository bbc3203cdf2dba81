package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.identity.Groups;

/**
 * One login with the Camunda webapps: signing in to the case file signs the person in to
 * Tasklist's API with the same session; a visitor who is not signed in is sent to sign in and
 * back; every change needs the page's CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseFileSignInTest {

  private static final String MISTYPER = "mistyper";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void aVisitorWhoIsNotSignedInIsSentToSignInAndBackToThePageAskedFor() {
    CaseFileClient person = new CaseFileClient(port);
    CaseFileClient.Page page = person.get("/casework/?q=smith");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/casework/sign-in?next=%2Fcasework%2F%3Fq%3Dsmith");

    CaseFileClient.Page form = person.get("/casework/sign-in?next=%2Fcasework%2F%3Fq%3Dsmith");
    assertThat(form.html().select("h1").text()).isEqualTo("Sign in");
    assertThat(form.html().select("label[for=username]").text()).isEqualTo("User name");
    CaseFileClient.Page signedIn =
        person.post(form, "form[action$=sign-in]", Map.of("username", "officer", "password", "officer"));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/casework/?q=smith");
    assertThat(person.get("/casework/?q=smith").html().select("h1").text()).isEqualTo("Find a pupil");
  }

  @Test
  void signingInToTheCaseFileSignsInToTasklistsApiWithTheSameSession() {
    CaseFileClient person = new CaseFileClient(port);
    assertThat(person.raw(tasklistCount(person)).statusCode()).isEqualTo(401);
    person.signIn("officer");
    assertThat(person.raw(tasklistCount(person)).statusCode()).isEqualTo(200);
    assertThat(person.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"officer\"");
  }

  @Test
  void aWrongPasswordIsRefusedWithTheErrorSummaryAndNothingSignedIn() {
    // a person of this test's own: a refused password holds the user's next sign-in back for a
    // few seconds (the engine's login throttling), which must not slow down another test's user
    if (identityService.createUserQuery().userId(MISTYPER).count() == 0) {
      User user = identityService.newUser(MISTYPER);
      user.setFirstName("Mo");
      user.setLastName("Mistyper");
      user.setPassword("Velvet-Canyon-Lantern-47!");
      identityService.saveUser(user);
      identityService.createMembership(MISTYPER, Groups.ATTENDANCE_OFFICERS);
    }
    CaseFileClient person = new CaseFileClient(port);
    CaseFileClient.Page refused = person.signIn(MISTYPER, "not-the-password");
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#username");
    assertThat(refused.html().title()).startsWith("Error: Sign in");
    assertThat(person.get("/casework/").status()).isEqualTo(302);
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefusedAndSignsNobodyOut() {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn("officer");
    assertThat(person.postForm("/casework/sign-out", Map.of()).status()).isEqualTo(403);
    assertThat(person.get("/casework/").status()).isEqualTo(200);

    CaseFileClient.Page home = person.get("/casework/");
    CaseFileClient.Page out = person.post(home, "form[action$=sign-out]", Map.of());
    assertThat(out.status()).isEqualTo(302);
    assertThat(person.get("/casework/").status()).isEqualTo(302);
    assertThat(person.raw(tasklistCount(person)).statusCode()).isEqualTo(401);
  }

  @Test
  void signInSendsPeopleBackOnlyToThisApplicationsPages() {
    assertThat(SignInControllerAccess.safeNext("/casework/cases/AC-2026-000001")).isEqualTo("/casework/cases/AC-2026-000001");
    assertThat(SignInControllerAccess.safeNext("/camunda/app/tasklist/")).isEqualTo("/camunda/app/tasklist/");
    assertThat(SignInControllerAccess.safeNext("https://evil.example/")).isEqualTo("/casework/");
    assertThat(SignInControllerAccess.safeNext("//evil.example/casework/")).isEqualTo("/casework/");
    assertThat(SignInControllerAccess.safeNext("/casework/\\evil")).isEqualTo("/casework/");
  }

  /** An analyst has no Tasklist: opening it in a browser answers 403 with the service's page, not the server's bare one. */
  @Test
  void aWebappARoleCannotOpenAnswersWithAPageThatSaysSo() {
    CaseFileClient analyst = CaseFileClient.signedIn(port, "analyst");
    var answer = analyst.raw(HttpRequest.newBuilder(URI.create(analyst.base() + "/camunda/app/tasklist/default/"))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    String page = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(org.jsoup.Jsoup.parse(page).select("h1").text()).isEqualTo("You cannot open this page");
    assertThat(page).doesNotContain("Whitelabel");
    inTheCaseFilesLayout(org.jsoup.Jsoup.parse(page));
  }

  /**
   * Every page a role does not include answers the same way, 403 "You cannot open this page", in the case
   * file's layout (header with the council's name, navigation, sign out, footer): a school's failed moves and
   * registrations were a bare page, and its register, caseloads and models a "Page not found" (walk 14, defect 2).
   */
  @Test
  void everyPageARoleDoesNotIncludeIsRefusedOneWayInTheCaseFilesLayout() {
    CaseFileClient school = CaseFileClient.signedIn(port, "school1");
    for (String page : java.util.List.of("/casework/failed-moves", "/casework/registrations", "/casework/register",
        Navigation.CASELOADS, Navigation.MODELS, Navigation.CASELOAD)) {
      CaseFileClient.Page answer = school.get(page);
      assertThat(answer.status()).as(page).isEqualTo(403);
      assertThat(answer.html().select("h1").text()).as(page).isEqualTo("You cannot open this page");
      inTheCaseFilesLayout(answer.html());
    }
    CaseFileClient.Page figures = CaseFileClient.signedIn(port, "analyst").get(Navigation.SCHOOL);
    assertThat(figures.status()).isEqualTo(403);
    inTheCaseFilesLayout(figures.html());
  }

  private static void inTheCaseFilesLayout(org.jsoup.nodes.Document page) {
    assertThat(page.select("header .casefile-header__authority").text()).isNotBlank();
    assertThat(page.title()).endsWith(page.select("header .casefile-header__authority").text());
    assertThat(page.select("form[action$=sign-out] button").text()).isEqualTo("Sign out");
    assertThat(page.select("nav[aria-label=Menu] a")).isNotEmpty();
    assertThat(page.select("footer")).isNotEmpty();
  }

  /** The footer links to Tasklist only for those who may open it, and to "Find a pupil" only for those it finds cases for. */
  @Test
  void theFooterLinksToTasklistOnlyForThoseWhoMayOpenIt() {
    assertThat(CaseFileClient.signedIn(port, "analyst").get(Navigation.MODELS).html().select("footer a").eachText())
        .doesNotContain("Find a pupil", "Tasklist");
    assertThat(CaseFileClient.signedIn(port, "officer").get("/casework/").html().select("footer a").eachText())
        .contains("Find a pupil", "Tasklist");
  }

  private static HttpRequest.Builder tasklistCount(CaseFileClient person) {
    return HttpRequest.newBuilder(URI.create(person.base() + "/camunda/api/engine/engine/default/task/count")).GET();
  }

  /** The sign-in controller's rule for where to go back to. */
  static final class SignInControllerAccess {
    static String safeNext(String next) {
      return SignInController.safeNext(next);
    }
  }
}
