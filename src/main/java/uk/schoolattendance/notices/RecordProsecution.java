package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record prosecution" ({@code recordProsecution}): the register shows the recipient prosecuted, today. */
@Component("recordProsecution")
public class RecordProsecution implements JavaDelegate {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public RecordProsecution(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.recordProsecution(PenaltyNotice.NOTICE_NUMBER.get(execution), dates.today());
  }
}
