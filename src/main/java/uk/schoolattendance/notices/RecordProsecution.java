package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record prosecution" ({@code recordProsecution}): the register shows the recipient prosecuted, today. */
@Component("recordProsecution")
public class RecordProsecution implements JavaDelegate {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;
  private final ProsecutionBar bar;

  public RecordProsecution(PenaltyNoticeRegister register, NoticeDates dates, ProsecutionBar bar) {
    this.register = register;
    this.dates = dates;
    this.bar = bar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // never recorded against the recipient of a withdrawn notice for the same offence (reg 8)
    bar.requireProsecutable(
        PenaltyNotice.NON_PAYMENT_DECISION.name(), PenaltyNotice.parent(execution), PenaltyNotice.PUPIL_UPN.get(execution),
        PenaltyNotice.OFFENCE_FROM.get(execution), PenaltyNotice.OFFENCE_TO.get(execution));
    register.recordProsecution(PenaltyNotice.NOTICE_NUMBER.get(execution), dates.today());
  }
}
