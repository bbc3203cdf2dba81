package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/** "My school's cases": a school's own cases, open and closed, never another school's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SchoolCasesPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  @Test
  void aSchoolSeesItsOpenCasesWithTheirHolderAndItsClosedCasesWithTheirOutcome() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Opal Schoolcase", CaseFileCases.newUpn(), "parent-1", "Amy Schoolcase");
    ProcessInstance ended = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Omar Schoolcase", CaseFileCases.newUpn(), "parent-1", "Bo Schoolcase");
    runtimeService.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name()).processInstanceId(ended.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Left for home education").correlate();
    cases.start(CaseFixtures.TRADED_SCHOOL, "Orla Elsewhere", CaseFileCases.newUpn(), "parent-1", "Cy Elsewhere");

    CaseFileClient.Page page = signedIn("school2").get("/casework/school");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("nav a[aria-current=page]").text()).isEqualTo("My school's cases");
    String open = page.html().select("#open-cases").text();
    assertThat(open).contains("Opal Schoolcase", "Level 1", "Intervene in school: Hillcrest Academy");
    assertThat(page.html().select("#closed-cases").text()).contains("Omar Schoolcase", "Closed early: Left for home education");
    assertThat(page.body()).doesNotContain("Orla Elsewhere");
    assertThat(signedIn("school1").get("/casework/school").body()).contains("Orla Elsewhere").doesNotContain("Opal Schoolcase");
  }

  @Test
  void someoneWhoIsNoSchoolsStaffHasNoSuchPageOrLink() {
    CaseFileClient officer = signedIn("officer");
    assertThat(officer.get("/casework/").html().select("nav").text()).doesNotContain("My school's cases");
    assertThat(officer.get("/casework/school").status()).isEqualTo(403);
  }
}
