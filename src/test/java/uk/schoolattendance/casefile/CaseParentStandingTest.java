package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A parent's relationship to the child, parental responsibility and day-to-day care (EA 1996
 * s576) recorded when a parent is added, on the case page and through the API
 * ({@code POST /api/cases/{reference}/parents}), shown on the case page ("Not recorded" for a
 * parent without them); a value not allowed is refused naming its field and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseParentStandingTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TestRestTemplate rest;

  private final CaseFileCases cases() {
    return new CaseFileCases(runtimeService);
  }

  private String newCase(String pupil) {
    ProcessInstance started = cases().start(CaseFixtures.UNIVERSAL_SCHOOL, pupil, CaseFileCases.newUpn(), "parent-1", "Gail Marsh");
    return cases().referenceOf(started);
  }

  private String parents(String reference) {
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    return String.valueOf(runtimeService.getVariable(caseId, AttendanceCase.PARENTS.name()));
  }

  private ResponseEntity<String> api(String user, String reference, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(
        "/api/cases/" + reference + "/parents", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void anOfficerAddsAParentWithTheirRelationshipOnTheCasePageAndTheCasePageShowsIt() {
    String reference = newCase("Hal Marsh");
    CaseFileClient officer = CaseFileClient.signedIn(port, "officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    assertThat(page.html().select("#parent-relationship option").eachAttr("value"))
        .containsExactly("", "mother", "father", "step-parent", "carer", "other");
    // the case's first parent was recorded without them
    assertThat(page.html().select("#parents").text()).contains("Gail Marsh", "Relationship: Not recorded", "Responsibility: Not recorded");

    String before = parents(reference);
    CaseFileClient.Page refused = officer.post(page, "#parent-form", Map.of("parent-name", "Ray Marsh",
        "parent-address", "2 Quay Street, Southend SS1 9QQ", "parent-relationship", "uncle"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select("#parent-relationship-error").text()).contains("Relationship to the child", "'uncle' is not allowed");
    assertThat(refused.html().select("#parent-name").attr("value")).isEqualTo("Ray Marsh");
    assertThat(parents(reference)).isEqualTo(before);

    CaseFileClient.Page added = officer.post(page, "#parent-form", Map.of("parent-name", "Ray Marsh",
        "parent-address", "2 Quay Street, Southend SS1 9QQ", "parent-relationship", "step-parent",
        "parent-responsibility", "no", "parent-care", "yes"));
    assertThat(added.status()).isEqualTo(302);
    assertThat(parents(reference)).contains(
        "\"name\":\"Ray Marsh\",\"address\":\"2 Quay Street, Southend SS1 9QQ\","
            + "\"relationship\":\"step-parent\",\"parentalResponsibility\":false,\"dayToDayCare\":true");
    CaseFileClient.Page after = officer.get("/casework/cases/" + reference);
    assertThat(after.html().select("#parents .govuk-summary-list__row").last().text())
        .contains("Ray Marsh", "Relationship: Step-parent", "Responsibility: No parental responsibility; day-to-day care");
    assertThat(after.html().select("#timeline li").first().text())
        .contains("Ray Marsh", "Step-parent; no parental responsibility; day-to-day care");
  }

  @Test
  void theApiAddsAParentForOfficersAndRefusesSchoolsUnknownCasesAndBadFields() {
    String reference = newCase("Ivy Marsh");
    String before = parents(reference);
    String ray = "{\"name\": \"Ray Marsh\", \"address\": \"2 Quay Street, Southend SS1 9QQ\","
        + " \"relationship\": \"father\", \"parentalResponsibility\": true, \"dayToDayCare\": false}";

    assertThat(api("school2", reference, ray).getStatusCode().value()).isEqualTo(403);
    // the role first: a school learns nothing from its input being read (403, not 400)
    assertThat(api("school2", reference, "{\"address\": \"2 Quay Street\"}").getStatusCode().value()).isEqualTo(403);
    assertThat(api("school2", reference, ray.replace("father", "uncle")).getStatusCode().value()).isEqualTo(403);
    assertThat(api("officer", "AC-1999-000001", ray).getStatusCode().value()).isEqualTo(404);
    ResponseEntity<String> badRelationship = api("officer", reference, ray.replace("father", "uncle"));
    assertThat(badRelationship.getStatusCode().value()).isEqualTo(400);
    assertThat(badRelationship.getBody()).contains("\"field\":\"relationship\"", "'uncle' is not allowed");
    ResponseEntity<String> noName = api("officer", reference, "{\"address\": \"2 Quay Street\"}");
    assertThat(noName.getStatusCode().value()).isEqualTo(400);
    assertThat(noName.getBody()).contains("\"field\":\"name\"");
    assertThat(parents(reference)).isEqualTo(before);

    ResponseEntity<String> added = api("senior", reference, ray);
    assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
    assertThat(added.getBody()).contains("\"caseReference\":\"" + reference + "\"", "Ray Marsh");
    assertThat(parents(reference)).contains("Gail Marsh",
        "\"relationship\":\"father\",\"parentalResponsibility\":true,\"dayToDayCare\":false");
    // an existing caller that sends only the name and address is served as before
    ResponseEntity<String> plain = api("officer", reference, "{\"name\": \"Jo Marsh\", \"address\": \"3 Quay Street\"}");
    assertThat(plain.getStatusCode().value()).as(plain.getBody()).isEqualTo(201);
    assertThat(parents(reference)).contains("\"name\":\"Jo Marsh\",\"address\":\"3 Quay Street\"}");
  }
}
