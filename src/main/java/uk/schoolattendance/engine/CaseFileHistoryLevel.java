package uk.schoolattendance.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level {@code case-file}: everything the engine's {@code full} level records (every
 * activity, task, decision, job, incident, operation-log entry and every value a person
 * entered, with each earlier value) except one kind of row: the per-change history detail of
 * the variables named in {@code attendance.history.variables-without-detail}. Those are the
 * case's own append-only logs (the Json {@code history}), whose every change would otherwise
 * store a complete copy of the whole log again (quadratic in the case's length), and values
 * the application derives and can recompute. Their latest value stays in the variable history.
 *
 * <p>The variables named in {@code attendance.history.variables-without-history} keep no history
 * at all: they are display copies of what the case holds (the stage, band and Json log in words for
 * Tasklist's forms) that tasks created before those words were made when a form is opened still
 * hold, gone with the task; the case's own variables they were made from keep theirs.
 *
 * <p>It reports the id of {@code full} (3): it writes a subset of the same rows in the same
 * tables, so a database created at {@code full} starts at {@code case-file} and back without a
 * migration (the engine refuses to start when the stored level's id differs). Reasons and
 * figures: docs/adr/0003-engine-tuning.md, docs/benchmarks.md.
 */
public final class CaseFileHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "case-file";

  private final Set<String> variablesWithoutDetail;
  private final Set<String> variablesWithoutHistory;

  public CaseFileHistoryLevel(Set<String> variablesWithoutDetail, Set<String> variablesWithoutHistory) {
    this.variablesWithoutDetail = Set.copyOf(variablesWithoutDetail);
    this.variablesWithoutHistory = Set.copyOf(variablesWithoutHistory);
  }

  @Override
  public int getId() {
    return HistoryLevel.HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstanceEntity variable && variablesWithoutHistory.contains(variable.getName())) {
      return false; // create, update, delete and migrate of a display copy
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      String name = update.getVariableName();
      return !(variablesWithoutHistory.contains(name)
          || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL && variablesWithoutDetail.contains(name));
    }
    return true;
  }

  public Set<String> variablesWithoutDetail() {
    return variablesWithoutDetail;
  }
}
