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

  /**
   * A case the school closed at Level 1 as no longer needed reads so in its school's list (with the
   * reason's words and the explanation), on its case page and in its timeline: never "Attendance improved".
   */
  @Test
  void aCaseClosedAsNoLongerNeededReadsSoWithItsReasonNotAsImproved() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance moved = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Nell Movedaway", CaseFileCases.newUpn(), "parent-1", "Di Movedaway");
    String reference = cases.referenceOf(moved);
    org.camunda.bpm.engine.task.Task intervene = taskService.createTaskQuery().processInstanceId(moved.getId()).singleResult();
    taskService.complete(intervene.getId(), java.util.Map.of(
        AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), "no-longer-needed",
        AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "moved-away",
        AttendanceCase.NO_LONGER_NEEDED_EXPLANATION.name(), "The family moved to Leeds; confirmed by the new school"));

    CaseFileClient school = signedIn("school2");
    String closed = school.get("/casework/school").html().select("#closed-cases").text();
    assertThat(closed).contains("Nell Movedaway",
        "No longer needed: The pupil has moved away from the area: The family moved to Leeds; confirmed by the new school");
    CaseFileClient.Page casePage = school.get("/casework/cases/" + reference);
    assertThat(casePage.status()).isEqualTo(200);
    assertThat(casePage.body()).contains("No longer needed").doesNotContain("Attendance improved");
    assertThat(casePage.html().select("#timeline").text())
        .contains("School intervention: case no longer needed", "no longer needed: The pupil has moved away from the area");
  }

  @Autowired org.camunda.bpm.engine.TaskService taskService;

  @Test
  void someoneWhoIsNoSchoolsStaffHasNoSuchPageOrLink() {
    CaseFileClient officer = signedIn("officer");
    assertThat(officer.get("/casework/").html().select("nav").text()).doesNotContain("My school's cases");
    assertThat(officer.get("/casework/school").status()).isEqualTo(403);
  }
}
