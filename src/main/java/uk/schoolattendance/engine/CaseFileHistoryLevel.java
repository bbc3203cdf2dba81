package uk.schoolattendance.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * History level {@code case-file}: everything the engine's {@code full} level records (every
 * activity, task, decision, job, incident, operation-log entry and every value a person
 * entered, with each earlier value) except one kind of row: the per-change history detail of
 * the variables named in {@code attendance.history.variables-without-detail}. Those are the
 * case's own append-only logs (the Json {@code history}), whose every change would otherwise
 * store a complete copy of the whole log again (quadratic in the case's length), and values
 * the application derives and can recompute. Their latest value stays in the variable history.
 *
 * <p>It reports the id of {@code full} (3): it writes a subset of the same rows in the same
 * tables, so a database created at {@code full} starts at {@code case-file} and back without a
 * migration (the engine refuses to start when the stored level's id differs). Reasons and
 * figures: docs/adr/0003-engine-tuning.md, docs/benchmarks.md.
 */
public final class CaseFileHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "case-file";

  private final Set<String> variablesWithoutDetail;

  public CaseFileHistoryLevel(Set<String> variablesWithoutDetail) {
    this.variablesWithoutDetail = Set.copyOf(variablesWithoutDetail);
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
    return !(eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        && entity instanceof HistoricVariableUpdateEventEntity update
        && variablesWithoutDetail.contains(update.getVariableName()));
  }

  public Set<String> variablesWithoutDetail() {
    return variablesWithoutDetail;
  }
}
