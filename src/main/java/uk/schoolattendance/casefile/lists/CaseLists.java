package uk.schoolattendance.casefile.lists;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.CaseSummary;
import uk.schoolattendance.casefile.VisibleCases;
import uk.schoolattendance.casefile.index.CaseIndex;

/**
 * The cases of a list page: candidates from the search table, then only those the engine lets the
 * viewer read, each kind of row data in one query whatever the number of cases.
 */
@Component
public class CaseLists {

  /** The most cases a list shows. */
  public static final int LIMIT = 500;

  private final CaseIndex index;
  private final VisibleCases visible;
  private final CaseSummaries summaries;

  CaseLists(CaseIndex index, VisibleCases visible, CaseSummaries summaries) {
    this.index = index;
    this.visible = visible;
    this.summaries = summaries;
  }

  public CaseList of(String title, String lead, List<String> candidates) {
    List<String> shown = visible.filter(candidates);
    boolean more = shown.size() > LIMIT;
    List<CaseSummary> cases = summaries.of(index.rows(shown.subList(0, Math.min(LIMIT, shown.size()))));
    return new CaseList(
        title, lead,
        cases.stream().filter(c -> !"closed".equals(c.state())).toList(),
        cases.stream().filter(c -> "closed".equals(c.state())).toList(),
        more);
  }
}
