package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.Upn;

/**
 * Review 16, 1: a listed pupil the register holds on another school's roll by the time the lead opens
 * "Review identified pupils" is marked on the form (no other school named) and not offered for ticking
 * or for a reason; left unticked, the pupil needs no reason, and "Identified pupils not opened" shows
 * the pupil as on another school's roll (naming the school to the authority only). Before, the pupil was
 * offered, a tick was skipped at completion and seen only on that page, and left unticked they needed a
 * reason like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class ReviewRollMarksTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  @Test
  void aPupilNowOnAnotherSchoolsRollIsMarkedWhenTheFormOpensNotOfferedAndNeedsNoReason() {
    closeOpenReviews("100002"); // so the review below lists this test's pupils only
    String moved = Upn.of(700_416_000_001L);
    String stayed = Upn.of(700_416_000_002L);
    importAndIdentify(term(moved) + term(stayed).lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
    Task review = tasks.createTaskQuery().processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .processVariableValueEquals(ReviewIdentifiedPupils.SCHOOL_URN.name(), "100002").singleResult();
    Object revision = tasks.getVariable(review.getId(), ReviewIdentifiedPupils.LIST_REVISION.name());
    // opened before the pupil moves: nothing marked, both offered
    assertThat(offered(forms.getTaskFormVariables(review.getId()))).containsExactlyInAnyOrder(moved, stayed);

    // the pupil leaves 100002 yesterday and is on 100001's roll from today, as the next files would say
    Integer pupilId = jdbc.queryForObject("SELECT pupil_id FROM att_pupil WHERE upn = ?", Integer.class, moved);
    jdbc.update("UPDATE att_enrolment SET to_date = ? WHERE pupil_id = ? AND school_urn = 100002",
        java.sql.Date.valueOf(TODAY.minusDays(1)), pupilId);
    jdbc.update("INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date) VALUES (?, 100001, 'main', ?)",
        pupilId, java.sql.Date.valueOf(TODAY));

    // opened again, as Tasklist does (every value, Json as text): marked, not offered, no row for a reason
    VariableMap opened = forms.getTaskFormVariables(review.getId(), null, false);
    JsonNode listed = json(opened, ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name());
    JsonNode row = row(listed, moved);
    assertThat(row.path("pupil").asText()).contains("Sam " + CsvFile.surname(moved), "now on another school's roll",
        "that school opens the case").doesNotContain("100001").doesNotContain("Riverside");
    assertThat(row.path("onAnotherRoll").asBoolean()).isTrue();
    assertThat(row(listed, stayed).path("pupil").asText()).doesNotContain("another school");
    assertThat(offered(opened)).containsExactly(stayed);
    assertThat(json(opened, ReviewIdentifiedPupils.NOT_OPENED_REASONS.name()).findValuesAsText("upn")).containsExactly(stayed);
    // through the engine's REST API, as the school's lead: the same
    String viaRest = rest.withBasicAuth("school2", "school2")
        .getForObject("/engine-rest/task/" + review.getId() + "/form-variables?deserializeValues=false", String.class);
    assertThat(viaRest).contains("now on another school's roll");
    // a caller asking for one value gets that one only
    assertThat(forms.getTaskFormVariables(review.getId(), List.of(ReviewIdentifiedPupils.PUPIL_CHOICES.name()), true).keySet())
        .containsExactly(ReviewIdentifiedPupils.PUPIL_CHOICES.name());
    // the list as stored is not changed by opening the form
    assertThat(row(json(tasks.getVariable(review.getId(), ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name()).toString()), moved)
        .has("onAnotherRoll")).isFalse();

    // completed with the pupil offered ticked and no reason: the pupil not offered needs none
    Map<String, Object> choose = new HashMap<>();
    choose.put(ReviewIdentifiedPupils.PUPILS_TO_OPEN.name(), SpinValues.jsonValue("[\"" + stayed + "\"]").create());
    choose.put(ReviewIdentifiedPupils.LIST_REVISION.name(), revision);
    tasks.complete(review.getId(), choose);
    for (Job job : management.createJobQuery().processInstanceId(review.getProcessInstanceId()).list()) {
      management.executeJob(job.getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
        .variableValueEquals("pupilUpn", stayed).count()).isEqualTo(1);
    JsonNode notOpened = json(history.createHistoricVariableInstanceQuery().processInstanceId(review.getProcessInstanceId())
        .variableName(ReviewIdentifiedPupils.PUPILS_NOT_OPENED.name()).singleResult().getValue().toString());
    assertThat(row(notOpened, moved).path("reason").asText()).isEqualTo(PupilsNotOpened.NOT_OFFERED_ON_ANOTHER_ROLL_REASON);
    assertThat(row(notOpened, moved).path("onAnotherRoll").asBoolean()).isTrue();

    // the school sees it on "Identified pupils not opened" without the other school's name; the authority with it
    org.jsoup.nodes.Element school = onEveryPage(CaseFileClient.signedIn(port, "school2"), moved);
    assertThat(school.text()).contains("Not offered to open a case", "On another school's roll: that school opens the case")
        .doesNotContain("100001").doesNotContain("Riverside");
    assertThat(school.select("a.open-a-case")).isEmpty();
    assertThat(onEveryPage(CaseFileClient.signedIn(port, "officer"), moved).text())
        .contains("On the roll of Riverside Primary School (URN 100001) today");
  }

  /**
   * A review waiting on version 1.3 (deployed before 1.4; its BPMN and form as of commit 61a47db, kept
   * under previous/61a47db) keeps its form, which has no hiding of the reasons, and gets the marks too:
   * they are made from its variables as its form is opened. It completes with the moved pupil left
   * unticked and no reason.
   */
  @Test
  void aReviewWaitingOnVersion13IsMarkedTooAndCompletes() throws Exception {
    closeOpenReviews("100002");
    String moved = Upn.of(700_416_000_011L);
    importAndIdentify(term(moved));
    closeOpenReviews("100002");
    Integer pupilId = jdbc.queryForObject("SELECT pupil_id FROM att_pupil WHERE upn = ?", Integer.class, moved);
    jdbc.update("UPDATE att_enrolment SET to_date = ? WHERE pupil_id = ? AND school_urn = 100002",
        java.sql.Date.valueOf(TODAY.minusDays(1)), pupilId);
    jdbc.update("INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date) VALUES (?, 100001, 'main', ?)",
        pupilId, java.sql.Date.valueOf(TODAY));
    org.camunda.bpm.engine.repository.Deployment previous = repository.createDeployment().name("ReviewIdentifiedPupils 1.3")
        .addString("bpmn/ReviewIdentifiedPupils.bpmn", resource("previous/61a47db/ReviewIdentifiedPupils.bpmn"))
        .addString("forms/review-identified-pupils.form", resource("previous/61a47db/review-identified-pupils.form")).deploy();
    try {
      String definition = repository.createProcessDefinitionQuery().deploymentId(previous.getId()).singleResult().getId();
      assertThat(repository.getProcessDefinition(definition).getVersionTag()).isEqualTo("1.3");
      Map<String, Object> start = new HashMap<>();
      start.put(ReviewIdentifiedPupils.SCHOOL_URN.name(), "100002");
      String row = "{\"upn\":\"" + moved + "\",\"name\":\"Kim Moved\",\"pupil\":\"Kim Moved (" + moved + ")\","
          + "\"attendancePercent\":80.0,\"why\":\"persistent absence (90% or less)\",\"parentsOnRecord\":1}";
      start.put(ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name(), SpinValues.jsonValue("[" + row + "]").create());
      start.put(ReviewIdentifiedPupils.PUPIL_CHOICES.name(),
          SpinValues.jsonValue("[{\"label\":\"Kim Moved\",\"value\":\"" + moved + "\"}]").create());
      start.put(ReviewIdentifiedPupils.NOT_OPENED_REASONS.name(),
          SpinValues.jsonValue("[{\"upn\":\"" + moved + "\",\"pupil\":\"Kim Moved\"}]").create());
      start.put(ReviewIdentifiedPupils.IDENTIFIED_PUPIL_COUNT.name(), 1);
      start.put(ReviewIdentifiedPupils.LIST_REVISION.name(), 1);
      start.put(ReviewIdentifiedPupils.CURRENT_LIST_REVISION.name(), 1);
      ProcessInstance waiting = runtime.startProcessInstanceById(definition, start);
      Task review = tasks.createTaskQuery().processInstanceId(waiting.getId()).singleResult();

      VariableMap opened = forms.getTaskFormVariables(review.getId());
      assertThat(json(opened, ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name()).get(0).path("pupil").asText())
          .isEqualTo("Kim Moved (" + moved + "): " + ReviewRollMarks.MARK);
      assertThat(offered(opened)).isEmpty();
      tasks.complete(review.getId(), Map.of(ReviewIdentifiedPupils.PUPILS_TO_OPEN.name(), SpinValues.jsonValue("[]").create(),
          ReviewIdentifiedPupils.LIST_REVISION.name(), 1));
      JsonNode notOpened = json(history.createHistoricVariableInstanceQuery().processInstanceId(waiting.getId())
          .variableName(ReviewIdentifiedPupils.PUPILS_NOT_OPENED.name()).singleResult().getValue().toString());
      assertThat(row(notOpened, moved).path("reason").asText()).isEqualTo(PupilsNotOpened.NOT_OFFERED_ON_ANOTHER_ROLL_REASON);
    } finally {
      repository.deleteDeployment(previous.getId(), true);
    }
  }

  private static String resource(String name) throws java.io.IOException {
    try (java.io.InputStream in = ReviewRollMarksTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Every open review of the school completed with nothing ticked, so a new import starts a review of its own. */
  private void closeOpenReviews(String urn) {
    for (Task open : tasks.createTaskQuery().processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .processVariableValueEquals(ReviewIdentifiedPupils.SCHOOL_URN.name(), urn).list()) {
      tasks.complete(open.getId(), Map.of(ReviewIdentifiedPupils.PUPILS_TO_OPEN.name(), SpinValues.jsonValue("[]").create(),
          ReviewIdentifiedPupils.NOT_OPENED_REASON.name(), "closed by the test",
          ReviewIdentifiedPupils.LIST_REVISION.name(), tasks.getVariable(open.getId(), ReviewIdentifiedPupils.LIST_REVISION.name())));
    }
  }

  private String term(String upn) {
    return new CsvFile().days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 9, 2), LocalDate.of(2026, 11, 24),
        (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text();
  }

  private void importAndIdentify(String csv) {
    Map body = importCsv(rest, "school2", csv).getBody();
    assertThat(body).containsEntry("rowsRejected", 0);
    ProcessInstance identification = runtime.createProcessInstanceQuery()
        .processDefinitionKey(IdentifyAttendanceConcerns.KEY)
        .processInstanceBusinessKey(IdentificationRequests.businessKey((Integer) body.get("importId"))).singleResult();
    for (Job job : management.createJobQuery().processInstanceId(identification.getId()).list()) {
      management.executeJob(job.getId());
    }
  }

  /** The UPNs the form's checklist offers. */
  private static List<String> offered(VariableMap variables) {
    return json(variables, ReviewIdentifiedPupils.PUPIL_CHOICES.name()).findValuesAsText("value");
  }

  private static JsonNode row(JsonNode list, String upn) {
    for (JsonNode row : list) {
      if (row.path("upn").asText().equals(upn)) {
        return row;
      }
    }
    throw new AssertionError(upn + " is not in " + list);
  }

  /** The row of "Identified pupils not opened" for the pupil, on whichever page it is. */
  private static org.jsoup.nodes.Element onEveryPage(CaseFileClient client, String upn) {
    for (int page = 1; page <= 100; page++) {
      org.jsoup.nodes.Document html = client.get("/casework/pupils-not-opened" + (page == 1 ? "" : "?page=" + page)).html();
      org.jsoup.nodes.Element found = html.selectFirst("table[data-urn=100002] tr[data-upn=" + upn + "]");
      if (found != null) {
        return found;
      }
      if (html.getElementById("next-page") == null) {
        break;
      }
    }
    throw new AssertionError(upn + " is not on Identified pupils not opened");
  }

  private static JsonNode json(VariableMap variables, String name) {
    org.camunda.bpm.engine.variable.value.TypedValue typed = variables.getValueTyped(name);
    Object value = typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue s && !s.isDeserialized()
        ? s.getValueSerialized() : typed.getValue();
    return json(value.toString());
  }

  private static JsonNode json(String text) {
    try {
      return IdentifiedPupils.JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
