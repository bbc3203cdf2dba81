package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Common passwords are refused even when they meet the length and character rules, and the
 * answer says why: a common word with digits and a symbol added is what attackers try first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PasswordPolicyTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @ParameterizedTest
  @ValueSource(strings = {"Password1!", "Welcome123!", "Summer2026!", "P@ssw0rd2024!", "Liverpool#1892", "!Qwerty12345", "Football99!!"})
  void refusesACommonPasswordSayingWhy(String password) {
    String id = "common-" + Math.abs(password.hashCode());
    ResponseEntity<String> answer =
        as("demo").post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + id + "\", \"firstName\": \"Sam\"}, \"credentials\": {\"password\": \"" + password + "\"}}");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("password:").contains("common password");
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();

    User direct = identityService.newUser(id);
    direct.setPassword(password);
    assertThatThrownBy(() -> identityService.saveUser(direct)).hasMessageContaining("Password does not match policy");
    assertThat(identityService.checkPasswordAgainstPolicy(password).getViolatedRules())
        .extracting(rule -> rule.getPlaceholder())
        .contains(CommonPasswords.PLACEHOLDER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Attendance-Lantern-42", "plum Quarry 7 velvet!"})
  void acceptsAPassphraseThatIsNotCommon(String password) {
    String id = "strong-" + Math.abs(password.hashCode());
    ResponseEntity<String> answer =
        as("demo").post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + id + "\", \"firstName\": \"Sam\"}, \"credentials\": {\"password\": \"" + password + "\"}}");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identityService.checkPassword(id, password)).isTrue();
    identityService.deleteUser(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Welcome123!"})
  void refusesAChangeToACommonPassword(String password) {
    String id = "changer";
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword("Heron-Cobalt-Sixty-9");
      identityService.saveUser(user);
    }
    ResponseEntity<String> answer =
        as("demo").put("/engine-rest/user/" + id + "/credentials", "{\"password\": \"" + password + "\", \"authenticatedUserPassword\": \"demo\"}");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("password:").contains("common password");
    assertThat(identityService.checkPassword(id, "Heron-Cobalt-Sixty-9")).isTrue();
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
