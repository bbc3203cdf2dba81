package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.casework.OffencePeriodProposals;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Upn;

/**
 * The offence period from the marks (issue #15): proposed as the window of school weeks in which
 * the threshold was met, across half-term and the summer holiday; a narrowed period that no
 * longer holds the threshold's sessions, or a period longer than its school weeks, is refused.
 * Riverside Primary (100001) keeps the authority's calendar: half-term 26–30 October 2026, summer
 * holiday 23 July – 2 September 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class OffencePeriodTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired OffencePeriodsFromMarks periods;
  /** What the case's legal route takes when the officer gives no offence period. */
  @Autowired OffencePeriodProposals caseProposals;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;

  @Test
  void theProposedPeriodRunsAcrossTheSummerHolidayAndANarrowedOneMustStillHoldTheThreshold() {
    String upn = Upn.of(700_600_000_001L);
    CsvFile file = new CsvFile()
        .days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 22),
            (day, session) -> switch (day.getDayOfMonth()) {
              case 20 -> "G";
              case 21 -> "N";
              case 22 -> "O";
              default -> "/";
            })
        .days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 24),
            (day, session) -> day.equals(LocalDate.of(2026, 9, 3)) ? "N"
                : day.equals(LocalDate.of(2026, 9, 4)) ? "G" : "/");
    assertThat(RegisterApi.importCsv(rest, "datateam", file.text()).getBody()).containsEntry("rowsRejected", 0);

    Map proposal = RegisterApi.get(rest, "school1", "/api/pupils/" + upn + "/offence-period").getBody();
    assertThat(proposal)
        .containsEntry("thresholdMet", true)
        .containsEntry("offenceFrom", "2026-07-20")
        .containsEntry("offenceTo", "2026-09-04")
        .containsEntry("unauthorisedSessions", 10)
        .containsEntry("schoolWeeks", 2);

    // narrowed to the autumn's four sessions: refused, naming the field and why
    ResponseEntity<Map> narrowed = RegisterApi.get(rest, "school1",
        "/api/pupils/" + upn + "/offence-period?from=2026-09-01&to=2026-09-04");
    assertThat(narrowed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(narrowed.getBody().toString()).contains("offenceFrom").contains("holds 4 unauthorised sessions")
        .contains("the threshold needs 10");
    // narrowed to the days of the absences: still holds the threshold
    assertThat(periods.check(upn, LocalDate.of(2026, 7, 20), LocalDate.of(2026, 9, 4)).unauthorisedSessions()).isEqualTo(10);
  }

  @Test
  void aWindowAcrossHalfTermCountsTwoSchoolWeeksAndALongerPeriodIsNotTheThresholdsWindow() {
    String upn = Upn.of(700_600_000_002L);
    CsvFile file = new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 24),
        (day, session) -> {
          String date = day.toString();
          return switch (date) {
            case "2026-10-21" -> session.equals("AM") ? "O" : "/";
            case "2026-10-22", "2026-10-23", "2026-11-02", "2026-11-03" -> "N";
            case "2026-11-04" -> session.equals("AM") ? "U" : "/";
            default -> "/";
          };
        });
    assertThat(RegisterApi.importCsv(rest, "datateam", file.text()).getBody()).containsEntry("rowsRejected", 0);

    OffencePeriodsFromMarks.OffencePeriod proposed = periods.propose(upn, TODAY).orElseThrow();
    assertThat(proposed.from()).isEqualTo(LocalDate.of(2026, 10, 19));
    assertThat(proposed.to()).isEqualTo(LocalDate.of(2026, 11, 4));
    assertThat(proposed.unauthorisedSessions()).isEqualTo(10);
    assertThat(proposed.schoolWeeks()).isEqualTo(2);
    // before the tenth session the threshold was not met
    assertThat(periods.propose(upn, LocalDate.of(2026, 11, 3))).isEmpty();
    // a legal route chosen without dates takes the same period from the marks
    assertThat(caseProposals.propose(upn, TODAY))
        .contains(new OffencePeriodProposals.OffencePeriod(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 4), 10, 2));
    assertThat(caseProposals.propose(upn, LocalDate.of(2026, 11, 3))).isEmpty();

    assertThatThrownBy(() -> periods.check(upn, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4)))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("offenceFrom:").hasMessageContaining("holds 5");
    assertThatThrownBy(() -> periods.check(upn, LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 20)))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("offenceTo:")
        .hasMessageContaining("spans 11 school weeks").hasMessageContaining("at most 10");
    assertThatThrownBy(() -> periods.check(upn, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 10, 21)))
        .hasMessageStartingWith("offenceTo:");
    assertThat(periods.check(upn, LocalDate.of(2026, 10, 21), LocalDate.of(2026, 11, 4)).schoolWeeks()).isEqualTo(2);

    // the same authorizations as the figures: another school's pupil does not exist for school2
    assertThat(RegisterApi.get(rest, "school2", "/api/pupils/" + upn + "/offence-period").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void thePupilPlanningMeetingOpensWithTheProposedPeriodAndRefusesANarrowedOneThatNoLongerHoldsTheThreshold() {
    String upn = Upn.of(700_600_000_004L);
    assertThat(RegisterApi.importCsv(rest, "datateam", halfTermAbsences(upn).text()).getBody()).containsEntry("rowsRejected", 0);
    ProcessInstance meeting = atPupilPlanningMeeting(upn);
    Task task = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();

    // the form's date fields and its text show the proposal when the task opens
    Map<String, Object> form = taskService.getVariables(task.getId());
    assertThat(form)
        .containsEntry(AttendanceCase.OFFENCE_FROM.name(), "2026-10-19")
        .containsEntry(AttendanceCase.OFFENCE_TO.name(), "2026-11-04")
        .containsEntry(AttendanceCase.OFFENCE_PERIOD_PROPOSED.name(), true)
        .containsEntry(AttendanceCase.PROPOSED_OFFENCE_PERIOD_SHOWN.name(), "19 October 2026 to 4 November 2026")
        .containsEntry(AttendanceCase.PROPOSED_OFFENCE_SESSIONS.name(), 10)
        .containsEntry(AttendanceCase.PROPOSED_OFFENCE_SCHOOL_WEEKS.name(), 2)
        // the marks establish the threshold: the form hides the school's printout
        .containsEntry(AttendanceCase.REGISTER_HOLDS_MARKS.name(), true)
        // and says it is met, not "not checked yet" (walk 11, defect 15)
        .containsEntry(AttendanceCase.THRESHOLD_MET.name(), true);

    // a penalty notice narrowed to after half-term: 5 unauthorised sessions, refused naming the field and the count; the task stays open
    assertThatThrownBy(() -> decideOnANotice(task, "2026-11-02", "2026-11-04"))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Offence period from (offenceFrom): the period 2 November 2026 to 4 November 2026 holds 5 unauthorised sessions")
        .hasMessageContaining("the threshold needs 10");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

    // narrowed to the days of the absences, across half-term: still 10 sessions, accepted
    decide(task, "2026-10-21", "2026-11-04");
    assertThat(AttendanceCase.OFFENCE_FROM.from(runtime.getVariable(meeting.getId(), AttendanceCase.OFFENCE_FROM.name())))
        .isEqualTo(LocalDate.of(2026, 10, 21));
    assertThat(AttendanceCase.OFFENCE_TO.from(runtime.getVariable(meeting.getId(), AttendanceCase.OFFENCE_TO.name())))
        .isEqualTo(LocalDate.of(2026, 11, 4));
  }

  @Test
  void aPupilWithoutMarksGetsEmptyDatesAndTheHintAndAProposalNotTakenIsWithdrawn() {
    ProcessInstance unknown = atPupilPlanningMeeting(Upn.of(700_600_000_005L));
    Task empty = taskService.createTaskQuery().processInstanceId(unknown.getId()).singleResult();
    assertThat(taskService.getVariables(empty.getId()))
        .containsEntry(AttendanceCase.OFFENCE_PERIOD_PROPOSED.name(), false)
        .containsEntry(AttendanceCase.REGISTER_HOLDS_MARKS.name(), false)
        .doesNotContainKeys(AttendanceCase.OFFENCE_FROM.name(), AttendanceCase.OFFENCE_TO.name());

    // a pupil with marks for whom the meeting chooses further support keeps no offence period
    String upn = Upn.of(700_600_000_006L);
    RegisterApi.importCsv(rest, "datateam", halfTermAbsences(upn).text());
    ProcessInstance meeting = atPupilPlanningMeeting(upn);
    Task task = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
    taskService.complete(task.getId(), CaseFixtures.vars(
        AttendanceCase.LEGAL_ROUTE.name(), AttendanceCase.FURTHER_SUPPORT,
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "Engaging with early help"));
    assertThat(runtime.getVariables(meeting.getId()))
        .doesNotContainKeys(AttendanceCase.OFFENCE_FROM.name(), AttendanceCase.OFFENCE_TO.name());
  }

  /**
   * Walk 11, defect 18: an offence period holding only G marks (holiday not granted) is term-time
   * leave: the meeting's form says so and the notices carry reason holiday, so the census counts
   * them as term-time holiday, not "other"; a mixture of codes stays "other".
   */
  @Test
  void onlyHolidayMarksInThePeriodMakeTheNoticesReasonTermTimeHoliday() {
    String upn = Upn.of(700_600_000_021L);
    assertThat(RegisterApi.importCsv(rest, "datateam", new CsvFile().days(upn, "100001", calendars.of(100001),
        LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 24), (day, session) -> switch (day.toString()) {
          case "2026-10-21", "2026-10-22", "2026-10-23", "2026-11-02", "2026-11-03" -> "G";
          default -> "/";
        }).text()).getBody()).containsEntry("rowsRejected", 0);
    ProcessInstance meeting = atPupilPlanningMeeting(upn);
    Task task = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
    assertThat((String) taskService.getVariableLocal(task.getId(), AttendanceCase.PROPOSED_NOTICE_REASON_SHOWN.name()))
        .startsWith("Term-time holiday");
    decideOnANotice(task, "2026-10-21", "2026-11-03");
    assertThat(runtime.getVariable(meeting.getId(), AttendanceCase.NOTICE_REASON_FROM_MARKS.name())).isEqualTo("holiday");
    assertThat(runtime.getVariable(meeting.getId(), AttendanceCase.NOTICE_REASON.name())).isEqualTo("holiday");

    String mixed = Upn.of(700_600_000_022L);
    assertThat(RegisterApi.importCsv(rest, "datateam", halfTermAbsences(mixed).text()).getBody()).containsEntry("rowsRejected", 0);
    ProcessInstance other = atPupilPlanningMeeting(mixed);
    Task otherTask = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult();
    assertThat((String) taskService.getVariableLocal(otherTask.getId(), AttendanceCase.PROPOSED_NOTICE_REASON_SHOWN.name()))
        .startsWith("Other unauthorised absence");
    decideOnANotice(otherTask, "2026-10-19", "2026-11-04");
    assertThat(runtime.getVariable(other.getId(), AttendanceCase.NOTICE_REASON.name())).isEqualTo("other");
  }

  /** Riverside Primary: 10 unauthorised sessions from 21 October to 4 November 2026, across half-term. */
  private CsvFile halfTermAbsences(String upn) {
    return new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 24),
        (day, session) -> switch (day.toString()) {
          case "2026-10-21" -> session.equals("AM") ? "O" : "/";
          case "2026-10-22", "2026-10-23", "2026-11-02", "2026-11-03" -> "N";
          case "2026-11-04" -> session.equals("AM") ? "U" : "/";
          default -> "/";
        });
  }

  private ProcessInstance atPupilPlanningMeeting(String upn) {
    Map<String, Object> start = CaseFixtures.with(CaseFixtures.startVariables(),
        AttendanceCase.PUPIL_UPN.name(), upn, AttendanceCase.SCHOOL_URN.name(), "100001",
        AttendanceCase.PUPIL_NAME.name(), "Sam " + CsvFile.surname(upn), AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), "2015-05-01",
        AttendanceCase.ENTRY_LEVEL.name(), 4);
    return runtime.startProcessInstanceByKey(AttendanceCase.KEY, start);
  }

  private void decide(Task task, String from, String to) {
    taskService.complete(task.getId(), CaseFixtures.vars(
        AttendanceCase.LEGAL_ROUTE.name(), AttendanceCase.PROSECUTION,
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "No engagement after the Notice to Improve",
        AttendanceCase.NO_CONTRACT_REASON.name(), "Never tried: the parent would not meet", AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage",
        AttendanceCase.OFFENCE_FROM.name(), from, AttendanceCase.OFFENCE_TO.name(), to));
  }

  /**
   * A prosecution under Education Act 1996 s444(1) has no session threshold and no window of 10
   * school weeks (that is the penalty notice code of conduct's test, domain notes §2-§3): a period
   * of 11 school weeks, or one with 5 unauthorised sessions, is refused for a notice and taken for
   * a prosecution; a period without unauthorised absence in the register is refused for both.
   */
  @Test
  void aProsecutionTakesAPeriodLongerThanTenSchoolWeeksOrBelowTheThresholdButNotOneWithoutAbsence() {
    String upn = Upn.of(700_600_000_007L);
    assertThat(RegisterApi.importCsv(rest, "datateam", halfTermAbsences(upn).text()).getBody()).containsEntry("rowsRejected", 0);
    ProcessInstance meeting = atPupilPlanningMeeting(upn);
    Task task = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();

    assertThatThrownBy(() -> decideOnANotice(task, "2026-09-03", "2026-11-20"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("spans 11 school weeks");
    assertThatThrownBy(() -> decide(task, "2026-09-07", "2026-10-16"))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("offenceFrom").hasMessageContaining("holds no unauthorised sessions");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

    decide(task, "2026-09-03", "2026-11-20");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(AttendanceCase.OFFENCE_FROM.from(runtime.getVariable(meeting.getId(), AttendanceCase.OFFENCE_FROM.name())))
        .isEqualTo(LocalDate.of(2026, 9, 3));
    assertThat(AttendanceCase.OFFENCE_TO.from(runtime.getVariable(meeting.getId(), AttendanceCase.OFFENCE_TO.name())))
        .isEqualTo(LocalDate.of(2026, 11, 20));

    // below the threshold: 5 unauthorised sessions after half-term, a prosecution all the same
    ProcessInstance another = atPupilPlanningMeeting(Upn.of(700_600_000_008L), upn2 -> halfTermAbsences(upn2));
    Task second = taskService.createTaskQuery().processInstanceId(another.getId()).singleResult();
    decide(second, "2026-11-02", "2026-11-04");
    assertThat(taskService.createTaskQuery().taskId(second.getId()).count()).isZero();
  }

  private ProcessInstance atPupilPlanningMeeting(String upn, java.util.function.Function<String, CsvFile> marks) {
    assertThat(RegisterApi.importCsv(rest, "datateam", marks.apply(upn).text()).getBody()).containsEntry("rowsRejected", 0);
    return atPupilPlanningMeeting(upn);
  }

  private void decideOnANotice(Task task, String from, String to) {
    taskService.complete(task.getId(), CaseFixtures.vars(
        AttendanceCase.LEGAL_ROUTE.name(), AttendanceCase.PENALTY_NOTICE,
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "No engagement after the Notice to Improve",
        AttendanceCase.NO_CONTRACT_REASON.name(), "Never tried: the parent would not meet",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage",
        AttendanceCase.OFFENCE_FROM.name(), from, AttendanceCase.OFFENCE_TO.name(), to));
  }

  @Test
  void aPupilWhoNeverMetTheThresholdHasNoProposal() {
    String upn = Upn.of(700_600_000_003L);
    RegisterApi.importCsv(rest, "datateam", new CsvFile().days(upn, "100001", calendars.of(100001),
        LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 24), (day, session) -> day.getDayOfMonth() == 10 ? "N" : "/").text());
    assertThat(RegisterApi.get(rest, "officer", "/api/pupils/" + upn + "/offence-period").getBody())
        .containsEntry("thresholdMet", false).containsEntry("offenceFrom", null);
  }
}
