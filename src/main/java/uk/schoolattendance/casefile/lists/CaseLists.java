package uk.schoolattendance.casefile.lists;

import java.util.ArrayList;
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
    return shown(title, lead, visible.filter(candidates));
  }

  /** Candidates {@code count} at a time from {@code offset}, in the list's order. */
  @FunctionalInterface
  public interface CandidatePages {
    List<String> page(int offset, int count);
  }

  /**
   * A list whose candidates are read a page at a time until {@link #LIMIT} + 1 the viewer may read are
   * found or none are left, so a viewer who may read only some of the candidates still sees up to
   * {@link #LIMIT} of those they may read, not only the readable ones among the first candidates.
   */
  public CaseList ofPages(String title, String lead, CandidatePages candidates) {
    List<String> readable = new ArrayList<>();
    int offset = 0;
    while (readable.size() <= LIMIT) {
      List<String> page = candidates.page(offset, LIMIT + 1);
      readable.addAll(visible.filter(page));
      if (page.size() < LIMIT + 1) {
        break;
      }
      offset += page.size();
    }
    return shown(title, lead, readable);
  }

  private CaseList shown(String title, String lead, List<String> shown) {
    boolean more = shown.size() > LIMIT;
    List<CaseSummary> cases = summaries.of(index.rows(shown.subList(0, Math.min(LIMIT, shown.size()))));
    return new CaseList(
        title, lead,
        cases.stream().filter(c -> !"closed".equals(c.state())).toList(),
        cases.stream().filter(c -> "closed".equals(c.state())).toList(),
        more);
  }
}
