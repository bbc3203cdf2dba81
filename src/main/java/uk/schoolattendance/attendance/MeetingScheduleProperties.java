package uk.schoolattendance.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When each school's three Targeting Support Meetings of the year are held,
 * {@code attendance.meetings} (docs/register.md).
 *
 * @param scheduleOnStart schedule the current academic year's meetings when the application starts
 *     (each once: a meeting already scheduled is left alone)
 * @param schoolWeekOfTerm the meeting is on the first day of this school week of each term that is a
 *     school day for the school and the authority (half-terms are not school weeks)
 * @param lateMeetingSchoolDays a term whose meeting day has already passed when it is scheduled (a
 *     start-up late in the term) has its meeting due this many school days from today, not after the
 *     term's last school day; a term already over is not scheduled. Never a meeting due in the past.
 */
@ConfigurationProperties("attendance.meetings")
public record MeetingScheduleProperties(
    @DefaultValue("true") boolean scheduleOnStart, @DefaultValue("4") int schoolWeekOfTerm,
    @DefaultValue("5") int lateMeetingSchoolDays) {

  public MeetingScheduleProperties {
    if (schoolWeekOfTerm < 1 || lateMeetingSchoolDays < 1) {
      throw new IllegalStateException("attendance.meetings: school-week-of-term and late-meeting-school-days must be at least 1");
    }
  }
}
