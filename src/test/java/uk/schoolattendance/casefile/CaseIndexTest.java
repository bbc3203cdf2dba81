package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.casefile.index.CaseRow;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * The search table follows the engine: a case's start, its facts, its open task and who holds
 * it, a change of name, its end; a refused start leaves no row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseIndexTest {

  @Autowired RuntimeService runtimeService;
  @Autowired CaseIndex index;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aStartedCaseIsFoundWithItsFactsItsOpenTaskAndItsHolder() {
    String upn = CaseFileCases.newUpn();
    ProcessInstance started =
        new CaseFileCases(runtimeService).start(CaseFixtures.UNIVERSAL_SCHOOL, "Zoë O'Brien-Quill", upn, "PX-" + upn, "Kit Quill");

    assertThat(index.byUpn(upn, 10)).containsExactly(started.getId());
    assertThat(index.byNameWords(List.of("obrien", "qui"), 10)).containsExactly(started.getId());
    assertThat(index.byNameWords(List.of("kit", "quill"), 10)).contains(started.getId());
    assertThat(index.byDateOfBirth(LocalDate.of(2016, 5, 28), 1000)).contains(started.getId());
    CaseRow row = index.rows(List.of(started.getId())).get(0);
    assertThat(row.pupilName()).isEqualTo("Zoë O'Brien-Quill");
    assertThat(row.pupilDateOfBirth()).isEqualTo(LocalDate.of(2016, 5, 28));
    assertThat(row.schoolUrn()).isEqualTo(CaseFixtures.UNIVERSAL_SCHOOL);
    assertThat(row.level()).isEqualTo(1);
    assertThat(row.caseReference()).isNotBlank();
    assertThat(index.caseIdOf(row.caseReference())).contains(started.getId());
    assertThat(row.state()).isEqualTo(CaseRow.State.OPEN);
    assertThat(row.tasks()).singleElement().satisfies(task -> {
      assertThat(task.key()).isEqualTo(AttendanceCase.INTERVENE_IN_SCHOOL.id());
      assertThat(task.candidateGroups()).containsExactly("school-" + CaseFixtures.UNIVERSAL_SCHOOL);
    });
  }

  @Test
  void aNewNameReplacesTheOldInTheSearchAndAnEndedCaseIsClosedWithItsReason() {
    String upn = CaseFileCases.newUpn();
    ProcessInstance started = new CaseFileCases(runtimeService).start(CaseFixtures.TRADED_SCHOOL, "Ada Lovell", upn, "parent-1", "Ann Byron");
    runtimeService.setVariable(started.getId(), AttendanceCase.PUPIL_NAME.name(), "Ada Lovelace");
    assertThat(index.byNameWords(List.of("lovelace"), 10)).containsExactly(started.getId());
    assertThat(index.byNameWords(List.of("lovell", "ada"), 10)).isEmpty();

    runtimeService.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name())
        .processInstanceId(started.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Moved out of the area")
        .correlate();
    CaseRow row = index.rows(List.of(started.getId())).get(0);
    assertThat(row.state()).isEqualTo(CaseRow.State.CLOSED);
    assertThat(row.closureReason()).isEqualTo("Moved out of the area");
    assertThat(row.caseOutcome()).isEqualTo(AttendanceCase.CLOSED);
    assertThat(row.tasks()).isEmpty();
  }

  @Test
  void aTaskThatEndsTakesItsCandidatesWithIt() {
    String upn = CaseFileCases.newUpn();
    ProcessInstance started = new CaseFileCases(runtimeService).start(CaseFixtures.TRADED_SCHOOL, "Cas Cade", upn, "parent-1", "Del Cade");
    String candidates = "SELECT COUNT(*) FROM cf_case_task_candidate WHERE process_instance_id = ?";
    // the traded school's Level 1 task: its named officer (contract.md: instead of the school)
    assertThat(jdbc.queryForObject(candidates, Integer.class, started.getId())).isPositive();

    runtimeService.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name())
        .processInstanceId(started.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "Moved out of the area")
        .correlate();
    assertThat(index.rows(List.of(started.getId())).get(0).tasks()).isEmpty();
    assertThat(jdbc.queryForObject(candidates, Integer.class, started.getId())).isZero();
  }

  @Test
  void aStartTheEngineRefusesLeavesNoRow() {
    String upn = CaseFileCases.newUpn();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(
            AttendanceCase.KEY,
            CaseFixtures.with(CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), upn,
                AttendanceCase.SCHOOL_URN.name(), "999999")))
        .isInstanceOf(RuntimeException.class);
    assertThat(index.byUpn(upn, 10)).isEmpty();
  }

  @Test
  void casesNamingOnePersonAreAFamilyButANamesakeIsNot() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    // each case names its parent by position; the same name and address is the same person (issue #12 item 3)
    String pat = "Pat Family " + uk.schoolattendance.persons.TestFamilies.surname();
    ProcessInstance older = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Ben Family", CaseFileCases.newUpn(), "parent-1", pat);
    ProcessInstance younger = cases.start(CaseFixtures.TRADED_SCHOOL, "Bea Family", CaseFileCases.newUpn(), "parent-1", pat);
    ProcessInstance stranger = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Cy Other", CaseFileCases.newUpn(), "parent-1", pat + "son");
    Map<String, java.util.Set<String>> siblings = index.siblings(List.of(older.getId(), stranger.getId()));
    assertThat(siblings.get(older.getId())).containsExactly(younger.getId());
    assertThat(siblings).doesNotContainKey(stranger.getId());
  }
}
