package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.process.Upn;

/**
 * Who does a case's work (issue #12 item 16, Southend's model, seed 000): a school that buys the
 * traded service has its named officer do its Level 1–3 casework, with the officers' team as the
 * fallback at Levels 2–3 (Level 1 is the named officer's alone, contract.md); a school with the universal service only does Levels 2–3 itself; from Level 4 the
 * LA's officer work goes to every school's named officer, with the team behind. A task offered to
 * the named officer shows in that officer's "My tasks"; a colleague claims it through the team.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseRoutingTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aTradedSchoolsLevel2And3WorkIsItsNamedOfficersWithTheTeamBehind() throws Exception {
    Task meeting = openCase(CaseFixtures.TRADED_SCHOOL, Upn.of(801_600_000_011L), 2);
    assertThat(meeting.getTaskDefinitionKey()).isEqualTo(AttendanceCase.HOLD_ATTENDANCE_MEETING.id());
    assertThat(candidates(meeting)).containsExactlyInAnyOrder("user:officer", "group:attendance-officers");

    // the named officer finds it in "My tasks"; a colleague of the team does not, but in the team's list
    assertThat(filterList("officer", "My tasks")).contains(meeting.getId());
    assertThat(filterList("senior", "My tasks")).doesNotContain(meeting.getId());
    assertThat(filterList("senior", "My team's tasks")).contains(meeting.getId());
    // the school buys the service: it does not see the LA's task
    assertThat(call("school1", HttpMethod.GET, "/engine-rest/task/" + meeting.getId(), null).getStatusCode().value())
        .isIn(403, 404);
    assertThat(filterList("school1", "My school's tasks")).doesNotContain(meeting.getId());

    // the named officer is away: a colleague claims it through the team and completes it
    assertThat(call("senior", HttpMethod.POST, "/engine-rest/task/" + meeting.getId() + "/claim", "{\"userId\": \"senior\"}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(filterList("senior", "My tasks")).contains(meeting.getId());
    assertThat(call("senior", HttpMethod.POST, "/engine-rest/task/" + meeting.getId() + "/complete",
        "{\"variables\": {\"attendanceTarget\": {\"value\": 92.0}}}").getStatusCode().value()).isEqualTo(204);

    Task casework = openCase(CaseFixtures.TRADED_SCHOOL, Upn.of(801_600_000_012L), 3);
    assertThat(casework.getTaskDefinitionKey()).isEqualTo(AttendanceCase.WORK_WITH_FAMILY.id());
    assertThat(candidates(casework)).containsExactlyInAnyOrder("user:officer", "group:attendance-officers");
  }

  @Test
  void aTradedSchoolsLevel1WorkIsItsNamedOfficersAloneInsteadOfTheSchool() throws Exception {
    // contract.md: Level 1 goes to the school's named officer instead of the school; the team is
    // the fallback at Levels 2-3 only, so other officers are not offered it
    Task intervention = openCase(CaseFixtures.TRADED_SCHOOL, Upn.of(801_600_000_013L), 1);
    assertThat(candidates(intervention)).containsExactly("user:officer");
    assertThat(filterList("officer", "My tasks")).contains(intervention.getId());
    assertThat(filterList("senior", "My team's tasks")).doesNotContain(intervention.getId());
    assertThat(filterList("school1", "My school's tasks")).doesNotContain(intervention.getId());
  }

  @Test
  void aUniversalSchoolDoesLevel1Itself() throws Exception {
    Task intervention = openCase(CaseFixtures.UNIVERSAL_SCHOOL, Upn.of(801_600_000_014L), 1);
    assertThat(candidates(intervention)).containsExactly("group:school-100002");
    assertThat(filterList("school2", "My school's tasks")).contains(intervention.getId());
  }

  @Test
  void aUniversalSchoolDoesLevels2And3Itself() throws Exception {
    Task meeting = openCase(CaseFixtures.UNIVERSAL_SCHOOL, Upn.of(801_600_000_021L), 2);
    assertThat(candidates(meeting)).containsExactly("group:school-100002");
    assertThat(filterList("school2", "My school's tasks")).contains(meeting.getId());
    assertThat(filterList("officer", "My tasks")).doesNotContain(meeting.getId());
    // an officer cannot take the school's own work
    assertThat(call("officer", HttpMethod.POST, "/engine-rest/task/" + meeting.getId() + "/claim", "{\"userId\": \"officer\"}")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call("school2", HttpMethod.POST, "/engine-rest/task/" + meeting.getId() + "/claim", "{\"userId\": \"school2\"}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(call("school2", HttpMethod.POST, "/engine-rest/task/" + meeting.getId() + "/complete",
        "{\"variables\": {\"attendanceTarget\": {\"value\": 92.0}}}").getStatusCode().value()).isEqualTo(204);

    Task casework = openCase(CaseFixtures.UNIVERSAL_SCHOOL, Upn.of(801_600_000_022L), 3);
    assertThat(candidates(casework)).containsExactly("group:school-100002");
  }

  /** From Level 4 the LA does the work for every school: a universal school's Notice to Improve too. */
  @Test
  void theLasLaterWorkGoesToTheNamedOfficerOfEverySchool() throws Exception {
    Map<String, Object> inputs = new HashMap<>(Map.of(
        "caseReference", "AC-2026-960001", "pupilUpn", Upn.of(801_600_000_031L), "pupilName", "Sam Pupil",
        "schoolUrn", CaseFixtures.UNIVERSAL_SCHOOL, "attendancePercent", 70.0, "unauthorisedSessions", 15,
        "parents", CaseFixtures.oneParent()));
    inputs.put(AttendanceCase.SUFFICIENT_IMPROVEMENT.name(), "No unauthorised absence over the improvement period");
    String notice = runtimeService.startProcessInstanceByKey("NoticeToImprove", "AC-2026-960001", inputs).getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(notice).singleResult().getId());
    Task watch = taskService.createTaskQuery().processInstanceId(notice).singleResult();
    assertThat(candidates(watch)).containsExactlyInAnyOrder("user:officer", "group:attendance-officers");
    assertThat(filterList("officer", "My tasks")).contains(watch.getId());
    assertThat(filterList("school2", "My school's tasks")).doesNotContain(watch.getId());
  }

  private Task openCase(String school, String upn, int level) {
    Map<String, Object> start = new HashMap<>(Map.of(
        "pupilUpn", upn, "pupilName", "Sam Pupil", "schoolUrn", school, "entryLevel", level,
        "attendancePercent", 84.0, "unauthorisedSessions", 6, "parents", CaseFixtures.oneParent()));
    String instance = runtimeService.startProcessInstanceByKey("AttendanceCase", start).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private List<String> candidates(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(link -> link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId())
        .toList();
  }

  /** The ids of the tasks a filter lists for the user, as Tasklist shows them. */
  private List<String> filterList(String user, String filterName) throws Exception {
    JsonNode filters = json.readTree(call(user, HttpMethod.GET, "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", null).getBody());
    String id = null;
    for (JsonNode filter : filters) {
      if (filterName.equals(filter.get("name").asText())) {
        id = filter.get("id").asText();
      }
    }
    if (id == null) {
      return List.of();
    }
    ResponseEntity<String> listed = call(user, HttpMethod.POST, "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=200", "{}");
    assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(listed.getBody()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }
}
