package uk.schoolattendance.security;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.court.SupervisionOrderReminder;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Only an attendance case starts a penalty notice or court proceedings (issue #12, item 7). The
 * legal gates live in the case: the national threshold, the Notice to Improve and its period,
 * the offence period, the payment period before a prosecution. A caseworker who started {@code
 * PenaltyNotice} directly (Tasklist's "Start process", the engine REST API) issued a notice on 3
 * sessions; one who started {@code CourtProceedings} took a parent to court while a notice's
 * payment period ran.
 *
 * <p>So every start of either process by a person is refused, administrators included (their
 * repair tools are the case's own messages and corrections; a notice issued elsewhere is
 * recorded in the register, not started), whatever the way in: engine REST, Tasklist's start
 * form, the Java API. What starts them: the case's call activities ({@code
 * Activity_IssuePenaltyNotices}, {@code Activity_TakeCaseToCourt}), which the engine runs as
 * part of the case's own transaction, and the court proceedings of a penalty notice the case
 * started ({@code Activity_ProsecuteParent} after non-payment, {@code Activity_TakeToCourt} when
 * another route is chosen), which the compliance team or a senior practitioner starts by
 * completing the notice's task. A call activity of any other process is refused too (a
 * model deployed beside the case cannot become a side door). The application's own code
 * starting them with no user (the process tests' engine) is not refused: it is not a way in
 * for a person. Each process keeps its own checks at its start event.
 *
 * <p>{@code SupervisionOrderReminder} is started only by the court record, with no user: a person's
 * start (a bogus reminder) is refused too.
 *
 * <p>Registered first, before the other start checks, so the refusal names this reason.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class StartedFromTheCase extends AbstractProcessEnginePlugin implements ExecutionListener {

  static final Set<String> LEGAL_PROCESSES = Set.of(PenaltyNotice.KEY, CourtProceedings.KEY);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessStartListeners.registerFirst(configuration, this);
  }

  @Override
  public void notify(DelegateExecution execution) {
    String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    if (SupervisionOrderReminder.KEY.equals(key) && Context.getCommandContext().getAuthentication() != null) {
      // started only by the court record, with no user (an order or extension recorded)
      throw new InvalidInputException("processDefinitionKey", key + " is started by the court record when an education"
          + " supervision order or its extension is recorded, never directly: nothing was started");
    }
    if (!LEGAL_PROCESSES.contains(key)) {
      return;
    }
    ExecutionEntity caller = ((ExecutionEntity) execution).getSuperExecution();
    if (caller != null) {
      if (calledFromACase(key, caller)) {
        return;
      }
    } else if (Context.getCommandContext().getAuthentication() == null) {
      return;
    }
    throw refused(key);
  }

  /**
   * The case's own call activity, or a penalty notice the case started taking its parent to court
   * (non-payment's prosecution, or the court route chosen when no notice could be issued): the
   * notice's checks stood at its own start from the case, and its court proceedings are the case's
   * too.
   */
  private static boolean calledFromACase(String key, ExecutionEntity caller) {
    String callerKey = caller.getProcessDefinition().getKey();
    if (AttendanceCase.KEY.equals(callerKey)) {
      return true;
    }
    if (CourtProceedings.KEY.equals(key) && PenaltyNotice.KEY.equals(callerKey)) {
      ExecutionEntity noticeCaller = caller.getProcessInstance().getSuperExecution();
      return noticeCaller != null && AttendanceCase.KEY.equals(noticeCaller.getProcessDefinition().getKey());
    }
    return false;
  }

  private static InvalidInputException refused(String key) {
    return new InvalidInputException(
        "processDefinitionKey",
        key + " is started from the pupil's attendance case ("
            + (PenaltyNotice.KEY.equals(key)
                ? "the Pupil Planning Meeting's penalty notice route, or a term-time leave case"
                : "the Pupil Planning Meeting's prosecution or supervision order route")
            + "), never directly: nothing was started");
  }
}
