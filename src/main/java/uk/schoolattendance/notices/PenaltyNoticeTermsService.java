package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import uk.schoolattendance.notices.PenaltyNoticeProperties.Rates;

/**
 * Decides the terms of a proposed notice: counts what the register holds, asks the
 * {@code PenaltyNoticeTerms} decision, and prices the answer from configuration.
 */
@Service
public class PenaltyNoticeTermsService {

  static final String DECISION = "PenaltyNoticeTerms";

  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeProperties properties;

  public PenaltyNoticeTermsService(PenaltyNoticeRegister register, PenaltyNoticeProperties properties) {
    this.register = register;
    this.properties = properties;
  }

  /**
   * The terms of a notice someone else already issued (a head teacher, the police, another
   * authority), {@code prior} standing notices to the same parent for the same child before it in
   * the limit period: its place ({@code prior + 1}, true even beyond the limit, when {@code
   * allowed} is false and {@code refusalReason} {@code limit-reached}) and the amounts the law gives
   * that place. The rate bands are the decision's: the first notice in the period has the reduced
   * amount, any later one the full amount only (SI 2007/1867 reg 4(2) as inserted by SI 2024/210
   * reg 4); the rate scheme follows the offence period's first day.
   */
  public NoticeTerms termsOfIssued(int prior, LocalDate offenceFrom) {
    boolean oldRates = offenceFrom.isBefore(properties.rateChangeDate());
    Rates rates = oldRates ? properties.oldRates() : properties.rates();
    boolean first = prior == 0;
    boolean allowed = prior < properties.limit();
    return new NoticeTerms(
        allowed,
        allowed ? null : "limit-reached",
        prior,
        prior + 1,
        oldRates ? "pre-2024" : "2024",
        first ? rates.firstReduced() : rates.secondReduced(),
        first ? rates.firstFull() : rates.secondFull());
  }

  /** The terms for a notice to {@code parentId} for {@code pupilUpn} proposed on {@code proposedOn}. */
  public NoticeTerms decide(
      DecisionService decisions, String parentId, String pupilUpn, LocalDate offenceFrom, LocalDate proposedOn) {
    return decide(decisions, parentId, register.personOf(parentId, null, null), pupilUpn, offenceFrom, proposedOn);
  }

  /**
   * The terms for a notice to {@code parentId}, the person {@code person} (null when none), for
   * {@code pupilUpn}: the limit and the second-notice rate count every notice to that person for
   * that child, under whichever id it was given (issue #12 item 3).
   */
  public NoticeTerms decide(
      DecisionService decisions, String parentId, String person, String pupilUpn, LocalDate offenceFrom,
      LocalDate proposedOn) {
    int prior =
        register.countStanding(parentId, person, pupilUpn, proposedOn.minusYears(properties.limitYears()), proposedOn);
    Integer cap = properties.localYearlyCapPerChild();
    boolean capReached =
        cap != null && register.countOccasionsForChild(pupilUpn, proposedOn.minusYears(1), proposedOn) >= cap;
    boolean oldRates = offenceFrom.isBefore(properties.rateChangeDate());
    DmnDecisionRuleResult result =
        decisions
            .evaluateDecisionTableByKey(
                DECISION,
                Variables.createVariables()
                    .putValue("priorNotices", prior)
                    .putValue("noticeLimit", properties.limit())
                    .putValue("localCapReached", capReached)
                    .putValue("offenceBeforeRateChange", oldRates))
            .getSingleResult();
    Map<String, Object> entries = result.getEntryMap();
    if (!Boolean.TRUE.equals(entries.get("noticeAllowed"))) {
      return new NoticeTerms(false, (String) entries.get("refusalReason"), prior, 0, null, null, null);
    }
    String scheme = (String) entries.get("rateScheme");
    Rates rates = "pre-2024".equals(scheme) ? properties.oldRates() : properties.rates();
    boolean first = "first".equals(entries.get("rateBand"));
    return new NoticeTerms(
        true,
        null,
        prior,
        prior + 1,
        scheme,
        first ? rates.firstReduced() : rates.secondReduced(),
        first ? rates.firstFull() : rates.secondFull());
  }
}
