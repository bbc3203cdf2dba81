package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Decide notice terms": counts the register, evaluates {@code PenaltyNoticeTerms}, writes the terms. */
@Component("decidePenaltyNoticeTerms")
public class DecidePenaltyNoticeTerms implements JavaDelegate {

  private final PenaltyNoticeTermsService terms;
  private final NoticeDates dates;

  public DecidePenaltyNoticeTerms(PenaltyNoticeTermsService terms, NoticeDates dates) {
    this.terms = terms;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NoticeTerms decided =
        terms.decide(
            execution.getProcessEngineServices().getDecisionService(),
            (String) execution.getVariable("parentId"),
            (String) execution.getVariable("pupilUpn"),
            Inputs.requiredDate(execution, "offenceFrom", dates.zone()),
            dates.today());
    execution.setVariable("noticeAllowed", decided.allowed());
    execution.setVariable("priorNotices", decided.priorNotices());
    execution.setVariable("refusalReason", decided.refusalReason());
    if (decided.allowed()) {
      execution.setVariable("sequence", decided.sequence());
      execution.setVariable("rateScheme", decided.rateScheme());
      execution.setVariable("reducedAmount", decided.reducedAmount() == null ? null : decided.reducedAmount().doubleValue());
      execution.setVariable("fullAmount", decided.fullAmount().doubleValue());
    }
  }
}
