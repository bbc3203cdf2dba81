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

  CaseIndexPlugin(CaseIndexWriter writer) {
    this.writer = writer;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new CaseIndexHandler(writer));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }
}
