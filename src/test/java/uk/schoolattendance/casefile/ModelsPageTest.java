package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An analyst, who sees no case data, lands on the deployed processes, decisions and forms with
 * their versions (when, by whom, a link to Cockpit) and how to change and deploy them, not on
 * "Find a pupil"; every other role keeps "Find a pupil" and finds no such page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ModelsPageTest {

  static final String MODELS = "Processes, decisions and forms";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

  @Test
  void anAnalystLandsOnTheDeployedModelsAndNotOnFindAPupil() {
    CaseFileClient analyst = new CaseFileClient(port);
    CaseFileClient.Page signedIn = analyst.signIn("analyst");
    assertThat(signedIn.status()).isEqualTo(302);
    CaseFileClient.Page landing = analyst.get(signedIn.location().replace(analyst.base(), ""));
    assertThat(landing.status()).isEqualTo(302);
    assertThat(landing.location()).endsWith(Navigation.MODELS);

    CaseFileClient.Page page = analyst.get(Navigation.MODELS);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1").text()).isEqualTo(MODELS);
    assertThat(page.html().select("nav").text()).contains(MODELS).doesNotContain("Find a pupil");
    assertThat(page.html().select("footer").text()).doesNotContain("Find a pupil");

    String process = repositoryService.createProcessDefinitionQuery().processDefinitionKey("AttendanceCase").latestVersion().singleResult().getId();
    var attendanceCase = page.html().select("#processes tbody[data-key=AttendanceCase]");
    assertThat(attendanceCase.text()).contains("AttendanceCase", "The application, at start-up");
    assertThat(attendanceCase.select("a").eachAttr("href"))
        .contains("/camunda/app/cockpit/default/#/process-definition/" + process + "/runtime");
    assertThat(page.html().select("#decisions tbody[data-key=AttendanceBand] a").attr("href"))
        .startsWith("/camunda/app/cockpit/default/#/decision-definition/AttendanceBand:");
    assertThat(page.html().select("#forms tbody").eachAttr("data-key")).anyMatch(form -> form.endsWith(".form"));
    assertThat(page.html().select("#forms a").attr("href")).startsWith("/camunda/app/cockpit/default/#/repository?deployment=");
    assertThat(page.html().select("#how-to-change").text())
        .contains("Camunda Modeler", "element-templates/", "docs/analysts.md", "Deploy", "/engine-rest");
    // no case data anywhere on the page
    assertThat(page.text()).doesNotContain("AC-20");
  }

  @Test
  void aVersionTheAnalystDeploysIsListedWithTheirNameAndVersion() {
    try {
      deploy("first");
      deploy("second");
      CaseFileClient.Page page = CaseFileClient.signedIn(port, "analyst").get(Navigation.MODELS);
      var probe = page.html().select("#decisions tbody[data-key=Decision_ModelsProbe] tr");
      assertThat(probe).hasSize(2);
      assertThat(probe.get(0).attr("data-version")).isEqualTo("2");
      assertThat(probe.get(0).text()).contains("Alex Adeyemi", "models-probe");
      assertThat(probe.get(1).attr("data-version")).isEqualTo("1");
    } finally {
      repositoryService.createDeploymentQuery().deploymentName("models-probe").list()
          .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "officer", "manager", "compliance", "school2", "datateam"})
  void everyOtherRoleKeepsFindAPupilAndFindsNoModelsPage(String user) {
    CaseFileClient person = CaseFileClient.signedIn(port, user);
    CaseFileClient.Page find = person.get(Navigation.FIND);
    assertThat(find.status()).isEqualTo(200);
    assertThat(find.html().select("nav").text()).contains("Find a pupil").doesNotContain(MODELS);
    assertThat(person.get(Navigation.MODELS).status()).isEqualTo(403);
  }

  private void deploy(String output) {
    String dmn =
        "<?xml version='1.0' encoding='UTF-8'?>"
            + "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' xmlns:camunda='http://camunda.org/schema/1.0/dmn' id='Definitions_ModelsProbe' name='Models probe' namespace='http://example.org'>"
            + "<decision id='Decision_ModelsProbe' name='Models probe' camunda:historyTimeToLive='P1D'><decisionTable id='Table_ModelsProbe'>"
            + "<input id='Input_1'><inputExpression id='Input_Expression' typeRef='string'><text>pupilName</text></inputExpression></input>"
            + "<output id='Output_1' name='result' typeRef='string'/>"
            + "<rule id='Rule_1'><inputEntry id='Entry_1'><text>-</text></inputEntry><outputEntry id='Out_1'><text>\"" + output + "\"</text></outputEntry></rule>"
            + "</decisionTable></decision></definitions>";
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "models-probe");
    form.add("deployment-source", "analyst");
    form.add("model", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "ModelsProbe.dmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8)));
    ResponseEntity<String> answer = rest.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
  }
}
