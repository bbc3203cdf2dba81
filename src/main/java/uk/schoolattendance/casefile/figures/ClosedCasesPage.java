package uk.schoolattendance.casefile.figures;

import java.util.List;
import uk.schoolattendance.casefile.DayInput;
import uk.schoolattendance.casefile.FieldError;

/**
 * "Closed cases by outcome" ({@code templates/casefile/closed-cases.html}).
 *
 * @param title the heading
 * @param from the period's first day as typed (or the default's)
 * @param to the period's last day as typed
 * @param period the period shown, in words ("1 September 2026 to 31 August 2027")
 * @param total one line per outcome (and per reason of "No longer needed") over every school shown
 * @param columns the outcomes of the table by school, in words
 * @param schools one row per school the viewer may see
 * @param allCases the cases ended in the period over every school shown
 * @param csvHref the CSV download of the period shown
 * @param jsonHref the same figures from the API
 * @param errors a refused day
 */
public record ClosedCasesPage(
    String title, DayInput from, DayInput to, String period, List<Line> total, List<String> columns,
    List<SchoolRow> schools, long allCases, String csvHref, String jsonHref, List<FieldError> errors) {

  /**
   * An outcome, or a reason within one ({@code reason} true: shown indented under its outcome);
   * {@code href} the list of the cases it counts, null where there is none to open (0, the data
   * team, a case ended with no outcome or no recorded reason).
   */
  public record Line(String id, String words, long cases, boolean reason, String href) {}

  /**
   * A school's cases per outcome, in the order of {@code columns}, and in all; {@code hrefs} the list
   * of the cases each counts, in the same order (null where there is none to open, and for every cell
   * but the authority's staff's).
   */
  public record SchoolRow(String urn, String name, List<Long> cases, long total, List<String> hrefs) {}
}
