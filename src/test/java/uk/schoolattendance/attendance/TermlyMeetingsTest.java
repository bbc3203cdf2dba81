package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.meetings.TargetingSupportMeeting;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Each school's three Targeting Support Meetings of the year (issue #15): one per term, in term
 * and outside half-term of the school's own calendar (Hillcrest Academy, 100002, has its own
 * half-term and INSET days), for its named officer, scheduled once, never already overdue.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class TermlyMeetingsTest {

  @Autowired TermlyMeetings meetings;
  @Autowired RegisterCalendars calendars;
  @Autowired SchoolCalendar authority;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Test
  void threeMeetingsPerSchoolInTermOutsideHalfTerm() {
    for (String urn : List.of("100001", "100002")) {
      List<TermlyMeetings.PlannedMeeting> planned = meetings.plan(urn, "2026-27");
      assertThat(planned).extracting(TermlyMeetings.PlannedMeeting::term)
          .containsExactly("2026-27 autumn", "2026-27 spring", "2026-27 summer");
      SchoolDays days = calendars.of(Integer.parseInt(urn));
      for (TermlyMeetings.PlannedMeeting meeting : planned) {
        assertThat(days.isSchoolDay(meeting.date())).as("%s is a school day of %s", meeting.date(), urn).isTrue();
        assertThat(authority.isSchoolDay(meeting.date())).isTrue();
      }
    }
    // the authority's half-terms (26-30 October, 15-19 February, 31 May-4 June) and Hillcrest's own (19-23 October)
    assertThat(meetings.plan("100001", "2026-27")).extracting(TermlyMeetings.PlannedMeeting::date)
        .containsExactly(LocalDate.of(2026, 9, 21), LocalDate.of(2027, 1, 25), LocalDate.of(2027, 5, 4));
    assertThat(meetings.plan("100002", "2026-27")).extracting(TermlyMeetings.PlannedMeeting::date)
        .allSatisfy(d -> assertThat(d.isBefore(LocalDate.of(2026, 10, 19)) || d.isAfter(LocalDate.of(2026, 10, 23))).isTrue());
  }

  /**
   * A start-up on Sunday 29 November, the autumn meetings' day (21 September) long past: the autumn
   * meetings are due 5 school days from today (late-meeting-school-days), their tasks there at once
   * with a follow-up date not after the due date; spring and summer wait for their planned days.
   * Each meeting is scheduled once.
   */
  @Test
  void aStartUpLateInTheTermSchedulesNoMeetingAlreadyOverdueAndEachOnce() {
    clockAt(2026, 11, 29);
    assertThat(meetings.schedule("2025-26")).as("a year over: its terms are over").isZero();
    assertThat(meetings.schedule("2026-27")).isEqualTo(6);
    assertThat(meetings.schedule("2026-27")).as("scheduled once").isZero();
    List<ProcessInstance> started = runtime.createProcessInstanceQuery().processDefinitionKey(TargetingSupportMeeting.KEY)
        .processInstanceBusinessKeyLike("TSM-10000_-2026-27-%").list();
    assertThat(started).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(
        "TSM-100001-2026-27-autumn", "TSM-100001-2026-27-spring", "TSM-100001-2026-27-summer",
        "TSM-100002-2026-27-autumn", "TSM-100002-2026-27-spring", "TSM-100002-2026-27-summer");
    for (String urn : List.of("100001", "100002")) {
      ProcessInstance autumn = runtime.createProcessInstanceQuery().processInstanceBusinessKey("TSM-" + urn + "-2026-27-autumn")
          .singleResult();
      for (int round = 0; round < 3; round++) {
        management.createJobQuery().processInstanceId(autumn.getId()).executable().list()
            .forEach(job -> management.executeJob(job.getId()));
      }
      Task hold = tasks.createTaskQuery().processInstanceId(autumn.getId()).singleResult();
      assertThat(hold).as("the autumn meeting of %s is there to arrange", urn).isNotNull();
      assertThat(hold.getDueDate()).isEqualTo(london(2026, 12, 4, 9)).isAfter(ClockUtil.getCurrentTime());
      assertThat(hold.getFollowUpDate()).isBeforeOrEqualTo(hold.getDueDate());
      ProcessInstance spring = runtime.createProcessInstanceQuery().processInstanceBusinessKey("TSM-" + urn + "-2026-27-spring")
          .singleResult();
      assertThat(tasks.createTaskQuery().processInstanceId(spring.getId()).count()).isZero();
      assertThat((java.util.Date) runtime.getVariable(spring.getId(), TargetingSupportMeeting.MEETING_DUE_DATE.name()))
          .isEqualTo(london(2027, 1, 25, 9));
    }
  }

  /** A late term's meeting is never due after the term's last school day; an ended term has none. */
  @Test
  void aLateMeetingStaysInItsTermAndAnEndedTermHasNone() {
    TermlyMeetings.PlannedMeeting autumn = meetings.plan("100001", "2026-27").get(0);
    assertThat(autumn.lastDayOfTerm()).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(meetings.dueDay(autumn, LocalDate.of(2026, 9, 14))).as("still ahead").isEqualTo(LocalDate.of(2026, 9, 21));
    assertThat(meetings.dueDay(autumn, LocalDate.of(2026, 9, 21))).as("today: 5 school days on").isEqualTo(LocalDate.of(2026, 9, 28));
    assertThat(meetings.dueDay(autumn, LocalDate.of(2026, 12, 16))).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(meetings.dueDay(autumn, LocalDate.of(2026, 12, 18))).isNull();
    assertThat(meetings.dueDay(autumn, LocalDate.of(2026, 12, 21))).isNull();
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  private static void clockAt(int year, int month, int day) {
    ClockUtil.setCurrentTime(london(year, month, day, 8));
  }

  private static java.util.Date london(int year, int month, int day, int hour) {
    return java.util.Date.from(LocalDate.of(year, month, day).atTime(hour, 0).atZone(ZoneId.of("Europe/London")).toInstant());
  }
}
