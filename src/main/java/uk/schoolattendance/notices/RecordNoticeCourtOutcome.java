package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record court outcome" ({@code recordNoticeCourtOutcome}): the court's outcome goes into the notice's register entry. */
@Component("recordNoticeCourtOutcome")
public class RecordNoticeCourtOutcome implements JavaDelegate {

  private final PenaltyNoticeRegister register;

  public RecordNoticeCourtOutcome(PenaltyNoticeRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = PenaltyNotice.COURT_OUTCOME.get(execution);
    if (outcome != null) {
      register.recordCourtOutcome(PenaltyNotice.NOTICE_NUMBER.get(execution), outcome);
    }
  }
}
