package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.FULL_AMOUNT;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_ALLOWED;
import static uk.schoolattendance.notices.PenaltyNotice.OFFENCE_FROM;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_ID;
import static uk.schoolattendance.notices.PenaltyNotice.PRIOR_NOTICES;
import static uk.schoolattendance.notices.PenaltyNotice.PUPIL_UPN;
import static uk.schoolattendance.notices.PenaltyNotice.RATE_SCHEME;
import static uk.schoolattendance.notices.PenaltyNotice.REDUCED_AMOUNT;
import static uk.schoolattendance.notices.PenaltyNotice.REFUSAL_REASON;
import static uk.schoolattendance.notices.PenaltyNotice.SEQUENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Decide notice terms": counts the register, evaluates {@code PenaltyNoticeTerms}, writes the terms. */
@Component("decidePenaltyNoticeTerms")
public class DecidePenaltyNoticeTerms implements JavaDelegate {

  private final PenaltyNoticeTermsService terms;
  private final NoticeDates dates;
  private final PenaltyNoticeRegister register;

  public DecidePenaltyNoticeTerms(PenaltyNoticeTermsService terms, NoticeDates dates, PenaltyNoticeRegister register) {
    this.register = register;
    this.terms = terms;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parent = PARENT_ID.get(execution);
    NoticeTerms decided =
        terms.decide(
            execution.getProcessEngineServices().getDecisionService(),
            parent,
            register.personOf(parent, PenaltyNotice.PARENT_NAME.get(execution), PenaltyNotice.PARENT_ADDRESS.get(execution)),
            PUPIL_UPN.get(execution),
            OFFENCE_FROM.get(execution),
            dates.today());
    NOTICE_ALLOWED.set(execution, decided.allowed());
    PRIOR_NOTICES.set(execution, decided.priorNotices());
    REFUSAL_REASON.set(execution, decided.refusalReason());
    if (decided.allowed()) {
      SEQUENCE.set(execution, decided.sequence());
      RATE_SCHEME.set(execution, decided.rateScheme());
      REDUCED_AMOUNT.set(execution, decided.reducedAmount());
      FULL_AMOUNT.set(execution, decided.fullAmount());
    }
  }
}
