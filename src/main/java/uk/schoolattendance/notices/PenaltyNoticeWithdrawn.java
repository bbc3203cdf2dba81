package uk.schoolattendance.notices;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of "Penalty notice withdrawn" (message or decision): records the withdrawal and its
 * grounds in the register. A withdrawn notice no longer counts towards the limit.
 */
@Component("penaltyNoticeWithdrawn")
public class PenaltyNoticeWithdrawn implements ExecutionListener {

  /** The statutory grounds for withdrawal (domain notes §5), plus non-payment without prosecution. */
  static final Set<String> GROUNDS =
      Set.of("no-offence", "outside-code-of-conduct", "wrong-recipient", "material-error", "not-prosecuted");

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public PenaltyNoticeWithdrawn(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reason = Inputs.requiredText(execution, "withdrawalReason", 500);
    String ground = execution.getVariable("withdrawalGround") == null ? null : Inputs.oneOf(execution, "withdrawalGround", GROUNDS);
    register.recordWithdrawal((String) execution.getVariable("noticeNumber"), reason, ground, dates.today());
  }
}
