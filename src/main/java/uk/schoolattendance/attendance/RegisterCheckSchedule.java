package uk.schoolattendance.attendance;

import java.time.LocalTime;
import org.springframework.stereotype.Component;

/**
 * When WatchRegisterFreshness checks the registers ({@code registerCheckSchedule}, the time cycle
 * of its start event): every weekday at {@code attendance.stale-data.checked-at} (07:00 unless
 * configured). The engine reads every cron expression in the authority's zone
 * ({@code attendance.calendar.zone}, see engine/EngineZone), not the server's, so 07:00 is 07:00
 * in England in summer and in winter.
 */
@Component("registerCheckSchedule")
public class RegisterCheckSchedule {

  private final LocalTime checkedAt;

  public RegisterCheckSchedule(StaleDataProperties properties) {
    this.checkedAt = properties.checkedAt();
  }

  /** The start event's cycle: a cron expression (seconds, minutes, hours, day of month, month, weekdays). */
  public String cycle() {
    return String.format("%d %d %d ? * MON-FRI", checkedAt.getSecond(), checkedAt.getMinute(), checkedAt.getHour());
  }
}
