package uk.schoolattendance.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeRegister;

/**
 * A parent is a person, not a position (issue #12 item 3): the limit of 2 notices in 3 years
 * (SI 2007/1867 reg 7A) and the second-notice rate (reg 4) count per person per child, whatever
 * order a later case lists the parents in, through the engine's PenaltyNotice called by a case
 * and through the register's notices issued elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PersonLimitsTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired PenaltyNoticeRegister register;
  @Autowired Persons persons;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  @Test
  void aLaterCaseListingTheParentsInAnotherOrderGetsEachPersonsOwnAmountAndLimit() {
    String family = family();
    String upn = CaseFixtures.newUpn();
    // case 1 names only Alex: Alex's first notice, £80 reduced
    CaseFixtures.clockAt(2026, 11, 2, 10);
    ProcessInstance first = startFromForm(upn, "Alex " + family, "1 High Street, Southend SS1 1AA", null, null,
        "2026-09-14", "2026-10-09");
    Map<String, PenaltyNoticeEntry> firstNotices = prepareNotices(first);
    assertThat(firstNotices).containsOnlyKeys("Alex " + family);
    assertThat(firstNotices.get("Alex " + family).reducedAmount()).isEqualByComparingTo("80");
    runtimeService.deleteProcessInstance(first.getId(), "test: the next case for the same pupil");

    // case 2 lists Jo first and Alex second, with Alex's name and postcode spaced and cased differently
    CaseFixtures.clockAt(2026, 12, 7, 10);
    ProcessInstance second = startFromForm(upn, "Jo " + family, "5 Low Road, Southend SS2 2BB",
        "  alex   " + family.toUpperCase() + " ", "1 High Street,Southend ss11aa", "2026-11-09", "2026-11-27");
    Map<String, PenaltyNoticeEntry> secondNotices = prepareNotices(second);
    // Jo has had no notice: the first rate, although Jo is now "parent 1"
    assertThat(secondNotices.get("Jo " + family).reducedAmount()).isEqualByComparingTo("80");
    assertThat(secondNotices.get("Jo " + family).sequence()).isEqualTo(1);
    // Alex's second notice for this child: £160, no reduction, although Alex is now "parent 2"
    PenaltyNoticeEntry alexSecond = secondNotices.get("alex   " + family.toUpperCase());
    assertThat(alexSecond.reducedAmount()).isNull();
    assertThat(alexSecond.fullAmount()).isEqualByComparingTo("160");
    assertThat(alexSecond.sequence()).isEqualTo(2);
    assertThat(alexSecond.parentId()).isEqualTo(firstNotices.get("Alex " + family).parentId()).matches("P-\\d{6}");
    runtimeService.deleteProcessInstance(second.getId(), "test: the next case for the same pupil");

    // case 3, same order as case 1: Alex has had 2 notices in 3 years for this child, Jo one
    CaseFixtures.clockAt(2027, 2, 1, 10);
    ProcessInstance third = startFromForm(upn, "Alex " + family, "1 High Street, Southend SS1 1AA",
        "Jo " + family, "5 Low Road, Southend SS2 2BB", "2027-01-04", "2027-01-22");
    List<ProcessInstance> notices = noticesOf(third);
    assertThat(notices).hasSize(2);
    for (ProcessInstance notice : notices) {
      completeEvidence(notice);
    }
    Map<String, Object> alex = variablesOf(notices, "Alex " + family);
    assertThat(alex).containsEntry(PenaltyNotice.NOTICE_ALLOWED.name(), false)
        .containsEntry(PenaltyNotice.REFUSAL_REASON.name(), "limit-reached")
        .containsEntry(PenaltyNotice.PRIOR_NOTICES.name(), 2);
    Map<String, Object> jo = variablesOf(notices, "Jo " + family);
    assertThat(jo).containsEntry(PenaltyNotice.NOTICE_ALLOWED.name(), true).containsEntry(PenaltyNotice.SEQUENCE.name(), 2);
    runtimeService.deleteProcessInstance(third.getId(), "test: done");
  }

  @Test
  void aNoticeRecordedAsIssuedElsewhereCountsForThePersonItNames() {
    String family = family();
    String upn = CaseFixtures.newUpn();
    CaseFixtures.clockAt(2026, 11, 2, 10);
    // a head teacher's notice to Kim, the name and postcode written another way
    ResponseEntity<Map> recorded = rest.withBasicAuth("compliance", "compliance").postForEntity(
        "/api/penalty-notices/external",
        Map.ofEntries(
            Map.entry("issuedBy", "head-teacher"), Map.entry("issuerName", "Mrs Head"), Map.entry("pupilUpn", upn),
            Map.entry("pupilName", "Sam Pupil"), Map.entry("schoolUrn", CaseFixtures.UNIVERSAL_SCHOOL),
            Map.entry("parentId", "SCHOOL-REF-" + family), Map.entry("parentName", "KIM  " + family.toLowerCase()),
            Map.entry("parentAddress", " 7 Elm Way, Southend  ss2 6xx "), Map.entry("noticeReason", "holiday"),
            Map.entry("offenceFrom", "2026-06-01"), Map.entry("offenceTo", "2026-06-12"), Map.entry("issuedOn", "2026-06-20"),
            Map.entry("fullAmount", 160.00), Map.entry("reducedAmount", 80.00), Map.entry("paid", true),
            Map.entry("amountPaid", 80.00), Map.entry("paidOn", "2026-06-25")),
        Map.class);
    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ProcessInstance attendanceCase = startFromForm(upn, "Kim " + family, "7 Elm Way, Southend SS2 6XX", null, null,
        "2026-09-14", "2026-10-09");
    PenaltyNoticeEntry kim = prepareNotices(attendanceCase).get("Kim " + family);
    assertThat(kim.sequence()).isEqualTo(2);
    assertThat(kim.reducedAmount()).isNull();
    assertThat(kim.fullAmount()).isEqualByComparingTo("160");
    runtimeService.deleteProcessInstance(attendanceCase.getId(), "test: done");
  }

  @Test
  void aDifferentDateOfBirthIsADifferentPersonAndAMentionWithoutOneJoinsNoPersonKnownWithOne() {
    String name = "Lee " + family();
    String address = "9 Oak Close, Southend SS3 3CC";
    String born1980 = persons.resolve(null, name, address, java.time.LocalDate.of(1980, 1, 1));
    String born1990 = persons.resolve(null, name, "9 oak close,southend ss33cc", java.time.LocalDate.of(1990, 1, 1));
    assertThat(born1990).isNotEqualTo(born1980);
    assertThat(persons.resolve(null, " " + name.toUpperCase(), address, java.time.LocalDate.of(1980, 1, 1))).isEqualTo(born1980);
    String unknown = persons.resolve(null, name, address, null);
    assertThat(unknown).isNotIn(born1980, born1990);
    assertThat(persons.resolve(null, name, address, null)).isEqualTo(unknown);
    // a person id given by the caller is the person, whatever the name says
    assertThat(persons.resolve(born1990, "Someone Else", "Elsewhere", null)).isEqualTo(born1990);
  }

  @Test
  void afterAMergeTheLimitCountsTheNoticesOfBothIds() {
    String family = family();
    String upn = CaseFixtures.newUpn();
    CaseFixtures.clockAt(2026, 11, 2, 10);
    // the same parent named at two addresses (moved house): two persons, one notice each
    ProcessInstance first = startFromForm(upn, "Ash " + family, "2 Old Road, Southend SS1 2AB", null, null,
        "2026-09-14", "2026-10-02");
    PenaltyNoticeEntry before = prepareNotices(first).get("Ash " + family);
    runtimeService.deleteProcessInstance(first.getId(), "test: the next case");
    CaseFixtures.clockAt(2026, 12, 7, 10);
    ProcessInstance second = startFromForm(upn, "Ash " + family, "8 New Road, Southend SS4 4DD", null, null,
        "2026-11-09", "2026-11-27");
    PenaltyNoticeEntry after = prepareNotices(second).get("Ash " + family);
    assertThat(after.parentId()).isNotEqualTo(before.parentId());
    assertThat(after.sequence()).isEqualTo(1);
    runtimeService.deleteProcessInstance(second.getId(), "test: the next case");

    ResponseEntity<Map> merged = rest.withBasicAuth("compliance", "compliance").postForEntity(
        "/api/persons/" + after.parentId() + "/merge",
        Map.of("otherPersonId", before.parentId(), "reason", "Moved from 2 Old Road to 8 New Road in October"),
        Map.class);
    assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(merged.getBody()).containsEntry("personId", after.parentId())
        .containsEntry("mergedIds", List.of(before.parentId()));

    java.time.LocalDate today = java.time.LocalDate.of(2027, 2, 1);
    // either id now counts both notices
    assertThat(register.countStanding(before.parentId(), upn, today.minusYears(3), today)).isEqualTo(2);
    assertThat(register.countStanding(after.parentId(), upn, today.minusYears(3), today)).isEqualTo(2);
    // and a case naming the old address is the surviving person, at the limit
    CaseFixtures.clockAt(2027, 2, 1, 10);
    ProcessInstance third = startFromForm(upn, "Ash " + family, "2 Old Road, Southend SS1 2AB", null, null,
        "2027-01-04", "2027-01-22");
    List<ProcessInstance> notices = noticesOf(third);
    completeEvidence(notices.get(0));
    assertThat(variablesOf(notices, "Ash " + family))
        .containsEntry(PenaltyNotice.PARENT_ID.name(), after.parentId())
        .containsEntry(PenaltyNotice.REFUSAL_REASON.name(), "limit-reached");
    runtimeService.deleteProcessInstance(third.getId(), "test: done");
  }

  static String family() {
    return TestFamilies.surname();
  }

  /** A term-time leave case started from Tasklist's form fields (no ids: parent 1 and parent 2 by position). */
  private ProcessInstance startFromForm(
      String upn, String name1, String address1, String name2, String address2, String from, String to) {
    Map<String, Object> vars = CaseFixtures.termTimeLeave(CaseFixtures.startVariables(), from, to);
    vars.remove(AttendanceCase.PARENTS.name());
    vars.put(AttendanceCase.PUPIL_UPN.name(), upn);
    vars.put(AttendanceCase.PARENT_1_NAME.name(), name1);
    vars.put(AttendanceCase.PARENT_1_ADDRESS.name(), address1);
    if (name2 != null) {
      vars.put(AttendanceCase.PARENT_2_NAME.name(), name2);
      vars.put(AttendanceCase.PARENT_2_ADDRESS.name(), address2);
    }
    return runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, vars);
  }

  private List<ProcessInstance> noticesOf(ProcessInstance attendanceCase) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(attendanceCase.getId()).list();
  }

  private void completeEvidence(ProcessInstance notice) {
    Task task = taskService.createTaskQuery().processInstanceId(notice.getId())
        .taskDefinitionKey(PenaltyNotice.CHECK_LEAVE_EVIDENCE.id()).singleResult();
    taskService.complete(task.getId(), Map.of(
        "evidenceLeaveApplication", true, "evidenceWrittenRefusal", true,
        "evidenceWrittenWarning", true, "evidenceRegistrationCertificate", true));
  }

  /** Completes the evidence check of each of the case's notices and prepares them: the register entries by parent name. */
  private Map<String, PenaltyNoticeEntry> prepareNotices(ProcessInstance attendanceCase) {
    Map<String, PenaltyNoticeEntry> entries = new java.util.HashMap<>();
    List<ProcessInstance> notices = noticesOf(attendanceCase);
    notices.sort(Comparator.comparing(ProcessInstance::getId));
    for (ProcessInstance notice : notices) {
      completeEvidence(notice);
      for (Job job : managementService.createJobQuery().processInstanceId(notice.getId()).list()) {
        managementService.executeJob(job.getId());
      }
      PenaltyNoticeEntry entry = register.get(notice.getBusinessKey());
      entries.put(entry.parentName(), entry);
    }
    return entries;
  }

  private Map<String, Object> variablesOf(List<ProcessInstance> notices, String parentName) {
    for (ProcessInstance notice : notices) {
      Map<String, Object> variables = new java.util.HashMap<>();
      historyService.createHistoricVariableInstanceQuery().processInstanceId(notice.getId()).list()
          .forEach(v -> variables.put(v.getName(), v.getValue()));
      if (parentName.equals(variables.get(PenaltyNotice.PARENT_NAME.name()))) {
        return variables;
      }
    }
    throw new AssertionError("no notice to " + parentName);
  }
}
