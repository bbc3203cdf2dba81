package uk.schoolattendance.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.InvalidInputException;

/**
 * References are the application's, never the caller's: a person (or system) starting a process
 * gives no business key; the application gives the case reference ({@code AC-…}), the notice
 * number ({@code PN-…}) and every other reference. A school that chose {@code AC-2026-000123}
 * blocked the local authority's next case. Checked first at every process start, before the
 * model's own start listener allocates the reference. Not checked: processes started by the
 * application itself (no user), processes called by another (their key comes from the model),
 * and administrators, who bring cases over from a previous system with their old references.
 */
@Component
class CallerReferences extends AbstractProcessEnginePlugin implements ExecutionListener {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessStartListeners.registerFirst(configuration, this);
  }

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank() || execution.getSuperExecution() != null) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    Authentication caller = commandContext.getAuthentication();
    if (caller == null
        || caller.getUserId() == null
        || commandContext.getAuthorizationManager().isCamundaAdmin(caller)) {
      return;
    }
    throw new InvalidInputException(
        "businessKey", "references are given by the application (case AC-…, notice PN-…): start without one");
  }
}
