package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record withdrawal" ({@code recordWithdrawal}): the notice is withdrawn in the register, with
 * its reason and ground, today. A withdrawn notice no longer counts towards the limit: the notices
 * to the same parent for the same child after it move up a place ({@link NoticePlaces}).
 */
@Component("recordWithdrawal")
public class RecordWithdrawal implements JavaDelegate {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;
  private final NoticePlaces places;

  public RecordWithdrawal(PenaltyNoticeRegister register, NoticeDates dates, NoticePlaces places) {
    this.register = register;
    this.dates = dates;
    this.places = places;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.recordWithdrawal(
        PenaltyNotice.NOTICE_NUMBER.get(execution),
        PenaltyNotice.WITHDRAWAL_REASON.get(execution),
        PenaltyNotice.WITHDRAWAL_GROUND.get(execution),
        dates.today());
    String by = RecordPayment.recordedBy(execution);
    if (by != null) {
      PenaltyNotice.WITHDRAWAL_RECORDED_BY.set(execution, by);
    }
    places.renumberAfterWithdrawal(execution.getProcessEngineServices(), PenaltyNotice.NOTICE_NUMBER.get(execution));
  }
}
