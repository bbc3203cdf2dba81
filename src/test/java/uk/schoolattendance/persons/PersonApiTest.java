package uk.schoolattendance.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * {@code GET /api/persons/{id}} and {@code POST /api/persons/{id}/merge}: who may merge, what a
 * refused merge leaves (nothing changed), and a school that reads only its own pupils' parents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PersonApiTest {

  private static final String REASON = "One parent: the referral misspelt the surname";

  @Autowired RuntimeService runtimeService;
  @Autowired Persons persons;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  @Test
  void onlySeniorPractitionersTheComplianceTeamAndAdministratorsMergeAndARefusedMergeChangesNothing() {
    String family = TestFamilies.surname();
    String one = persons.resolve(null, "Robin " + family, "4 Pier Hill, Southend SS1 1EE", null);
    String other = persons.resolve(null, "Robyn " + family, "4 Pier Hill, Southend SS1 1EE", null);

    for (String user : List.of("officer", "manager", "school1", "datateam")) {
      assertThat(merge(user, one, Map.of("otherPersonId", other, "reason", REASON)).getStatusCode())
          .as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<String> noReason = merge("senior", one, Map.of("otherPersonId", other));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("reason");
    ResponseEntity<String> badId = merge("senior", one, Map.of("otherPersonId", "${1+1}", "reason", REASON));
    assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badId.getBody()).contains("otherPersonId");
    ResponseEntity<String> self = merge("senior", one, Map.of("otherPersonId", one, "reason", REASON));
    assertThat(self.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(self.getBody()).contains("otherPersonId");
    assertThat(merge("senior", one, Map.of("otherPersonId", "P-999999999", "reason", REASON)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(merge("senior", "P-999999998", Map.of("otherPersonId", other, "reason", REASON)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(persons.find(one).orElseThrow().mergedIds()).isEmpty();
    assertThat(persons.find(other).orElseThrow().personId()).isEqualTo(other);

    ResponseEntity<String> merged = merge("senior", one, Map.of("otherPersonId", other, "reason", REASON));
    assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the losing id keeps resolving to the survivor, with the merge recorded: who, when, why
    ResponseEntity<String> read = rest.withBasicAuth("officer", "officer").getForEntity("/api/persons/" + other, String.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).contains("\"personId\":\"" + one + "\"").contains("\"mergedIds\":[\"" + other + "\"]")
        .contains("\"mergedBy\":\"senior\"").contains(REASON);
    // merging again is refused: they are one person already
    assertThat(merge("compliance", other, Map.of("otherPersonId", one, "reason", REASON)).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(persons.resolve(null, "Robyn " + family, "4 pier hill, southend ss11ee", null)).isEqualTo(one);
  }

  @Test
  void aSchoolReadsTheParentsOfItsOwnPupilsOnly() {
    String family = TestFamilies.surname();
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance traded = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(
        CaseFixtures.startVariables(), AttendanceCase.SCHOOL_URN.name(), CaseFixtures.TRADED_SCHOOL,
        AttendanceCase.PARENTS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            "[{\"name\":\"Dana " + family + "\",\"address\":\"3 Bay Road, Southend SS1 3FF\"}]").create()));
    String person = persons.match("Dana " + family, "3 Bay Road, Southend SS1 3FF", null).orElseThrow();
    assertThat(runtimeService.getVariable(traded.getId(), AttendanceCase.PARENTS.name()).toString()).contains(person);

    assertThat(rest.withBasicAuth("school1", "school1").getForEntity("/api/persons/" + person, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("school2", "school2").getForEntity("/api/persons/" + person, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("compliance", "compliance").getForEntity("/api/persons/" + person, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    runtimeService.deleteProcessInstance(traded.getId(), "test: done");
  }

  private ResponseEntity<String> merge(String user, String id, Map<String, Object> body) {
    return rest.withBasicAuth(user, user).postForEntity("/api/persons/" + id + "/merge", body, String.class);
  }
}
