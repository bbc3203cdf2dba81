package uk.schoolattendance.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an import keeps its rejected rows as the file sent them, {@code attendance.imports}
 * (docs/operations.md, "Register imports: rejected rows kept 90 days").
 *
 * @param rejectedRowsRetentionDays the calendar days after an import finished (or last moved, one
 *     that never finished) that its rejected rows are kept as sent (pupils' names, dates of birth,
 *     parents' names and addresses): long enough for a school to correct and send them again, and
 *     more; then {@link RejectedRowsRetention} removes them, keeping the import's counts and each
 *     rejection's row number, field and reason
 * @param rejectedRowsCron when the removal runs (Europe/London), once a day; "-" switches it off
 */
@ConfigurationProperties("attendance.imports")
public record ImportRetentionProperties(
    @DefaultValue("90") int rejectedRowsRetentionDays, @DefaultValue("0 45 1 * * *") String rejectedRowsCron) {

  public ImportRetentionProperties {
    if (rejectedRowsRetentionDays < 1 || rejectedRowsRetentionDays > 3660) {
      throw new IllegalStateException("attendance.imports.rejected-rows-retention-days must be from 1 to 3660 (calendar days"
          + " an import keeps its rejected rows as sent): " + rejectedRowsRetentionDays);
    }
  }
}
