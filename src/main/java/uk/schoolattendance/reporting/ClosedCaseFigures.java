package uk.schoolattendance.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * "Closed cases by outcome" for a period ({@link ClosedCases}): the cases that ended from
 * {@code from} to {@code to} (both included), in total over the schools shown and per school.
 *
 * @param from the period's first day
 * @param to the period's last day
 * @param total every school shown together
 * @param schools one row per school the reader may see, by name
 */
public record ClosedCaseFigures(LocalDate from, LocalDate to, Counts total, List<SchoolCounts> schools) {

  /** The cases ended, and how. */
  public record Counts(long cases, List<OutcomeCount> outcomes) {

    /** The cases that ended with this outcome (null: none recorded); 0 when none. */
    public long of(String caseOutcome) {
      return outcomes.stream().filter(o -> java.util.Objects.equals(o.caseOutcome(), caseOutcome))
          .mapToLong(OutcomeCount::cases).sum();
    }
  }

  /**
   * The cases that ended with {@code caseOutcome} (null: no outcome recorded, a case deleted rather
   * than ended); for {@code no-longer-needed}, by reason.
   */
  public record OutcomeCount(String caseOutcome, long cases, List<ReasonCount> reasons) {}

  /** The cases no longer needed for a reason ({@code noLongerNeededReason} null: not recorded), with its words. */
  public record ReasonCount(String noLongerNeededReason, String words, long cases) {}

  /** A school's cases. */
  public record SchoolCounts(String urn, String name, Counts counts) {}
}
