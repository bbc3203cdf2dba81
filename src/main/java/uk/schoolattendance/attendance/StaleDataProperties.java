package uk.schoolattendance.attendance;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a school's register is stale, {@code attendance.stale-data} (docs/register.md).
 *
 * @param schoolDays a school with no mark for this many school days (its own calendar, up to
 *     yesterday) is shown to managers as stale
 * @param checkedAt the time of day, in the authority's zone ({@code attendance.calendar.zone}),
 *     at which the registers are checked every weekday (WatchRegisterFreshness)
 */
@ConfigurationProperties("attendance.stale-data")
public record StaleDataProperties(@DefaultValue("3") int schoolDays, @DefaultValue("07:00") LocalTime checkedAt) {

  public StaleDataProperties {
    checkedAt = checkedAt == null ? LocalTime.of(7, 0) : checkedAt;
  }
}
