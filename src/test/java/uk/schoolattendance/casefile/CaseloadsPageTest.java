package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.CaseFixtures;

/** Every officer's caseload, read-only, for managers and senior practitioners; nobody else finds the page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseloadsPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;

  private CaseFileClient signedIn(String user) {
    return CaseFileClient.signedIn(port, user);
  }

  @Test
  void aManagerSeesEachOfficersCaseloadAndOpensOneAndChangesNothing() {
    new CaseFileCases(runtimeService)
        .start(CaseFixtures.UNIVERSAL_SCHOOL, "Vic Loadcount", CaseFileCases.newUpn(), "parent-1", "Wren Loadcount");
    CaseFileClient manager = signedIn("manager");
    CaseFileClient.Page page = manager.get("/casework/caseloads");
    assertThat(page.status()).isEqualTo(200);
    var officer = page.html().select("#caseloads tr[data-officer=officer]");
    assertThat(officer.text()).contains("Olivia Okafor", "Hillcrest Academy");
    assertThat(Integer.parseInt(officer.select("td").get(2).text())).isGreaterThanOrEqualTo(1);
    assertThat(page.html().select("#caseloads tr[data-officer=senior]").text()).contains("No school");
    assertThat(page.html().select("main form")).isEmpty();

    CaseFileClient.Page list = manager.get(officer.select("a").attr("href"));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.html().select("h1").text()).isEqualTo("Caseload of Olivia Okafor");
    assertThat(list.html().select("#open-cases").text()).contains("Vic Loadcount");
    assertThat(page.html().select("nav").text()).contains("Caseloads");
  }

  @Test
  void officersSchoolsAndUnknownPeopleFindNoPage() {
    assertThat(signedIn("senior").get("/casework/caseloads").status()).isEqualTo(200);
    assertThat(signedIn("officer").get("/casework/caseloads").status()).isEqualTo(403);
    assertThat(signedIn("school1").get("/casework/caseloads/officer").status()).isEqualTo(403);
    assertThat(signedIn("manager").get("/casework/caseloads/compliance").status()).isEqualTo(404);
  }
}
