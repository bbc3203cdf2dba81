package uk.schoolattendance.casefile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.SqlLists;

/**
 * Which cases the signed-in user may see, as the engine's authorizations decide: the history of
 * the cases is queried as the user (READ_HISTORY on the process definition, or READ on the
 * case's own history, which a school is granted for its pupils' cases). Candidates found in the
 * search table that the engine does not return are not shown, and their pages answer 404.
 */
@Component
public class VisibleCases {

  static final int CHUNK = 500;

  private final HistoryService historyService;

  VisibleCases(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** The candidates the user may see, in the order given. */
  public List<String> filter(List<String> caseIds) {
    Set<String> visible = new HashSet<>();
    List<String> all = new ArrayList<>(new LinkedHashSet<>(caseIds));
    for (List<String> chunk : SqlLists.chunks(all, CHUNK)) {
      historyService.createHistoricProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(chunk))
          .listPage(0, chunk.size())
          .stream()
          .map(HistoricProcessInstance::getId)
          .forEach(visible::add);
    }
    return all.stream().filter(visible::contains).toList();
  }

  /** Whether the user may see this case. */
  public boolean mayRead(String caseId) {
    return caseId != null && !filter(List.of(caseId)).isEmpty();
  }
}
