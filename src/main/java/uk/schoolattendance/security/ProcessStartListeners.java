package uk.schoolattendance.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Registers a listener that runs at the start of every process instance, whatever the model. */
final class ProcessStartListeners {

  private ProcessStartListeners() {}

  static void register(ProcessEngineConfigurationImpl configuration, ExecutionListener listener) {
    register(configuration, listener, false);
  }

  /** First: before the model's own start listeners, which may set what this one checks. */
  static void registerFirst(ProcessEngineConfigurationImpl configuration, ExecutionListener listener) {
    register(configuration, listener, true);
  }

  private static void register(ProcessEngineConfigurationImpl configuration, ExecutionListener listener, boolean first) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element process, ProcessDefinitionEntity definition) {
            if (first) {
              definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener, 0);
            } else {
              definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
            }
          }
        });
  }
}
