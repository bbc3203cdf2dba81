package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.meetings.TargetingSupportMeeting;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Each school's three Targeting Support Meetings of the year (issue #15): one per term, in term
 * and outside half-term of the school's own calendar (Hillcrest Academy, 100002, has its own
 * half-term and INSET days), for its named officer, scheduled once.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class TermlyMeetingsTest {

  @Autowired TermlyMeetings meetings;
  @Autowired RegisterCalendars calendars;
  @Autowired SchoolCalendar authority;
  @Autowired RuntimeService runtime;

  @Test
  void threeMeetingsPerSchoolInTermOutsideHalfTermForTheNamedOfficerScheduledOnce() {
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

    assertThat(meetings.schedule("2026-27")).isEqualTo(6);
    assertThat(meetings.schedule("2026-27")).isZero();
    List<ProcessInstance> started = runtime.createProcessInstanceQuery().processDefinitionKey(TargetingSupportMeeting.KEY)
        .processInstanceBusinessKeyLike("TSM-10000_-2026-27-%").list();
    assertThat(started).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(
        "TSM-100001-2026-27-autumn", "TSM-100001-2026-27-spring", "TSM-100001-2026-27-summer",
        "TSM-100002-2026-27-autumn", "TSM-100002-2026-27-spring", "TSM-100002-2026-27-summer");
  }
}
