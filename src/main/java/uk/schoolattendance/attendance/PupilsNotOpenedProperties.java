package uk.schoolattendance.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far back "Identified pupils not opened" reads, {@code attendance.pupils-not-opened}
 * (docs/register.md).
 *
 * @param months the reviews completed in this calendar month and the months before it, this many
 *     months in all (12: since the 1st of the same month last year plus one, e.g. since 1 December
 *     2025 all through November 2026); older reviews are not read, so a page view costs the same
 *     however long the history grows
 */
@ConfigurationProperties("attendance.pupils-not-opened")
public record PupilsNotOpenedProperties(@DefaultValue("12") int months) {

  public PupilsNotOpenedProperties {
    if (months < 1 || months > 120) {
      throw new IllegalStateException("attendance.pupils-not-opened.months must be from 1 to 120 (months of completed reviews shown): " + months);
    }
  }
}
