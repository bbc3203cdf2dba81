package uk.schoolattendance.casefile.index;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CaseIndexHandler} to the engine's history event handlers, next to the engine's
 * own (which keeps writing the history tables as before).
 */
@Component
class CaseIndexPlugin extends AbstractProcessEnginePlugin {

  private final CaseIndexWriter writer;
  private final java.time.ZoneId zone;

  CaseIndexPlugin(CaseIndexWriter writer, uk.schoolattendance.schools.CalendarProperties calendar) {
    this.writer = writer;
    this.zone = calendar.zone();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new CaseIndexHandler(writer, zone));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }
}
