package uk.schoolattendance.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a school's register is stale, {@code attendance.stale-data} (docs/register.md).
 *
 * @param schoolDays a school with no mark for this many school days (its own calendar, up to
 *     yesterday) is shown to managers as stale
 */
@ConfigurationProperties("attendance.stale-data")
public record StaleDataProperties(@DefaultValue("3") int schoolDays) {}
