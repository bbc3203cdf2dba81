package uk.schoolattendance.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.london;
import static uk.schoolattendance.casework.CaseFixtures.vars;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.ProcessEngineFixture;

/** NoticeToImprove: issue (async, idempotent, with its letter), the period in school weeks, review, early escalation. */
@Deployment(resources = "bpmn/NoticeToImprove.bpmn")
class NoticeToImproveTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessEngineFixture.builder("notice-to-improve-test").coverage().build().configuration)
          .assertClassCoverageAtLeast(1.0)
          .build();

  ProcessEngine processEngine;
  RuntimeService runtimeService;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    runtimeService = processEngine.getRuntimeService();
    clockAt(2025, 12, 1, 10); // Monday 1 December 2025
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  private ProcessInstance startNotice() {
    Map<String, Object> in = vars(
        "caseReference", "AC-2025-000100", "pupilUpn", CaseFixtures.UPN, "pupilName", "Sam Pupil",
        NoticeToImprove.SCHOOL_URN.name(), "100002", NoticeToImprove.PARENTS.name(), CaseFixtures.twoParents(), NoticeToImprove.ATTENDANCE_PERCENT.name(), 78.5,
        NoticeToImprove.UNAUTHORISED_SESSIONS.name(), 14, NoticeToImprove.SUPPORT_SO_FAR.name(), "Attendance meeting on 6 October; family casework since November",
        NoticeToImprove.SUFFICIENT_IMPROVEMENT.name(), "no unauthorised absence and attendance above 92 % over the improvement period");
    return runtimeService.startProcessInstanceByKey(NoticeToImprove.KEY, "AC-2025-000100", in);
  }

  private ProcessInstance issued() {
    ProcessInstance instance = startNotice();
    assertThat(instance).isWaitingAt("Task_IssueNoticeToImprove"); // asynchronous: a job, retried on failure
    execute(job(instance));
    return instance;
  }

  @Test
  void theImprovementPeriodIsSixSchoolWeeksAndTheReviewFollows() {
    ProcessInstance instance = issued();
    assertThat(instance).isWaitingAt(NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id());
    // the period begins when the posted notice counts as received (2 working days: Wednesday 3 December),
    // not on the letter's date (walk 13, #14); a calendar day, stored as its ISO text whatever the zone:
    // 10, 17 Dec, [Christmas], 7, 14, 21, 28 Jan
    assertThat(runtimeService.getVariable(instance.getId(), NoticeToImprove.ENDS_ON.name())).isEqualTo("2026-01-28");
    assertThat(runtimeService.getVariable(instance.getId(), NoticeToImprove.BASE_DATE.name())).isEqualTo("2025-12-03");
    Date endsAt = london(2026, 1, 28, 9);
    assertThat(task(instance).getDueDate()).isEqualTo(endsAt);
    Job period = job("Event_ImprovementPeriodEnded", instance);
    assertThat(period.getDuedate()).isEqualTo(endsAt);

    ClockUtil.setCurrentTime(endsAt);
    execute(period);
    assertThat(instance).isWaitingAt(NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id());
    complete(task(instance), vars(NoticeToImprove.IMPROVEMENT_SUFFICIENT.name(), "true"));
    assertThat(instance).isEnded().hasPassed("Event_NoticeToImproveReviewed");
    assertThat(historic(instance, NoticeToImprove.IMPROVEMENT_SUFFICIENT.name())).isEqualTo(true);
  }

  @Test
  void theLetterHasTheEightStatutoryContents() throws Exception {
    ProcessInstance instance = issued();
    FileValue letter = runtimeService.getVariableTyped(instance.getId(), NoticeToImprove.LETTER.name());
    assertThat(letter.getMimeType()).isEqualTo("application/pdf");
    byte[] pdf = letter.getValue().readAllBytes();
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
        .getTextFromPage(1);
    for (String heading : new String[] {"attendance record and the offence", "your duty", "Support given so far",
        "Support still on offer", "Warning", "Improvement period", "sufficient improvement", "before the period ends"}) {
      assertThat(text).contains(heading);
    }
    // each liable parent gets their own notice at their own address (one page each)
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
    assertThat(reader.getNumberOfPages()).isEqualTo(2);
    String second = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(2);
    assertThat(text).contains("Alex Parent").contains("1 High Street").doesNotContain("Jo Parent");
    assertThat(second).contains("Jo Parent").contains("5 Low Road").doesNotContain("Alex Parent")
        .contains("sufficient improvement");
    // what the officer set for this case, on each parent's notice, not a fixed "above 90 %" (#12 item 9)
    for (String page : new String[] {text, second}) {
      assertThat(page.replaceAll("\\s+", " "))
          .contains("sufficient improvement during the improvement period means: no unauthorised absence and attendance above 92 %")
          .doesNotContain("above 90 %");
    }
    // from receipt (Wednesday 3 December, the letter is dated Monday 1 December) to the period's last day
    // inside it: Tuesday 27 January, not Wednesday 28 January of a 7th school week (walk 13, #13/#14)
    assertThat(text.replaceAll("\\s+", " ")).contains("Sam Pupil").contains("14 sessions")
        .contains("improvement period of 6 school weeks, from 3 December 2025 to 27 January 2026."
            + " It counts from the first school day on or after the day you receive this notice.")
        .doesNotContain("28 January").contains("family casework since November")
        // section 8 states the grounds the officer's form offers and the rule accepts, and no other
        .contains("A penalty notice may be issued before the end of the improvement period, once you have"
            + " received this notice, only on these grounds: further unauthorised absence during the improvement"
            + " period; the parent has refused or stopped engaging with the support offered; circumstances have"
            + " changed so that the improvement period can no longer work.");
    assertThat(runtimeService.getVariable(instance.getId(), NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name()))
        .isEqualTo("3 December 2025 to 27 January 2026");
  }

  @Test
  void theLetterComesFromTheAuthorityAndTheCaseOfficerWhoSignsItAndCanBeContacted() throws Exception {
    org.camunda.bpm.engine.IdentityService identity = processEngine.getIdentityService();
    org.camunda.bpm.engine.identity.User officer = identity.newUser("officer");
    officer.setFirstName("Olivia");
    officer.setLastName("Okafor");
    officer.setEmail("olivia.okafor@attendance.example");
    identity.saveUser(officer);
    try {
      ProcessInstance instance = issued();
      FileValue letter = runtimeService.getVariableTyped(instance.getId(), NoticeToImprove.LETTER.name());
      byte[] pdf = letter.getValue().readAllBytes();
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"));
      java.nio.file.Files.write(java.nio.file.Path.of("target", "letters", "notice-to-improve.pdf"), pdf); // to look at
      com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
      for (int page = 1; page <= 2; page++) { // each parent's notice
        String[] lines = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page).split("\\R");
        // the sender block the penalty notice has (the fixture's council)
        assertThat(lines[0].strip()).isEqualTo("Seaview Borough Council");
        assertThat(lines[1].strip())
            .isEqualTo("Attendance Service, Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX");
        String text = String.join(" ", lines).replaceAll("\\s+", " ");
        assertThat(text)
            .contains("please contact your case officer, Olivia Okafor, (details below) to accept it")
            .contains("Contact Your case officer is Olivia Okafor, Attendance Service, Seaview Borough Council:"
                + " email olivia.okafor@attendance.example. You can write to Attendance Service, Seaview Borough"
                + " Council, Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX, quoting our reference AC-2025-000100.")
            .contains("Yours sincerely, Olivia Okafor Case officer, Attendance Service For and on behalf of"
                + " Seaview Borough Council");
      }
      assertThat(reader.getNumberOfPages()).isEqualTo(2);
      reader.close();
    } finally {
      identity.deleteUser("officer");
    }
  }

  @Test
  void withoutAnOfficerTheIdentityStoreKnowsTheLetterNamesTheTeam() throws Exception {
    ProcessInstance instance = issued(); // "officer" is no user of this engine's identity store
    FileValue letter = runtimeService.getVariableTyped(instance.getId(), NoticeToImprove.LETTER.name());
    String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(
        letter.getValue().readAllBytes())).getTextFromPage(1).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("please contact the Attendance Service (details below) to accept it")
        .contains("Contact the Attendance Service of Seaview Borough Council. You can write to")
        .contains("Yours sincerely, Attendance Service For and on behalf of Seaview Borough Council")
        .doesNotContain("officer,");
  }

  @Test
  void issuingAgainChangesNothing() {
    ProcessInstance instance = issued();
    Object endsOn = runtimeService.getVariable(instance.getId(), NoticeToImprove.ENDS_ON.name());
    // A retry of the job (here: the task run again a week later) must not issue a second notice
    ClockUtil.setCurrentTime(london(2025, 12, 8, 10));
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity("Task_IssueNoticeToImprove").execute();
    execute(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_IssueNoticeToImprove").singleResult());
    assertThat(runtimeService.getVariable(instance.getId(), NoticeToImprove.ENDS_ON.name())).isEqualTo(endsOn);
    assertThat(runtimeService.getVariable(instance.getId(), NoticeToImprove.ISSUED_ON.name()))
        .isEqualTo("2025-12-01");
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(NoticeToImprove.LETTER.name()).count()).isEqualTo(1);
  }

  @Test
  void theOfficerEscalatesEarlyWithAReasonAndGroundsOnceTheParentHasTheNotice() {
    ProcessInstance instance = issued(); // posted Monday 1 December 2025, received Wednesday 3 December
    // minutes after issue, before the parent can have the notice: refused, whatever the grounds (walk 13, #12)
    assertThat(refusal(instance, vars(NoticeToImprove.EARLY_ESCALATION_REASON.name(), "parent-not-engaging",
        NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(), "The parent refused the home visit on 1 December")))
        .hasMessage("earlyEscalationReason: the notice was posted on 1 December 2025 and counts as received on"
            + " 3 December 2025: it cannot be escalated before the parent has had it");
    ClockUtil.setCurrentTime(london(2025, 12, 2, 16));
    assertThat(refusal(instance, vars(NoticeToImprove.EARLY_ESCALATION_REASON.name(), "parent-not-engaging",
        NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(), "The parent refused the home visit on 2 December")))
        .hasMessageStartingWith("earlyEscalationReason: the notice was posted on 1 December 2025");

    ClockUtil.setCurrentTime(london(2025, 12, 3, 10));
    assertThat(refusal(instance, vars())).hasMessageStartingWith("earlyEscalationReason: is required, one of"
        + " further-unauthorised-absence, parent-not-engaging, circumstances-changed");
    assertThat(refusal(instance, vars(NoticeToImprove.EARLY_ESCALATION_REASON.name(), "x",
        NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(), "The parent refused the home visit on 3 December")))
        .hasMessageStartingWith("earlyEscalationReason: 'x' is not allowed");
    assertThat(refusal(instance, vars(NoticeToImprove.EARLY_ESCALATION_REASON.name(), "parent-not-engaging")))
        .hasMessageStartingWith("earlyEscalationGrounds: is required");
    // grounds of no substance
    assertThat(refusal(instance, vars(NoticeToImprove.EARLY_ESCALATION_REASON.name(), "parent-not-engaging",
        NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(), "x")))
        .hasMessage("earlyEscalationGrounds: say what happened (dates of absence, what the parent said or refused),"
            + " at least 20 characters, was 1");
    assertThat(instance).isWaitingAt(NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id());
    assertThat(runtimeService.getVariable(instance.getId(), NoticeToImprove.IMPROVEMENT_SUFFICIENT.name())).isNull();

    complete(task(instance), vars(NoticeToImprove.EARLY_ESCALATION_REASON.name(), "parent-not-engaging",
        NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(), "The parent refused the home visit on 3 December"));
    assertThat(instance).isEnded().hasPassed("Event_EscalatedEarly");
    assertThat(historic(instance, NoticeToImprove.IMPROVEMENT_SUFFICIENT.name())).isEqualTo(false);
    assertThat(historic(instance, NoticeToImprove.EARLY_ESCALATION_REASON_SHOWN.name()))
        .isEqualTo("The parent has refused or stopped engaging with the support offered");
  }

  @Test
  void furtherUnauthorisedAbsenceTheLetterNamesIsAGroundToEscalateEarly() {
    ProcessInstance instance = issued();
    ClockUtil.setCurrentTime(london(2025, 12, 8, 10));
    complete(task(instance), vars(NoticeToImprove.EARLY_ESCALATION_REASON.name(), "further-unauthorised-absence",
        NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(), "Unauthorised absence on 4 and 5 December, no reason given"));
    assertThat(instance).isEnded().hasPassed("Event_EscalatedEarly");
    assertThat(historic(instance, NoticeToImprove.EARLY_ESCALATION_REASON_SHOWN.name()))
        .isEqualTo("Further unauthorised absence during the improvement period");
  }

  private InvalidInputException refusal(ProcessInstance instance, Map<String, Object> given) {
    String taskId = task(instance).getId();
    Throwable cause = org.assertj.core.api.Assertions.catchThrowable(
        () -> processEngine.getTaskService().complete(taskId, given));
    while (cause != null && !(cause instanceof InvalidInputException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("refused").isNotNull();
    return (InvalidInputException) cause;
  }

  private Object historic(ProcessInstance instance, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }
}
