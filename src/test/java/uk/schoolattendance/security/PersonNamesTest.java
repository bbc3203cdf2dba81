package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Names are names, at every way in (engine REST, the start form's fields, the project's API):
 * markup is refused naming the field and the rule, and real names in every spelling are taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PersonNamesTest {

  static final String START = "/engine-rest/process-definition/key/AttendanceCase/start";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[Sign in again](https://example.org/login)",
        "**Sam** Pupil",
        "Sam_Pupil_",
        "`Sam`",
        "# Sam",
        "Sam Pupil <b>",
        "Sam ![x](https://example.org/p.png)",
        "https://example.org",
        "Sam 2"
      })
  void refusesMarkupInANameAtEveryWayIn(String name) {
    long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase").count();
    String json = AuthorizationTest.JSON.valueToTree(name).toString();
    String parents = "[{\"id\":\"P1\",\"name\":" + json + ",\"address\":\"1 High Street\"}]";
    List<ResponseEntity<String>> answers =
        List.of(
            as("officer").post(START, BadInputCatalogueTest.caseStart("pupilName", json)),
            as("officer").post(START, BadInputCatalogueTest.caseStart("parents", AuthorizationTest.JSON.valueToTree(parents).toString())),
            as("officer").post(START, withStartFormParent(json)),
            as("officer").post("/api/cases", BadInputCatalogueTest.apiCase("pupilName", json)),
            as("officer").post("/api/cases", BadInputCatalogueTest.apiCase("parents", parents)));
    List<String> fields = List.of("pupilName", "parents", "parent1Name", "pupilName", "parents");
    for (int i = 0; i < answers.size(); i++) {
      ResponseEntity<String> answer = answers.get(i);
      assertThat(answer.getStatusCode()).as(i + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      // the field named, by its label where the start form has one: "Pupil's name (pupilName): ..."
      assertThat(answer.getBody()).as(String.valueOf(i)).containsPattern(java.util.regex.Pattern.quote(fields.get(i)) + "\\)?: ");
    }
    assertThat(answers.get(0).getBody()).containsAnyOf(PersonNames.RULE, "must not contain HTML");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase").count()).isEqualTo(cases);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Siobhán O'Brien", "Amelia Smith-Jones", "Mary St. John", "Zoë Łukasiewicz", "José María Núñez", "D\u2019Arcy Ní Bhriain"})
  void acceptsRealNames(String name) {
    String json = AuthorizationTest.JSON.valueToTree(name).toString();
    String parents = "[{\"id\":\"P1\",\"name\":" + json + ",\"address\":\"1 High Street\"}]";
    ResponseEntity<String> started =
        as("officer")
            .post(START, BadInputCatalogueTest.caseStart("pupilName", json).replace("Alex Parent", name));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> api = as("officer").post("/api/cases", BadInputCatalogueTest.apiCase("parents", parents));
    assertThat(api.getStatusCode()).as(api.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  /** A start as Tasklist's start form sends it: the parent in the fields parent1Name and parent1Address. */
  private static String withStartFormParent(String nameJson) {
    String start = BadInputCatalogueTest.caseStart("parents", null);
    return start.substring(0, start.length() - 2)
        + ", \"parent1Name\": {\"value\": " + nameJson + ", \"type\": \"String\"},"
        + " \"parent1Address\": {\"value\": \"1 High Street\", \"type\": \"String\"}}}";
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
