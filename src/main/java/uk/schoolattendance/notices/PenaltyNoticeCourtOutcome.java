package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Prosecute for the offence": the court's outcome is written to the notice's entry. */
@Component("penaltyNoticeCourtOutcome")
public class PenaltyNoticeCourtOutcome implements ExecutionListener {

  private final PenaltyNoticeRegister register;

  public PenaltyNoticeCourtOutcome(PenaltyNoticeRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String outcome = PenaltyNotice.COURT_OUTCOME.get(execution);
    if (outcome != null) {
      register.recordCourtOutcome(PenaltyNotice.NOTICE_NUMBER.get(execution), outcome);
    }
  }
}
