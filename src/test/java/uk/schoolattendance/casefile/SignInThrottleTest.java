package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.identity.Groups;

/**
 * Camunda's login throttling locks a user for a few seconds after a wrong password (3, then 6, 12
 * … up to 60: application.yaml, login-delay-*). While the user is locked the sign-in page refuses
 * whatever password is given, with the one answer every refusal gets, which says to wait a few
 * seconds after a wrong try (walkthrough item 4): a locked user, a wrong password and an unknown
 * user name read the same, so the page never tells which user names exist. The engine's clock is
 * held still, so the lock's seconds are exact.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class SignInThrottleTest {

  private static final String HASTY = "hasty";
  private static final String PASSWORD = "Amber-Harbour-Compass-58!";
  private static final String NOT_RIGHT = SignInController.NOT_RIGHT;

  @Autowired MockMvc mvc;
  @Autowired IdentityService identityService;

  private Date now;

  @BeforeEach
  void aUserOfThisTestsOwnAndAStillClock() {
    if (identityService.createUserQuery().userId(HASTY).count() == 0) {
      User user = identityService.newUser(HASTY);
      user.setFirstName("Hal");
      user.setLastName("Hasty");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(HASTY, Groups.ATTENDANCE_OFFICERS);
    }
    identityService.unlockUser(HASTY);
    now = new Date((ClockUtil.getCurrentTime().getTime() / 1000) * 1000);
    ClockUtil.setCurrentTime(now);
  }

  @AfterEach
  void resetTheClock() {
    TestClock.reset();
    identityService.unlockUser(HASTY);
  }

  @Test
  void theRightPasswordJustAfterATypoIsToldToWaitAndSignsInOnceTheWaitIsOver() throws Exception {
    assertThat(error(signIn(HASTY, "Amber-Harbour-Compas-58!"))).isEqualTo(NOT_RIGHT);
    assertThat(NOT_RIGHT).contains("tried again too soon after a wrong try: wait a few seconds and try again");

    MockHttpServletResponse tooSoon = signIn(HASTY, PASSWORD);
    assertThat(error(tooSoon)).isEqualTo(NOT_RIGHT);
    assertThat(tooSoon.getStatus()).isEqualTo(200);

    ClockUtil.setCurrentTime(new Date(now.getTime() + 2_000));
    assertThat(error(signIn(HASTY, PASSWORD))).isEqualTo(NOT_RIGHT);

    ClockUtil.setCurrentTime(new Date(now.getTime() + 3_000));
    MockHttpServletResponse signedIn = signIn(HASTY, PASSWORD);
    assertThat(signedIn.getStatus()).isEqualTo(302);
    assertThat(signedIn.getRedirectedUrl()).isEqualTo(Navigation.FIND);
  }

  @Test
  void aLockedUserAWrongPasswordAndAnUnknownUserNameAllReadTheSame() throws Exception {
    signIn(HASTY, "wrong-once");
    assertThat(error(signIn(HASTY, "wrong-twice"))).isEqualTo(error(signIn(HASTY, PASSWORD)))
        .isEqualTo(NOT_RIGHT);
    assertThat(error(signIn("nobody-of-that-name", "wrong-once"))).isEqualTo(NOT_RIGHT);
    assertThat(error(signIn("nobody-of-that-name", "wrong-twice"))).isEqualTo(NOT_RIGHT);
  }

  /** Signs in as a person does: opens the page and sends its form, CSRF token and all. */
  private MockHttpServletResponse signIn(String username, String password) throws Exception {
    MockHttpSession session = new MockHttpSession();
    Document page = Jsoup.parse(mvc.perform(get(SignInController.PATH).session(session)).andReturn().getResponse()
        .getContentAsString());
    return mvc.perform(post(SignInController.PATH).session(session)
            .param("_csrf", page.select("input[name=_csrf]").val())
            .param("username", username)
            .param("password", password))
        .andReturn().getResponse();
  }

  private static String error(MockHttpServletResponse response) throws Exception {
    return Jsoup.parse(response.getContentAsString()).select(".govuk-error-summary a").text();
  }
}
