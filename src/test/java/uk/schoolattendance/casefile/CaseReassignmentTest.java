package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.casework.CaseReassignment;
import uk.schoolattendance.identity.Groups;

/**
 * A senior practitioner gives a case to another officer: its open task held by the officer moves,
 * later tasks follow, the timeline says who, from whom to whom and why, and both caseloads change.
 * An officer or a manager is refused by the engine's authorizations and nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseReassignmentTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CaseReassignment reassignment;
  @Autowired CaseCorrections corrections;

  private CaseFileClient signedIn(String user) {
    return CaseFileClient.signedIn(port, user);
  }

  @Test
  void aSeniorPractitionerGivesACaseToAnotherOfficerAndItsTasksAndTimelineFollow() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started =
        cases.start(CaseFixtures.TRADED_SCHOOL, "Ada Moveon", CaseFileCases.newUpn(), "parent-1", "Ben Moveon");
    String reference = cases.referenceOf(started);
    Task task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
    assertThat(candidateUsers(task)).containsExactly("officer");
    taskService.claim(task.getId(), "officer");

    CaseFileClient senior = signedIn("senior");
    CaseFileClient.Page casePage = senior.get("/casework/cases/" + reference);
    assertThat(casePage.html().select("#facts").text()).contains("Officer Olivia Okafor");
    CaseFileClient.Page form = senior.get(casePage.html().select("#give-to-officer").attr("href"));
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.html().select("#officer-now").text()).contains("Olivia Okafor");
    assertThat(form.html().select("input[name=officer]").eachAttr("value")).contains("senior").doesNotContain("officer");

    CaseFileClient.Page refused = senior.post(form, "#officer-form", Map.of("officer", "senior", "reason", " "));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary").text()).contains("Enter why the case changes officer");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("officer");

    CaseFileClient.Page done = senior.post(form, "#officer-form", Map.of("officer", "senior", "reason", "Olivia is on leave until June"));
    assertThat(done.status()).isEqualTo(302);
    Task moved = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(moved.getAssignee()).isEqualTo("senior");
    assertThat(candidateUsers(moved)).containsExactly("senior");
    assertThat(runtimeService.getVariable(started.getId(), AttendanceCase.CASE_OFFICER.name())).isEqualTo("senior");

    CaseFileClient.Page after = senior.get(done.location().replace(senior.base(), ""));
    assertThat(after.html().select("#done").text()).contains("The case has been given to another officer");
    assertThat(after.html().select("#facts").text()).contains("Officer Samir Shah");
    assertThat(after.html().select("#timeline").text())
        .contains("Case given to another officer", "Olivia Okafor → Samir Shah. Reason: Olivia is on leave until June", "Samir Shah");

    // the caseloads follow the case: the school's named officer no longer holds it, the new officer does
    assertThat(signedIn("officer").get("/casework/caseload").body()).doesNotContain("Ada Moveon");
    assertThat(senior.get("/casework/caseload").html().select("#open-cases").text()).contains("Ada Moveon");
    assertThat(signedIn("manager").get("/casework/caseloads/senior").html().select("#open-cases").text()).contains("Ada Moveon");

    // the case's later work is offered to its new officer, not to the school's named officer
    taskService.complete(task.getId(), Map.of(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), "refer-to-la"));
    List<Task> next = taskService.createTaskQuery().processInstanceId(started.getId()).list();
    assertThat(next).isNotEmpty();
    next.forEach(open -> assertThat(candidateUsers(open)).as(open.getName()).containsExactly("senior"));
  }

  @Test
  void anOfficerOrAManagerCannotGiveACaseAwayAndNothingChanges() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started =
        cases.start(CaseFixtures.TRADED_SCHOOL, "Cy Staysput", CaseFileCases.newUpn(), "parent-1", "Di Staysput");
    String reference = cases.referenceOf(started);
    Task task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
    for (String user : new String[] {"officer", "manager"}) {
      CaseFileClient person = signedIn(user);
      CaseFileClient.Page page = person.get("/casework/cases/" + reference);
      assertThat(page.status()).as(user).isEqualTo(200);
      assertThat(page.html().select("#give-to-officer")).as(user).isEmpty();
      assertThat(person.get("/casework/cases/" + reference + "/officer").status()).as(user).isEqualTo(404);
      String token = page.html().select("input[name=_csrf]").attr("value");
      CaseFileClient.Page refused = person.postForm("/casework/cases/" + reference + "/officer",
          Map.of("_csrf", token, "officer", "senior", "reason", "by " + user));
      assertThat(refused.status()).as(user).isEqualTo(403);
    }
    assertThat(candidateUsers(taskService.createTaskQuery().taskId(task.getId()).singleResult())).containsExactly("officer");
    assertThat(runtimeService.getVariable(started.getId(), AttendanceCase.CASE_OFFICER.name())).isNull();
    assertThat(signedIn("senior").get("/casework/cases/" + reference).html().select("#timeline").text())
        .doesNotContain("Case given to another officer");
    // a school finds no such page for another school's case
    assertThat(signedIn("school2").get("/casework/cases/" + reference + "/officer").status()).isEqualTo(404);
  }

  @Test
  void aCaseGivenToAnOfficerKeepsItsOfficerWhenItsSchoolIsCorrected() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started =
        cases.start(CaseFixtures.TRADED_SCHOOL, "Eli Schoolswap", CaseFileCases.newUpn(), "parent-1", "Fay Schoolswap");
    String reference = cases.referenceOf(started);
    identityService.setAuthentication("senior", List.of(Groups.SENIOR_PRACTITIONERS, Groups.ATTENDANCE_OFFICERS));
    try {
      reassignment.reassign(reference, "senior", "Samir knows the family");
      corrections.correct(reference, AttendanceCase.SCHOOL_URN.name(), CaseFixtures.UNIVERSAL_SCHOOL, "Entered at the wrong school");
      corrections.correct(reference, AttendanceCase.SCHOOL_URN.name(), CaseFixtures.TRADED_SCHOOL, "The right school after all");
    } finally {
      identityService.clearAuthentication();
    }
    Task task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
    assertThat(candidateUsers(task)).containsExactly("senior");
  }

  private List<String> candidateUsers(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId)
        .toList();
  }
}
