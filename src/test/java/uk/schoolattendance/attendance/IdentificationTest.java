package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.Upn;

/**
 * Identification turns into work once (DfE stage Monitor): after an import, newly identified
 * pupils go on one task per school for the right person, a pupil with an open case gets {@code
 * AttendanceUpdated} instead, a severely absent pupil without a plan is flagged for the Targeting
 * Support Meeting, and the same import or the same figures again produce nothing new. From the
 * task, a case opens in one step with the parents the school sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class IdentificationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentifiedPupils identifiedPupils;
  @Autowired AttendanceRegister register;

  @Test
  void newlyIdentifiedPupilsGoOnOneTaskForTheSchoolOnceAndOnlyOnce() {
    String persistent = Upn.of(700_400_000_001L);
    String severe = Upn.of(700_400_000_002L);
    String fine = Upn.of(700_400_000_003L);
    CsvFile file = term("100002", persistent, (day, session) -> day.getDayOfMonth() % 7 == 0 ? "I" : "/")
        .days(severe, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4), LocalDate.of(2026, 11, 24),
            (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/")
        .days(fine, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4), LocalDate.of(2026, 11, 24),
            (day, session) -> "/");
    int importId = importAndIdentify("school2", file.text());

    List<Task> reviews = reviewTasks("100002");
    assertThat(reviews).hasSize(1);
    assertThat(candidates(reviews.get(0))).containsExactly("group:school-100002");
    JsonNode listed = json(tasks.getVariable(reviews.get(0).getId(), "identifiedPupils"));
    // most severe first: the lowest attendance at the top
    assertThat(ours(listed, persistent, severe, fine))
        .containsExactly(severe + " threshold-met", persistent + " entered-persistent");
    // the form's band column reads as words, not the decision's codes (the school's one open review may
    // also list other pupils of the school, some below 30 %)
    assertThat(listed).extracting(p -> p.path("bandShown").asText())
        .allSatisfy(shown -> assertThat(shown).matches("(Persistent|Severe) absence( \\(below 30 %: chronic\\))?"));
    assertThat(flagged(severe)).isEqualTo(1);
    assertThat(flagged(persistent)).isZero();

    // the same import identified again, and the same file again: nothing new
    ProcessInstance again = runtime.startProcessInstanceByKey(IdentifyAttendanceConcerns.KEY, Map.of("importId", importId));
    executeJobs(again.getId());
    importAndIdentify("school2", file.text());
    assertThat(reviewTasks("100002")).hasSize(1);
    assertThat(ours(json(tasks.getVariable(reviewTasks("100002").get(0).getId(), "identifiedPupils")), persistent, severe, fine))
        .containsExactly(severe + " threshold-met", persistent + " entered-persistent");
    assertThat(flagged(severe)).isEqualTo(1);

    // the severe pupil enters the chronic band: identified again, once
    CsvFile worse = new CsvFile().days(severe, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4),
        LocalDate.of(2026, 11, 24), (day, session) -> day.getDayOfMonth() % 4 == 0 ? "/" : "N");
    int chronic = importAndIdentify("datateam", worse.text());
    // on the school's open review, not on one more task: one list per school, the pupil's new reason on it
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .processInstanceBusinessKeyLike("review-" + chronic + "-%").count()).isZero();
    assertThat(reviewTasks("100002")).hasSize(1);
    JsonNode worseListed = json(tasks.getVariable(reviewTasks("100002").get(0).getId(), "identifiedPupils"));
    assertThat(ours(worseListed, persistent, severe, fine))
        .containsExactly(severe + " entered-chronic", persistent + " entered-persistent");
    // walk 12 #4: below 30 % is still severe absence (the national measure), chronic its local sub-band
    assertThat(worseListed).filteredOn(p -> p.path("upn").asText().equals(severe))
        .extracting(p -> p.path("bandShown").asText() + " | " + p.path("why").asText())
        .containsExactly("Severe absence (below 30 %: chronic) | severe absence, below 30% (chronic)");
  }

  @Test
  void aTradedSchoolsPupilsGoToItsNamedOfficerAndACaseOpensInOneStepWithTheRegistersParents() {
    String withParents = Upn.of(700_400_000_011L);
    String without = Upn.of(700_400_000_012L);
    CsvFile file = term("100001", withParents, (day, session) -> day.getDayOfMonth() % 3 == 0 ? "O" : "/");
    int importId = importAndIdentify("datateam", file.text()
        + term("100001", without, (day, session) -> day.getDayOfMonth() % 3 == 0 ? "O" : "/").text()
            .lines().skip(1).map(line -> line.replaceAll(",Alex [^,]*,\"[^\"]*\"$", ",,"))
            .reduce("", (a, b) -> a + b + "\n"));
    Task review = reviewTasks("100001").get(0);
    assertThat(candidates(review)).containsExactlyInAnyOrder("user:officer", "group:attendance-officers");

    Map<String, Object> choose = new HashMap<>();
    choose.put("pupilsToOpen", SpinValues.jsonValue("[\"" + withParents + "\",\"" + without + "\"]").create());
    // review 4 N1: the form shows the list's version and sends it back; a completion that leaves it out
    // (engine REST, the API) would pass whatever the list became, so it is refused naming the field
    assertThatThrownBy(() -> tasks.complete(review.getId(), choose))
        .hasMessageContaining("listRevision").hasMessageContaining("must be sent with the completion");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    choose.put("listRevision", tasks.getVariable(review.getId(), "listRevision"));
    // the engine wraps a task listener's refusal; its message names the pupil
    assertThatThrownBy(() -> tasks.complete(review.getId(), choose))
        .hasMessageContaining("pupilsToOpen").hasMessageContaining(without).hasMessageContaining("no parent with an address on record");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    // the pupil left unticked is not dropped without a word: the completion asks why, naming the pupil
    choose.put("pupilsToOpen", SpinValues.jsonValue("[\"" + withParents + "\"]").create());
    assertThatThrownBy(() -> tasks.complete(review.getId(), choose))
        .hasMessageContaining("notOpenedReason").hasMessageContaining("you did not tick (");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    choose.put("notOpenedReason", "parents to be traced by the school first");
    tasks.complete(review.getId(), choose);
    JsonNode notOpened = json(history.createHistoricVariableInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).variableName("pupilsNotOpened").singleResult().getValue());
    assertThat(notOpened).anySatisfy(p -> assertThat(p.path("upn").asText() + " " + p.path("reason").asText())
        .isEqualTo(without + " parents to be traced by the school first"));
    assertThat(notOpened).noneSatisfy(p -> assertThat(p.path("upn").asText()).isEqualTo(withParents));
    executeJobs(review.getProcessInstanceId());
    ProcessInstance opened = runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilUpn", withParents).singleResult();
    assertThat(opened).isNotNull();
    Map<String, Object> variables = runtime.getVariables(opened.getId());
    assertThat(variables).containsEntry("pupilName", "Sam " + CsvFile.surname(withParents))
        .containsEntry("schoolUrn", "100001").containsEntry("attendanceSource", "marks");
    assertThat(variables.get("parents").toString()).contains("Alex " + CsvFile.surname(withParents)).contains("1 High Street");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilUpn", without).count()).isZero();
  }

  @Test
  void pupilsMergedAfterTheFormWasOpenedAreNotClosedUnseen() {
    String first = Upn.of(700_400_000_041L);
    String later = Upn.of(700_400_000_042L);
    int firstImport = importAndIdentify("school2", term("100002", first, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task review = reviewTasks("100002").get(0);
    // what the reviewer's form shows when the task is opened
    Object shown = tasks.getVariable(review.getId(), "listRevision");
    // the list's version, a counter of its changes (not its length: the school's one open review may
    // already have gathered other tests' pupils, each merge raising it)
    assertThat(shown).isInstanceOf(Integer.class);

    // the school sends the next day's marks while the form is open: a new pupil joins the same list
    int laterImport = importAndIdentify("school2", term("100002", later, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    assertThat(reviewTasks("100002")).extracting(Task::getId).containsExactly(review.getId());
    JsonNode listed = json(tasks.getVariable(review.getId(), "identifiedPupils"));
    // each row names the import that identified the pupil
    assertThat(listed).filteredOn(p -> List.of(first, later).contains(p.path("upn").asText()))
        .extracting(p -> p.path("upn").asText() + " " + p.path("importId").asInt())
        .containsExactlyInAnyOrder(first + " " + firstImport, later + " " + laterImport);

    Map<String, Object> complete = new HashMap<>();
    complete.put("pupilsToOpen", SpinValues.jsonValue("[]").create());
    complete.put("notOpenedReason", "support plans agreed with the families");
    complete.put("listRevision", shown);
    assertThatThrownBy(() -> tasks.complete(review.getId(), complete))
        .hasMessageContaining("listRevision")
        .hasMessageContaining("the list of pupils changed since you opened it").hasMessageContaining("reload the task");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    // reloaded: the form shows the grown list
    Object reloaded = tasks.getVariable(review.getId(), "listRevision");
    Object count = tasks.getVariable(review.getId(), "identifiedPupilCount");
    // review 4 S3: a listed pupil identified again (new figures, new reason) replaces its row: the count
    // stays, the revision does not, and a form opened before is refused
    int pupilId = jdbc.queryForObject("SELECT pupil_id FROM att_pupil WHERE upn = ?", Integer.class, first);
    Figures now = register.figures(first, LocalDate.of(2026, 11, 24)).orElseThrow();
    runtime.setVariables(review.getProcessInstanceId(), identifiedPupils.added(
        tasks.getVariable(review.getId(), "identifiedPupils"),
        List.of(new IdentifiedPupils.Entry(pupilId, now, "entered-chronic", laterImport)), firstImport,
        runtime.getVariable(review.getProcessInstanceId(), "currentListRevision")));
    assertThat(tasks.getVariable(review.getId(), "identifiedPupilCount")).isEqualTo(count);
    assertThat(tasks.getVariable(review.getId(), "listRevision")).isNotEqualTo(reloaded);
    complete.put("listRevision", reloaded);
    assertThatThrownBy(() -> tasks.complete(review.getId(), complete))
        .hasMessageContaining("listRevision").hasMessageContaining("the list of pupils changed since you opened it");

    // reloaded again: the reason covers the pupils now seen
    complete.put("listRevision", tasks.getVariable(review.getId(), "listRevision"));
    tasks.complete(review.getId(), complete);
    JsonNode notOpened = json(history.createHistoricVariableInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).variableName("pupilsNotOpened").singleResult().getValue());
    assertThat(notOpened).anySatisfy(p -> assertThat(p.path("upn").asText()).isEqualTo(later));
  }

  @Test
  void aCompletionThroughTheEngineRestApiWithoutTheListsRevisionIsRefusedNamingIt() {
    String upn = Upn.of(700_400_000_061L);
    importAndIdentify("school2", term("100002", upn, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task review = reviewTasks("100002").get(0);
    String url = "/engine-rest/task/" + review.getId() + "/complete";
    String closeAll = "\"pupilsToOpen\":{\"value\":\"[]\",\"type\":\"String\"},"
        + "\"notOpenedReason\":{\"value\":\"support plans agreed with the families\",\"type\":\"String\"}";
    // left out: the process's own value would pass the stale-list check unseen
    org.springframework.http.ResponseEntity<String> omitted = completeThroughRest(url, "{\"variables\":{" + closeAll + "}}");
    assertThat(omitted.getStatusCode().value()).isEqualTo(400);
    assertThat(omitted.getBody()).contains("listRevision");
    // sent empty (null): the same, not a pass
    org.springframework.http.ResponseEntity<String> empty = completeThroughRest(url,
        "{\"variables\":{" + closeAll + ",\"listRevision\":{\"value\":null,\"type\":\"Null\"}}}");
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody()).contains("listRevision");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    // the value the task shows, as the Tasklist form sends it back: completed
    Object shown = tasks.getVariable(review.getId(), "listRevision");
    org.springframework.http.ResponseEntity<String> sent = completeThroughRest(url,
        "{\"variables\":{" + closeAll + ",\"listRevision\":{\"value\":" + shown + ",\"type\":\"Integer\"}}}");
    assertThat(sent.getStatusCode().value()).as(String.valueOf(sent.getBody())).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
  }

  /**
   * The pupils a school left unticked are not lost in the engine's history: "Identified pupils not
   * opened" shows each with the figures the review showed, the reason, who and when, to the school
   * itself (not another school) and to the authority's caseworkers and data team, with "Open a case"
   * while the pupil still meets the rule and has no open case.
   */
  @Test
  void theIdentifiedPupilsASchoolLeftWithoutACaseAreShownWithTheReasonToItAndTheAuthorityOnly() {
    String upn = Upn.of(700_400_000_071L);
    importAndIdentify("school2", term("100002", upn, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task review = reviewTasks("100002").get(0);
    Object shown = tasks.getVariable(review.getId(), "listRevision");
    org.springframework.http.ResponseEntity<String> done = completeThroughRest("/engine-rest/task/" + review.getId() + "/complete",
        "{\"variables\":{\"pupilsToOpen\":{\"value\":\"[]\",\"type\":\"String\"},"
            + "\"notOpenedReason\":{\"value\":\"a support plan agreed with the family on 20 November\",\"type\":\"String\"},"
            + "\"listRevision\":{\"value\":" + shown + ",\"type\":\"Integer\"}}}");
    assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    String notOpened = "/casework/pupils-not-opened";

    uk.schoolattendance.casefile.CaseFileClient school2 = uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "school2");
    assertThat(school2.get("/casework/school").html().select("#not-opened-link").attr("href")).isEqualTo(notOpened);
    uk.schoolattendance.casefile.CaseFileClient.Page own = school2.get(notOpened);
    assertThat(own.status()).isEqualTo(200);
    org.jsoup.nodes.Element row = onEveryPage(school2, "table[data-urn=100002] tr[data-upn=" + upn + "]").first();
    assertThat(row).isNotNull();
    assertThat(row.text()).contains("Sam " + CsvFile.surname(upn), "UPN " + upn, "% attendance",
        "unauthorised sessions in the last 10 school weeks", "a support plan agreed with the family on 20 November",
        "Sasha Hillcrest", "on 25 November 2026");
    assertThat(row.select("a.open-a-case").attr("href")).isEqualTo("/camunda/app/tasklist/default/#/?start=AttendanceCase&pupilUpn=" + upn
        + "&pupilName=Sam%20" + CsvFile.surname(upn) + "&schoolUrn=100002");
    // another school sees none of it
    uk.schoolattendance.casefile.CaseFileClient.Page other =
        uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "school1").get(notOpened);
    assertThat(other.status()).isEqualTo(200);
    assertThat(onEveryPage(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "school1"), "tr[data-upn=" + upn + "]")).isEmpty();
    assertThat(other.html().select("table[data-urn=100002]")).isEmpty();
    // the authority's data team and officers see every school's
    for (String user : List.of("datateam", "officer")) {
      uk.schoolattendance.casefile.CaseFileClient signedIn = uk.schoolattendance.casefile.CaseFileClient.signedIn(port, user);
      assertThat(onEveryPage(signedIn, "table[data-urn=100002] tr[data-upn=" + upn + "]")).as(user).hasSize(1);
    }
    // a manager, who watches the service, reads every school's too, with nothing to act on (walk 14)
    org.jsoup.nodes.Document managers = uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "manager").get(notOpened).html();
    assertThat(onEveryPage(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "manager"), "table[data-urn=100002] tr[data-upn=" + upn + "]")).hasSize(1);
    assertThat(managers.select("a.open-a-case, main form, main button")).isEmpty();
    assertThat(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "datateam").get("/casework/imports").html()
        .select("#not-opened-link").attr("href")).isEqualTo(notOpened);
    assertThat(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "analyst").get(notOpened).status()).isEqualTo(403);

    // once the pupil has a case, no second one is offered
    runtime.startProcessInstanceByKey("AttendanceCase", caseStart(upn, null, null));
    org.jsoup.nodes.Element after = onEveryPage(school2, "tr[data-upn=" + upn + "]").first();
    assertThat(after.select("a.open-a-case")).isEmpty();
    assertThat(after.text()).contains("Has an open case now");
  }

  /**
   * Walk 14, defect 16: one reason for every pupil left unticked could not say "moving school" for one
   * and "support plan" for another. Reasons pupil by pupil ({@code notOpenedReasons}) give each its own, the default reason covers the rest, and the page shows each pupil's. A row for a
   * pupil not on the list, or an unticked pupil with neither, is refused naming the field.
   */
  @Test
  void eachPupilLeftUntickedKeepsItsOwnReasonAndTheRestTheDefault() {
    String moving = Upn.of(700_400_000_091L);
    String planned = Upn.of(700_400_000_092L);
    importAndIdentify("school2", term("100002", moving, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    importAndIdentify("school2", term("100002", planned, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task review = reviewTasks("100002").get(0);
    String url = "/engine-rest/task/" + review.getId() + "/complete";
    String revision = ",\"listRevision\":{\"value\":" + tasks.getVariable(review.getId(), "listRevision") + ",\"type\":\"Integer\"}";
    String own = "\"pupilsToOpen\":{\"value\":\"[]\",\"type\":\"String\"},\"notOpenedReasons\":{\"value\":"
        + "\"[{\\\"pupil\\\":\\\"x\\\",\\\"upn\\\":\\\"" + moving + "\\\",\\\"reason\\\":\\\"moving school on 4 December 2026\\\"}]\","
        + "\"type\":\"Json\"}";

    // only one pupil has a reason and there is no default: refused, naming the field, nothing changes
    org.springframework.http.ResponseEntity<String> missing = completeThroughRest(url, "{\"variables\":{" + own + revision + "}}");
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getBody()).contains("notOpenedReason").contains("Sam " + CsvFile.surname(planned));
    // a reason for a pupil not on the list: refused, naming the field and the UPN
    org.springframework.http.ResponseEntity<String> stranger = completeThroughRest(url, "{\"variables\":{"
        + own.replace(moving, "A999999999999") + ",\"notOpenedReason\":{\"value\":\"support plans\",\"type\":\"String\"}"
        + revision + "}}");
    assertThat(stranger.getStatusCode().value()).isEqualTo(400);
    assertThat(stranger.getBody()).contains("notOpenedReasons").contains("A999999999999");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    // review 2, B2: a reason for a pupil also ticked, a pupil given twice, a reason that is not text:
    // each refused naming the field and the pupil, and nothing changes
    String byDefault = ",\"notOpenedReason\":{\"value\":\"support plans\",\"type\":\"String\"}";
    String ticked = own.replace("\"value\":\"[]\"", "\"value\":\"[\\\"" + moving + "\\\"]\"");
    String twice = own.replace("}]\",\"type\":\"Json\"",
        "},{\\\"upn\\\":\\\"" + moving + "\\\",\\\"reason\\\":\\\"again\\\"}]\",\"type\":\"Json\"");
    String number = own.replace("\\\"reason\\\":\\\"moving school on 4 December 2026\\\"", "\\\"reason\\\":5");
    for (String[] bad : new String[][] {{ticked, "is ticked to open a case"}, {twice, "is given more than once"},
        {number, "must be text"}}) {
      org.springframework.http.ResponseEntity<String> refused = completeThroughRest(url, "{\"variables\":{" + bad[0]
          + byDefault + revision + "}}");
      assertThat(refused.getStatusCode().value()).as(bad[1]).isEqualTo(400);
      assertThat(refused.getBody()).contains("notOpenedReasons").contains(moving).contains(bad[1]);
    }
    // a reason in a row with no UPN: refused, naming the field; nothing changes
    org.springframework.http.ResponseEntity<String> nobody = completeThroughRest(url, "{\"variables\":{"
        + own.replace("}]\",\"type\":\"Json\"", "},{\\\"upn\\\":\\\"\\\",\\\"reason\\\":\\\"a reason for nobody\\\"}]\",\"type\":\"Json\"")
        + byDefault + revision + "}}");
    assertThat(nobody.getStatusCode().value()).isEqualTo(400);
    assertThat(nobody.getBody()).contains("notOpenedReasons").contains("no pupil's UPN");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    // the rows Tasklist's form sends for a ticked pupil, their hidden fields emptied, say nothing
    String emptied = own.replace("}]\",\"type\":\"Json\"",
        "},{},{\\\"upn\\\":\\\"\\\",\\\"reason\\\":\\\" \\\"},{\\\"pupil\\\":null,\\\"upn\\\":null,\\\"reason\\\":null}]\",\"type\":\"Json\"");
    org.springframework.http.ResponseEntity<String> done = completeThroughRest(url, "{\"variables\":{" + emptied
        + ",\"notOpenedReason\":{\"value\":\"a support plan agreed with the family\",\"type\":\"String\"}" + revision + "}}");
    assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    uk.schoolattendance.casefile.CaseFileClient.Page page =
        uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "school2").get("/casework/pupils-not-opened");
    assertThat(page.html().selectFirst("tr[data-upn=" + moving + "]").text())
        .contains("moving school on 4 December 2026").doesNotContain("a support plan agreed with the family");
    assertThat(page.html().selectFirst("tr[data-upn=" + planned + "]").text())
        .contains("a support plan agreed with the family").doesNotContain("moving school");
  }

  /**
   * Review 2 L1: a ticked pupil who joined another school's roll between identification and the
   * review's completion gets no case (the case's start refuses them), and does not stop the other
   * ticked pupils' cases from opening: the opening is one job, and a refusal in it opened none.
   */
  @Test
  void aTickedPupilWhoMovedToAnotherSchoolDoesNotStopTheOtherCasesOpening() {
    String moved = Upn.of(700_400_000_095L);
    String stayed = Upn.of(700_400_000_096L);
    importAndIdentify("school2", term("100002", moved, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    importAndIdentify("school2", term("100002", stayed, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task review = reviewTasks("100002").get(0);
    // the pupil leaves 100002 yesterday and joins 100001's roll today, as the next files would say
    Integer pupilId = jdbc.queryForObject("SELECT pupil_id FROM att_pupil WHERE upn = ?", Integer.class, moved);
    jdbc.update("UPDATE att_enrolment SET to_date = ? WHERE pupil_id = ? AND school_urn = 100002",
        java.sql.Date.valueOf(TODAY.minusDays(1)), pupilId);
    jdbc.update("INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date) VALUES (?, 100001, 'main', ?)",
        pupilId, java.sql.Date.valueOf(TODAY));

    Map<String, Object> choose = new HashMap<>();
    choose.put("pupilsToOpen", SpinValues.jsonValue("[\"" + moved + "\",\"" + stayed + "\"]").create());
    choose.put("listRevision", tasks.getVariable(review.getId(), "listRevision"));
    choose.put("notOpenedReason", "support plans agreed");
    tasks.complete(review.getId(), choose);
    executeJobs(review.getProcessInstanceId());

    assertThat(runtime.createIncidentQuery().processInstanceId(review.getProcessInstanceId()).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
        .variableValueEquals("pupilUpn", stayed).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
        .variableValueEquals("pupilUpn", moved).count()).isZero();
    JsonNode opened = json(history.createHistoricVariableInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).variableName("casesOpened").singleResult().getValue());
    assertThat(opened).anySatisfy(p -> assertThat(p.path("upn").asText() + " " + p.path("onAnotherRoll").asBoolean()
        + " " + p.has("caseReference")).isEqualTo(moved + " true false"));
    assertThat(opened).anySatisfy(p -> assertThat(p.path("upn").asText() + " " + p.has("caseReference"))
        .isEqualTo(stayed + " true"));

    // the lead and the authority are shown which ticked pupil got no case, and why, in words: the
    // school is not told which school's roll the pupil is on now, the authority is
    String notOpened = "/casework/pupils-not-opened";
    org.jsoup.nodes.Element schools = onEveryPage(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "school2"),
        "table[data-urn=100002] tr[data-upn=" + moved + "]").first();
    assertThat(schools).as("the moved pupil on the school's page").isNotNull();
    assertThat(schools.text()).contains("Sam " + CsvFile.surname(moved), "Ticked to open a case, but none was opened",
        "on another school's roll").doesNotContain("100001").doesNotContain("Riverside");
    assertThat(schools.select("a.open-a-case")).isEmpty();
    org.jsoup.nodes.Element officers = onEveryPage(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "officer"),
        "table[data-urn=100002] tr[data-upn=" + moved + "]").first();
    assertThat(officers.text()).contains("Ticked to open a case", "On the roll of Riverside Primary School (URN 100001) today");
    assertThat(officers.select("a.open-a-case")).isEmpty();
    // the pupil whose case opened is not listed as not opened
    assertThat(onEveryPage(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "officer"), "tr[data-upn=" + stayed + "]")).isEmpty();
  }

  /**
   * "Still identified" is the decision's, not the page's: once an analyst deploys an {@code
   * AttendanceIdentification} under which the pupil's figures make no work, the page no longer
   * offers "Open a case" for a pupil left unticked.
   */
  @Test
  void whetherAPupilLeftUntickedIsStillIdentifiedIsAskedOfTheDeployedDecision() throws Exception {
    String upn = Upn.of(700_400_000_081L);
    importAndIdentify("school2", term("100002", upn, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task review = reviewTasks("100002").get(0);
    Object shown = tasks.getVariable(review.getId(), "listRevision");
    org.springframework.http.ResponseEntity<String> done = completeThroughRest("/engine-rest/task/" + review.getId() + "/complete",
        "{\"variables\":{\"pupilsToOpen\":{\"value\":\"[]\",\"type\":\"String\"},"
            + "\"notOpenedReason\":{\"value\":\"a support plan agreed with the family\",\"type\":\"String\"},"
            + "\"listRevision\":{\"value\":" + shown + ",\"type\":\"Integer\"}}}");
    assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    uk.schoolattendance.casefile.CaseFileClient school2 = uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "school2");
    String notOpened = "/casework/pupils-not-opened";
    assertThat(onEveryPage(school2, "tr[data-upn=" + upn + "] a.open-a-case")).hasSize(1);

    String national = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/AttendanceIdentification.dmn"));
    String nobody = national.replaceAll("(OutputEntry_\\w+_Identified\"><text>)true", "$1false");
    assertThat(nobody).isNotEqualTo(national);
    String deployment = repository.createDeployment().name("identification identifies nobody")
        .addString("AttendanceIdentification.dmn", nobody).deploy().getId();
    try {
      org.jsoup.nodes.Element row = onEveryPage(school2, "tr[data-upn=" + upn + "]").first();
      assertThat(row).isNotNull();
      assertThat(row.select("a.open-a-case")).isEmpty();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  /**
   * The page reads only the reviews completed in the configured months ({@code
   * attendance.pupils-not-opened.months}, 12: on 25 November 2026 since 1 December 2025), and says
   * so: an older review is not read on every page view however long the history grows.
   */
  @Test
  void onlyTheReviewsOfTheConfiguredMonthsAreReadAndThePageSaysSince() {
    String upn = Upn.of(700_400_000_097L);
    importAndIdentify("school2", term("100002", upn, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task review = reviewTasks("100002").get(0);
    Object shown = tasks.getVariable(review.getId(), "listRevision");
    org.springframework.http.ResponseEntity<String> done = completeThroughRest("/engine-rest/task/" + review.getId() + "/complete",
        "{\"variables\":{\"pupilsToOpen\":{\"value\":\"[]\",\"type\":\"String\"},"
            + "\"notOpenedReason\":{\"value\":\"a support plan agreed with the family\",\"type\":\"String\"},"
            + "\"listRevision\":{\"value\":" + shown + ",\"type\":\"Integer\"}}}");
    assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    String notOpened = "/casework/pupils-not-opened";
    uk.schoolattendance.casefile.CaseFileClient officer = uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "officer");
    org.jsoup.nodes.Document page = officer.get(notOpened).html();
    assertThat(page.select("#since").text()).startsWith("Reviews completed since 1 December 2025.");
    assertThat(onEveryPage(officer, "tr[data-upn=" + upn + "]")).hasSize(1);

    java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
    java.util.function.Consumer<java.time.LocalDateTime> completedAt = at -> assertThat(jdbc.update(
        "UPDATE ACT_HI_TASKINST SET END_TIME_ = ? WHERE ID_ = ?",
        java.sql.Timestamp.from(at.atZone(london).toInstant()), review.getId())).isEqualTo(1);
    completedAt.accept(LocalDate.of(2025, 11, 30).atTime(23, 59));
    assertThat(onEveryPage(officer, "tr[data-upn=" + upn + "]")).as("completed 30 November 2025").isEmpty();
    assertThat(onEveryPage(uk.schoolattendance.casefile.CaseFileClient.signedIn(port, "school2"), "tr[data-upn=" + upn + "]")).as("the school's own page too").isEmpty();
    completedAt.accept(LocalDate.of(2025, 12, 1).atStartOfDay());
    assertThat(onEveryPage(officer, "tr[data-upn=" + upn + "]")).as("completed 1 December 2025").hasSize(1);
  }

  /**
   * What {@code css} selects on every page of "Identified pupils not opened" as {@code client} sees it:
   * newest review first, 50 pupils a page, and the classes sharing this Spring context leave pupils
   * unticked too (a browser test 53 at school 100002), so a review of this class may be on any page.
   */
  private static org.jsoup.select.Elements onEveryPage(uk.schoolattendance.casefile.CaseFileClient client, String css) {
    org.jsoup.select.Elements found = new org.jsoup.select.Elements();
    for (int page = 1; page <= 100; page++) {
      org.jsoup.nodes.Document html = client.get("/casework/pupils-not-opened" + (page == 1 ? "" : "?page=" + page)).html();
      found.addAll(html.select(css));
      if (html.getElementById("next-page") == null) {
        return found;
      }
    }
    throw new AssertionError("more than 100 pages of identified pupils not opened");
  }

  private org.springframework.http.ResponseEntity<String> completeThroughRest(String url, String body) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("school2", "school2").postForEntity(url,
        new org.springframework.http.HttpEntity<>(body, headers), String.class);
  }

  @Test
  void aReviewStartedWithAnOlderFormKeepsItsListAndCompletesAsItsFormAsks() throws Exception {
    // a review running on an earlier form: no list revision and no reason field (as version 1.0),
    // deployed with whatever version tag: what is asked follows the form, not the tag
    String bpmn = resource("bpmn/ReviewIdentifiedPupils.bpmn");
    String form = resource("forms/review-identified-pupils.form");
    com.fasterxml.jackson.databind.node.ObjectNode older = (com.fasterxml.jackson.databind.node.ObjectNode) IdentifiedPupils.JSON.readTree(form);
    com.fasterxml.jackson.databind.node.ArrayNode kept = IdentifiedPupils.JSON.createArrayNode();
    older.path("components").forEach(c -> {
      if (!List.of("listRevision", "notOpenedReason").contains(c.path("key").asText())) {
        kept.add(c);
      }
    });
    older.set("components", kept);
    List<String> deployments = new java.util.ArrayList<>();
    try {
      org.camunda.bpm.engine.repository.Deployment old = repository.createDeployment().name("older review form")
          .addString("bpmn/ReviewIdentifiedPupils.bpmn", bpmn).addString("forms/review-identified-pupils.form", older.toString()).deploy();
      deployments.add(old.getId());
      String oldDefinition = repository.createProcessDefinitionQuery().deploymentId(old.getId()).singleResult().getId();
      String oldUpn = Upn.of(700_400_000_051L);
      Map<String, Object> start = new HashMap<>();
      start.put("schoolUrn", "100002");
      start.put("identifiedPupils", SpinValues.jsonValue("[{\"upn\":\"" + oldUpn + "\",\"name\":\"Kim Older\","
          + "\"attendancePercent\":80.0,\"why\":\"persistent absence (90% or less)\",\"parentsOnRecord\":1}]").create());
      start.put("identifiedPupilCount", 1);
      ProcessInstance running = runtime.startProcessInstanceById(oldDefinition, start);
      // today's models deployed again after it: new reviews start on them
      deployments.add(repository.createDeployment().name("current review form")
          .addString("bpmn/ReviewIdentifiedPupils.bpmn", bpmn).addString("forms/review-identified-pupils.form", form).deploy().getId());

      // a pupil identified now is not merged into the list its reviewer may have open unguarded
      String now = Upn.of(700_400_000_052L);
      importAndIdentify("school2", term("100002", now, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
      assertThat(json(runtime.getVariable(running.getId(), "identifiedPupils"))).extracting(p -> p.path("upn").asText())
          .containsExactly(oldUpn);
      assertThat(reviewTasks("100002")).anySatisfy(task -> {
        assertThat(task.getProcessInstanceId()).isNotEqualTo(running.getId());
        assertThat(ours(json(tasks.getVariable(task.getId(), "identifiedPupils")), now)).hasSize(1);
      });

      // its form has no reason field: it completes without one, as it always did
      Task oldTask = tasks.createTaskQuery().processInstanceId(running.getId()).singleResult();
      tasks.complete(oldTask.getId(), Map.of("pupilsToOpen", SpinValues.jsonValue("[]").create()));
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isZero();
    } finally {
      java.util.Collections.reverse(deployments);
      deployments.forEach(id -> repository.deleteDeployment(id, true));
    }
  }

  /**
   * From ReviewIdentifiedPupils 1.3 the form offers a reason per pupil: the review is started with a row
   * per listed pupil (UPN and name) for it. A review waiting on 1.2 keeps the 1.2 form (the one of commit
   * 5415e10, kept under previous/5415e10), which asks one reason for every pupil left unticked, and
   * completes with it as before.
   */
  @Test
  void aReviewWaitingOnThePreviousFormKeepsItsOneReasonAndANewOneOffersARowPerPupil() throws Exception {
    String upn = Upn.of(700_400_000_161L);
    importAndIdentify("school2", term("100002", upn, (day, session) -> day.getDayOfMonth() % 2 == 0 ? "N" : "/").text());
    Task current = reviewTasks("100002").stream()
        .filter(task -> !ours(json(tasks.getVariable(task.getId(), "identifiedPupils")), upn).isEmpty()).findFirst().orElseThrow();
    assertThat(repository.getProcessDefinition(current.getProcessDefinitionId()).getVersionTag()).isEqualTo("1.4");
    JsonNode rows = json(tasks.getVariable(current.getId(), ReviewIdentifiedPupils.NOT_OPENED_REASONS.name()));
    assertThat(rows.findValuesAsText("upn")).contains(upn);
    assertThat(rows.findValuesAsText("pupil")).contains("Sam " + CsvFile.surname(upn));
    // closed, so the other tests' imports start their own reviews
    tasks.complete(current.getId(), Map.of("pupilsToOpen", SpinValues.jsonValue("[]").create(),
        "notOpenedReason", "closed by the test", "listRevision", tasks.getVariable(current.getId(), "listRevision")));

    org.camunda.bpm.engine.repository.Deployment previous = repository.createDeployment().name("ReviewIdentifiedPupils 1.2")
        .addString("bpmn/ReviewIdentifiedPupils.bpmn", resource("previous/5415e10/ReviewIdentifiedPupils.bpmn"))
        .addString("forms/review-identified-pupils.form", resource("previous/5415e10/review-identified-pupils.form")).deploy();
    try {
      String definition = repository.createProcessDefinitionQuery().deploymentId(previous.getId()).singleResult().getId();
      assertThat(repository.getProcessDefinition(definition).getVersionTag()).isEqualTo("1.2");
      assertThat(uk.schoolattendance.process.DeployedForms.fields(repository, definition,
          ReviewIdentifiedPupils.REVIEW_IDENTIFIED_PUPILS.id())).contains("notOpenedReason").doesNotContain("notOpenedReasons");
      String oldUpn = Upn.of(700_400_000_162L);
      Map<String, Object> start = new HashMap<>();
      start.put("schoolUrn", "100001");
      start.put("identifiedPupils", SpinValues.jsonValue("[{\"upn\":\"" + oldUpn + "\",\"name\":\"Kim Waiting\","
          + "\"attendancePercent\":80.0,\"why\":\"persistent absence (90% or less)\",\"parentsOnRecord\":1}]").create());
      start.put("identifiedPupilCount", 1);
      start.put("listRevision", 1);
      start.put("currentListRevision", 1);
      ProcessInstance waiting = runtime.startProcessInstanceById(definition, start);
      Task oldTask = tasks.createTaskQuery().processInstanceId(waiting.getId()).singleResult();
      // as its form sends it: no pupil ticked, one reason for all, the revision shown
      tasks.complete(oldTask.getId(), Map.of("pupilsToOpen", SpinValues.jsonValue("[]").create(),
          "notOpenedReason", "a support plan agreed with the family", "listRevision", 1));
      JsonNode notOpened = json(history.createHistoricVariableInstanceQuery().processInstanceId(waiting.getId())
          .variableName(ReviewIdentifiedPupils.PUPILS_NOT_OPENED.name()).singleResult().getValue());
      assertThat(notOpened.findValuesAsText("reason")).containsExactly("a support plan agreed with the family");
    } finally {
      repository.deleteDeployment(previous.getId(), true);
    }
  }

  private static String resource(String name) throws java.io.IOException {
    try (java.io.InputStream in = IdentificationTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPupilWithAnOpenCaseGetsTheNewFiguresInsteadOfATask() {
    String upn = Upn.of(700_400_000_021L);
    importAndIdentify("datateam", new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3),
        LocalDate.of(2026, 10, 23), (day, session) -> "/").text());
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", "Sam " + CsvFile.surname(upn)); // the register's name for the UPN
    start.put("pupilDateOfBirth", java.util.Date.from(LocalDate.of(2015, 5, 1).atStartOfDay(RegisterApi.LONDON).toInstant()));
    start.put("schoolUrn", "100001");
    start.put("attendancePercent", 99.0);
    start.put("unauthorisedSessions", 0);
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]").create());
    ProcessInstance attendanceCase = runtime.startProcessInstanceByKey("AttendanceCase", start);

    int importId = importAndIdentify("datateam", new CsvFile().days(upn, "100001", calendars.of(100001),
        LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 24), (day, session) -> "G").text());
    assertThat(reviewTasks("100001")).allSatisfy(review ->
        assertThat(ours(json(tasks.getVariable(review.getId(), "identifiedPupils")), upn)).isEmpty());
    Map<String, Object> variables = runtime.getVariables(attendanceCase.getId());
    assertThat(variables).containsEntry("unauthorisedSessions", 34).containsEntry("attendanceBand", "persistent");
    assertThat((Double) variables.get("attendancePercent")).isEqualTo(68.5);
    assertThat(flagged(upn)).isZero();
  }

  @Test
  void aCaseForAPupilWithMarksTakesItsFiguresFromTheRegisterWhateverWasTyped() {
    String upn = Upn.of(700_400_000_031L);
    importAndIdentify("datateam", term("100002", upn, (day, session) -> day.getDayOfMonth() % 5 == 0 ? "N" : "/").text());
    Map figures = RegisterApi.get(rest, "officer", "/api/pupils/" + upn + "/attendance").getBody();

    ProcessInstance fromMarks = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseStart(upn, 99.0, 0));
    Map<String, Object> variables = runtime.getVariables(fromMarks.getId());
    assertThat(variables)
        .containsEntry("attendanceSource", "marks")
        .containsEntry("attendancePercent", ((Number) figures.get("attendancePercent")).doubleValue())
        .containsEntry("unauthorisedSessions", figures.get("unauthorisedInLast10SchoolWeeks"));
    assertThat((Double) variables.get("attendancePercent")).isLessThan(99.0);

    // no figures typed at all: the register's are enough
    String second = Upn.of(700_400_000_032L);
    importAndIdentify("datateam", term("100002", second, (day, session) -> "/").text());
    ProcessInstance untyped = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseStart(second, null, null));
    assertThat(runtime.getVariables(untyped.getId()))
        .containsEntry("attendanceSource", "marks").containsEntry("attendancePercent", 100.0).containsEntry("unauthorisedSessions", 0);

    // a pupil the register does not know keeps what was typed, and must have it
    String unknown = Upn.of(700_400_000_033L);
    ProcessInstance entered = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseStart(unknown, 72.5, 12));
    assertThat(runtime.getVariables(entered.getId()))
        .containsEntry("attendanceSource", "entered").containsEntry("attendancePercent", 72.5).containsEntry("unauthorisedSessions", 12);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseStart(Upn.of(700_400_000_034L), null, 3)))
        .hasMessageContaining("attendancePercent").hasMessageContaining("required");
  }

  private static Map<String, Object> caseStart(String upn, Double percent, Integer unauthorised) {
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", "Sam " + CsvFile.surname(upn)); // the register's name for the UPN
    start.put("pupilDateOfBirth", java.util.Date.from(LocalDate.of(2015, 5, 1).atStartOfDay(RegisterApi.LONDON).toInstant()));
    start.put("schoolUrn", "100002");
    start.put("attendancePercent", percent);
    start.put("unauthorisedSessions", unauthorised);
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]").create());
    return start;
  }

  /** Every school day of the autumn term to date at the school, coded by {@code code}. */
  private CsvFile term(String urn, String upn, java.util.function.BiFunction<LocalDate, String, String> code) {
    return new CsvFile().days(upn, urn, calendars.of(Integer.parseInt(urn)), LocalDate.of(2026, 9, 2),
        LocalDate.of(2026, 11, 24), code);
  }

  private int importAndIdentify(String user, String csv) {
    Map body = importCsv(rest, user, csv).getBody();
    assertThat(body).containsEntry("rowsRejected", 0);
    int importId = (Integer) body.get("importId");
    ProcessInstance identification = runtime.createProcessInstanceQuery()
        .processDefinitionKey(IdentifyAttendanceConcerns.KEY)
        .processInstanceBusinessKey(IdentificationRequests.businessKey(importId)).singleResult();
    executeJobs(identification.getId());
    return importId;
  }

  private void executeJobs(String processInstanceId) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
      management.executeJob(job.getId());
    }
  }

  /** The school's open "Review identified pupils" tasks. */
  private List<Task> reviewTasks(String urn) {
    return tasks.createTaskQuery().processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .processVariableValueEquals(ReviewIdentifiedPupils.SCHOOL_URN.name(), urn).list();
  }

  /** The listed pupils among {@code upns}, in the list's order: "UPN reason". */
  private static List<String> ours(JsonNode listed, String... upns) {
    List<String> mine = List.of(upns);
    List<String> found = new java.util.ArrayList<>();
    listed.forEach(p -> {
      if (mine.contains(p.path("upn").asText())) {
        found.add(p.path("upn").asText() + " " + p.path("reason").asText());
      }
    });
    return found;
  }

  private List<String> candidates(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentificationTest::link)
        .toList();
  }

  private static String link(IdentityLink link) {
    return link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId();
  }

  private int flagged(String upn) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM att_targeting_flag f JOIN att_pupil p ON p.pupil_id = f.pupil_id"
        + " WHERE p.upn = ?", Integer.class, upn);
  }

  private static JsonNode json(Object value) {
    try {
      return IdentifiedPupils.JSON.readTree(value.toString());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
