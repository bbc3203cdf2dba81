package uk.schoolattendance.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.vars;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.PenaltyNoticeProperties.Authority;

/**
 * A Notice to Improve never goes out in the name of the national placeholders ("The Local
 * Authority, Civic Centre, High Street"): "Issue Notice to Improve" fails before recording
 * anything, is retried and ends as an incident naming each property to set, as "Prepare penalty
 * notice" does; once the council sets them, Cockpit's retry issues it. It asks for no payment, so
 * it needs no way to pay.
 */
class NoticeToImproveSenderTest {

  /** The fixture's council, until a test says the council has not set its details. */
  static final PenaltyNoticeProperties PROPERTIES = Mockito.spy(ProcessEngineFixture.councilNotices());

  static ProcessEngine engine;
  static int serial;
  RuntimeService runtimeService;
  ManagementService managementService;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineFixture.builder("notice-to-improve-sender-test").penaltyNotices(PROPERTIES).build()
        .configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/NoticeToImprove.bpmn").deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void setUp() {
    runtimeService = engine.getRuntimeService();
    managementService = engine.getManagementService();
    clockAt(2025, 12, 1, 10);
  }

  @AfterEach
  void reset() {
    Mockito.reset(PROPERTIES);
    TestClock.reset();
  }

  @Test
  void noNoticeGoesOutWithThePlaceholderCouncilAndItsIncidentNamesTheProperties() throws Exception {
    councilIs(Authority.DEFAULT);
    String instance = started();

    for (int attempt = 0; attempt < 3; attempt++) {
      Job issue = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(issue.getRetries()).as("retried before the incident").isPositive();
      assertThatThrownBy(() -> managementService.executeJob(issue.getId()))
          .hasMessageContaining("Notices to Improve cannot be issued")
          .hasMessageContaining("attendance.penalty-notices.authority.name")
          .hasMessageContaining("attendance.penalty-notices.authority.address");
    }
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
    assertThat(incident).as("after its retries the job is an incident").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_IssueNoticeToImprove");
    assertThat(incident.getIncidentMessage())
        .contains("attendance.penalty-notices.authority.name is still the placeholder \"The Local Authority\"")
        .contains("attendance.penalty-notices.authority.address is still the placeholder \"Civic Centre, High Street\"")
        .doesNotContain("way to pay");
    // nothing recorded: no letter, no dates, no period
    Map<String, Object> variables = runtimeService.getVariables(instance);
    for (String name : new String[] {NoticeToImprove.LETTER.name(), NoticeToImprove.ISSUED_ON.name(),
        NoticeToImprove.BASE_DATE.name(), NoticeToImprove.ENDS_ON.name(), NoticeToImprove.PERIOD_WEEKS.name(),
        NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name()}) {
      assertThat(variables).as(name).doesNotContainKey(name);
    }
    assertThat(managementService.createJobQuery().processInstanceId(instance).timers().count()).isZero();

    // the council sets its name and address; Cockpit's retry issues the notice in its name
    Mockito.reset(PROPERTIES);
    Job failed = managementService.createJobQuery().processInstanceId(instance).singleResult();
    managementService.setJobRetries(failed.getId(), 1);
    managementService.executeJob(failed.getId());
    assertThat(runtimeService.getVariable(instance, NoticeToImprove.ISSUED_ON.name())).isEqualTo("2025-12-01");
    assertThat(firstPage(instance)).startsWith("Seaview Borough Council");
  }

  @Test
  void aCouncilWithItsNameButThePlaceholderAddressIsToldToSetTheAddress() {
    councilIs(new Authority("Seaview Borough Council", null, null, null, null, "https://www.seaview.example/pay",
        null, false, null, null));
    String instance = started();
    Job issue = managementService.createJobQuery().processInstanceId(instance).singleResult();

    assertThatThrownBy(() -> managementService.executeJob(issue.getId()))
        .hasMessageContaining("attendance.penalty-notices.authority.address is still the placeholder")
        .hasMessageNotContaining("authority.name");
    assertThat(runtimeService.getVariable(instance, NoticeToImprove.LETTER.name())).isNull();
  }

  @Test
  void aNoticeToImproveNeedsTheCouncilsNameAndAddressButNoWayToPay() throws Exception {
    councilIs(new Authority("Seaview Borough Council", "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX",
        null, null, null, null, null, false, null, null));
    String instance = started();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());

    assertThat(firstPage(instance)).startsWith("Seaview Borough Council")
        .contains("Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX");
  }

  private void councilIs(Authority authority) {
    doReturn(authority).when(PROPERTIES).authority();
  }

  private String started() {
    String reference = "AC-2025-0003" + String.format("%02d", ++serial);
    Map<String, Object> in = vars(
        "caseReference", reference, "pupilUpn", CaseFixtures.UPN, "pupilName", "Sam Pupil",
        NoticeToImprove.SCHOOL_URN.name(), "100002", NoticeToImprove.PARENTS.name(), CaseFixtures.twoParents(),
        NoticeToImprove.ATTENDANCE_PERCENT.name(), 78.5, NoticeToImprove.UNAUTHORISED_SESSIONS.name(), 14,
        NoticeToImprove.SUFFICIENT_IMPROVEMENT.name(), "no unauthorised absence over the improvement period");
    return runtimeService.startProcessInstanceByKey(NoticeToImprove.KEY, reference, in).getId();
  }

  private String firstPage(String instance) throws java.io.IOException {
    FileValue letter = runtimeService.getVariableTyped(instance, NoticeToImprove.LETTER.name());
    return new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(
        letter.getValue().readAllBytes())).getTextFromPage(1).replaceAll("\\s+", " ");
  }
}
