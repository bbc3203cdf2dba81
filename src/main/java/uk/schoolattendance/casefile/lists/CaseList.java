package uk.schoolattendance.casefile.lists;

import java.util.List;
import uk.schoolattendance.casefile.CaseSummary;

/**
 * A list of cases as a page shows it: "My school's cases", "My caseload"
 * (templates/casefile/cases.html).
 *
 * @param title the page's heading
 * @param lead a sentence under the heading saying what the list holds
 * @param open the open and waiting cases
 * @param closed the closed cases, with their outcomes
 * @param more there were more cases than the page shows
 */
public record CaseList(String title, String lead, List<CaseSummary> open, List<CaseSummary> closed, boolean more) {

  public CaseList {
    open = List.copyOf(open);
    closed = List.copyOf(closed);
  }
}
