package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/** "My caseload": the named officer's schools' open cases and the cases with a task given to the officer by name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseloadPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  @Test
  void theNamedOfficerSeesTheirSchoolsOpenCasesAndAnotherOfficerSeesTheCaseWhoseTaskTheyHold() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Pia Caseload", CaseFileCases.newUpn(), "parent-1", "Rob Caseload");
    ProcessInstance closed = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Pat Closedload", CaseFileCases.newUpn(), "parent-1", "Sal Closedload");
    runtimeService.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name()).processInstanceId(closed.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Moved away").correlate();

    CaseFileClient.Page officer = signedIn("officer").get("/casework/caseload");
    assertThat(officer.status()).isEqualTo(200);
    assertThat(officer.html().select("#open-cases").text()).contains("Pia Caseload");
    assertThat(officer.body()).doesNotContain("Pat Closedload");

    // senior is no school's named officer: the case appears once a task of it is theirs
    assertThat(signedIn("senior").get("/casework/caseload").body()).doesNotContain("Pia Caseload");
    String task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult().getId();
    taskService.addCandidateUser(task, "senior");
    assertThat(signedIn("senior").get("/casework/caseload").html().select("#open-cases").text()).contains("Pia Caseload");
  }

  @Test
  void aSchoolOrAManagerHasNoCaseload() {
    assertThat(signedIn("school1").get("/casework/caseload").status()).isEqualTo(403);
    assertThat(signedIn("manager").get("/casework/").html().select("nav").text()).doesNotContain("My caseload");
    assertThat(signedIn("officer").get("/casework/").html().select("nav").text()).contains("My caseload");
  }
}
