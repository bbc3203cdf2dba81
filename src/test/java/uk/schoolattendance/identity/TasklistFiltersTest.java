package uk.schoolattendance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Tasklist filters per role, readable by that role; the webapps carry the application's name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistFiltersTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired AuthorizationsInitializer authorizationsInitializer;

  @Test
  void eachRoleReadsItsFilters() throws Exception {
    assertThat(filtersOf("school1"))
        .contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_SCHOOL)
        .doesNotContain(TasklistFilters.LEGAL_DECISION, TasklistFilters.REVIEWS_DUE, TasklistFilters.MY_TEAM);
    assertThat(filtersOf("officer"))
        .contains(
            TasklistFilters.MY_TASKS,
            TasklistFilters.MY_TEAM,
            TasklistFilters.REVIEWS_DUE,
            TasklistFilters.NTI_ENDING,
            TasklistFilters.OVERDUE)
        .doesNotContain(TasklistFilters.MY_SCHOOL);
    assertThat(filtersOf("senior")).contains(TasklistFilters.LEGAL_DECISION);
    assertThat(filtersOf("compliance")).contains(TasklistFilters.LEGAL_DECISION, TasklistFilters.MY_TEAM);
    assertThat(filtersOf("manager"))
        .contains(TasklistFilters.REVIEWS_DUE, TasklistFilters.NTI_ENDING, TasklistFilters.LEGAL_DECISION, TasklistFilters.OVERDUE);
    assertThat(filtersOf("analyst")).isEmpty();
  }

  /**
   * Tasklist opens on the readable filter of lowest priority: a school user's is its school's cases, which hold
   * every task the user can see; a caseworker's is still its own list.
   */
  @Test
  void eachRoleOpensTasklistOnTheListThatHoldsItsWork() throws Exception {
    for (String school : List.of("school1", "school2")) {
      JsonNode first = firstFilterOf(school);
      assertThat(first.get("name").asText()).as(school).isEqualTo(TasklistFilters.MY_SCHOOL);
      long listed = read(rest.withBasicAuth(school, school)
          .getForEntity("/engine-rest/filter/" + first.get("id").asText() + "/count", String.class)).get("count").asLong();
      long visible = read(rest.withBasicAuth(school, school).getForEntity("/engine-rest/task/count", String.class)).get("count").asLong();
      assertThat(listed).as(school).isEqualTo(visible);
    }
    for (String caseworker : List.of("officer", "senior", "compliance", "manager")) {
      assertThat(firstFilterOf(caseworker).get("name").asText()).as(caseworker).isEqualTo(TasklistFilters.MY_TASKS);
    }
  }

  @Test
  void aFilterMadeByAnEarlierVersionTakesThisVersionsOrder() {
    org.camunda.bpm.engine.filter.Filter mySchool =
        filterService.createFilterQuery().filterName(TasklistFilters.MY_SCHOOL).singleResult();
    java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>(mySchool.getProperties());
    Object priority = properties.get("priority");
    properties.put("priority", -5);
    filterService.saveFilter(mySchool.setProperties(properties));
    tasklistFilters.createFilters(null);
    assertThat(filterService.getFilter(mySchool.getId()).getProperties().get("priority")).isEqualTo(priority);
  }

  /**
   * The school's filter holds tasks, not cases: a traded school's tasks go to its named officer, so a filter
   * called "My school's cases" read "(0)" beside six open cases (walk 14, defect 15). A filter made under the
   * old name is renamed, not doubled.
   */
  @Test
  void theSchoolsFilterIsNamedForTheTasksItHoldsAndSaysWhereTheCasesAre() {
    assertThat(TasklistFilters.MY_SCHOOL).isEqualTo("My school's tasks");
    org.camunda.bpm.engine.filter.Filter mySchool =
        filterService.createFilterQuery().filterName(TasklistFilters.MY_SCHOOL).singleResult();
    assertThat((String) mySchool.getProperties().get("description")).contains("named officer", "My school's cases");
    filterService.saveFilter(mySchool.setName(TasklistFilters.MY_SCHOOL_BEFORE));
    tasklistFilters.createFilters(null);
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_SCHOOL_BEFORE).count()).isZero();
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_SCHOOL).list())
        .extracting(org.camunda.bpm.engine.filter.Filter::getId).containsExactly(mySchool.getId());
  }

  private JsonNode firstFilterOf(String user) throws Exception {
    List<JsonNode> filters = new ArrayList<>();
    read(rest.withBasicAuth(user, user).getForEntity("/engine-rest/filter?maxResults=50", String.class)).forEach(filters::add);
    filters.sort(java.util.Comparator.<JsonNode>comparingInt(filter -> filter.path("properties").path("priority").asInt())
        .thenComparing(filter -> filter.get("name").asText()));
    assertThat(filters).as(user).isNotEmpty();
    return filters.get(0);
  }

  @Test
  void everyFilterRunsForItsReaders() throws Exception {
    for (String user : List.of("school1", "officer", "manager")) {
      JsonNode filters = read(rest.withBasicAuth(user, user).getForEntity("/engine-rest/filter?maxResults=50", String.class));
      for (JsonNode filter : filters) {
        ResponseEntity<String> tasks =
            rest.withBasicAuth(user, user)
                .getForEntity("/engine-rest/filter/" + filter.get("id").asText() + "/list?maxResults=50", String.class);
        assertThat(tasks.getStatusCode()).as(user + " " + filter.get("name") + tasks.getBody()).isEqualTo(HttpStatus.OK);
      }
    }
  }

  @Test
  void everyFilterShowsThePupilAndTheCaseOfEachTask() {
    for (org.camunda.bpm.engine.filter.Filter filter : filterService.createFilterQuery().list()) {
      assertThat(filter.getProperties().get("variables").toString())
          .as(filter.getName())
          .contains("pupilName", "caseReference");
    }
  }

  @Test
  void startUpIsIdempotent() {
    long filters = filterService.createFilterQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    authorizationsInitializer.createAuthorizations(null);
    tasklistFilters.createFilters(null);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS).count()).isEqualTo(1);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void webappsCarryTheApplicationsNameAndHideTheVendorBanner(String app) {
    ResponseEntity<String> config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the header and the tab's title read "<vendor> <name>": no vendor's name, nothing before the application's
    assertThat(config.getBody()).contains("vendor: 'School Attendance'").contains("name: 'Casework'").doesNotContain("\\u00a0");
    ResponseEntity<String> styles = rest.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
    assertThat(styles.getBody()).contains(".ce-eol-banner").contains("display: none");
  }

  @Test
  void cockpitLoadsTheDashboardPlugin() {
    assertThat(rest.getForEntity("/camunda/app/cockpit/scripts/config.js", String.class).getBody())
        .contains("customScripts: ['scripts/attendance-dashboard.js']");
    ResponseEntity<String> plugin =
        rest.getForEntity("/camunda/app/cockpit/scripts/attendance-dashboard.js", String.class);
    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plugin.getBody()).contains("pluginPoint: 'cockpit.dashboard'").contains("/api/reports/dashboard");
  }

  private List<String> filtersOf(String user) throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth(user, user).getForEntity("/engine-rest/filter?maxResults=50", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> names = new ArrayList<>();
    read(answer).forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }

  private static JsonNode read(ResponseEntity<String> answer) throws Exception {
    return JSON.readTree(answer.getBody());
  }
}
