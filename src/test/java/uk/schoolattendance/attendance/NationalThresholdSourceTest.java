package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.attendance.RegisterApi.get;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.Decisions;
import uk.schoolattendance.casework.OffencePeriodProposals;
import uk.schoolattendance.process.ThresholdWords;
import uk.schoolattendance.process.Upn;

/**
 * Walk 12 #3: the national threshold has one source, the NationalThreshold decision. An analyst
 * who deploys a version with another number of sessions changes, at once, the case's own check
 * (the decision) and what the register reads: a pupil's figures ({@code thresholdMetOn} in the API,
 * the identified pupils, the data pack) and the words on the case page and in letters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class NationalThresholdSourceTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired DecisionService decisions;
  @Autowired ThresholdWords words;
  @Autowired OffencePeriodProposals proposals;

  @Test
  void aNewVersionOfTheDecisionChangesTheCasesCheckAndTheRegisterAlike() throws IOException {
    String upn = Upn.of(700_290_000_001L);
    importCsv(rest, "datateam", new CsvFile()
        .mark(upn, "100001", LocalDate.of(2026, 11, 23), "AM", "N")
        .mark(upn, "100001", LocalDate.of(2026, 11, 23), "PM", "N").text());
    assertThat(figures(upn)).containsEntry("unauthorisedInLast10SchoolWeeks", 2).containsEntry("thresholdMetOn", null);
    assertThat(Decisions.nationalThresholdMet(decisions, 2)).isFalse();
    assertThat(words.threshold()).isEqualTo("10 sessions in a rolling 10 school weeks");

    String national = Files.readString(Path.of("bpmn/NationalThreshold.dmn"), StandardCharsets.UTF_8);
    String council = national.replace("<text>&gt;= 10</text>", "<text>&gt;= 2</text>").replace("<text>&lt; 10</text>", "<text>&lt; 2</text>");
    assertThat(council).isNotEqualTo(national);
    Deployment deployment = repository.createDeployment().name("council threshold")
        .addString("NationalThreshold.dmn", council).deploy();
    try {
      // the case's check and the register, with no restart
      assertThat(Decisions.nationalThresholdMet(decisions, 2)).isTrue();
      assertThat(figures(upn)).containsEntry("thresholdMetOn", "2026-11-23")
          .containsEntry("thresholdWindowTo", "2026-11-23");
      assertThat(words.threshold()).isEqualTo("2 sessions in a rolling 10 school weeks");
      assertThat(proposals.thresholdShown()).isEqualTo("2 unauthorised sessions (G, N, O, U) within 10 school weeks");
      assertThat(proposals.propose(upn, TODAY)).get().extracting(OffencePeriodProposals.OffencePeriod::unauthorisedSessions)
          .isEqualTo(2);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    // the national version again: both follow it back
    assertThat(Decisions.nationalThresholdMet(decisions, 2)).isFalse();
    assertThat(figures(upn)).containsEntry("thresholdMetOn", null);
    assertThat(words.threshold()).isEqualTo("10 sessions in a rolling 10 school weeks");
  }

  private Map figures(String upn) {
    return get(rest, "officer", "/api/pupils/" + upn + "/attendance?asOf=" + TODAY).getBody();
  }
}
