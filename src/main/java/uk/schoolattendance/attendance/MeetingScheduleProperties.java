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
 */
@ConfigurationProperties("attendance.meetings")
public record MeetingScheduleProperties(
    @DefaultValue("true") boolean scheduleOnStart, @DefaultValue("4") int schoolWeekOfTerm) {}
