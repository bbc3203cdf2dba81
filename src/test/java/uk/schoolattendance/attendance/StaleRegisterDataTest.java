package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.process.Upn;

/**
 * Managers see which schools' data is stale (issue #15): a school with no marks for three school
 * days has one running StaleRegisterData instance, visible to managers through the engine (as in
 * Cockpit), kept current and ended when its marks arrive again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class StaleRegisterDataTest {

  static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired RegisterFreshness freshness;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  @Test
  void aSchoolWithoutMarksForThreeSchoolDaysIsShownToManagersUntilItsMarksArrive() {
    importWeek(Upn.of(700_800_000_001L), "100001", LocalDate.of(2027, 2, 22));
    freshness.update(TODAY);

    assertThat(stale("100001")).isNull();
    ProcessInstance hillcrest = stale("100002");
    assertThat(hillcrest).isNotNull();
    Map<String, Object> variables = runtime.getVariables(hillcrest.getId());
    assertThat(variables).containsEntry("schoolName", "Hillcrest Academy");
    assertThat((Integer) variables.get("schoolDaysWithoutMarks")).isGreaterThanOrEqualTo(3);
    assertThat(freshness.stale(TODAY)).extracting(RegisterFreshness.StaleSchool::urn).containsExactly("100002");

    // the same day again: still one instance
    freshness.update(TODAY);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("stale-100002").count()).isEqualTo(1);

    // managers see it as Cockpit does, through the engine's API with their own authorizations
    ResponseEntity<String> found = rest.withBasicAuth("manager", "manager")
        .getForEntity("/engine-rest/process-instance?processDefinitionKey=StaleRegisterData&maxResults=100", String.class);
    assertThat(found.getStatusCode()).as(found.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(found.getBody()).contains("stale-100002");

    // the school's marks arrive: the instance ends
    importWeek(Upn.of(700_800_000_002L), "100002", LocalDate.of(2027, 2, 22));
    freshness.update(TODAY);
    assertThat(stale("100002")).isNull();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(hillcrest.getId()).singleResult().getEndTime())
        .isNotNull();

    // checked every weekday morning by a timer Cockpit shows
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(WatchRegisterFreshness.KEY).count()).isPositive();
  }

  private void importWeek(String upn, String urn, LocalDate monday) {
    Map body = RegisterApi.importCsv(rest, "datateam", new CsvFile()
        .days(upn, urn, calendars.of(Integer.parseInt(urn)), monday, monday.plusDays(4), (d, s) -> "/").text()).getBody();
    assertThat(body).containsEntry("rowsRejected", 0);
  }

  private ProcessInstance stale(String urn) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(StaleRegisterData.KEY)
        .processInstanceBusinessKey("stale-" + urn).singleResult();
  }
}
