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

  public static final String DECISION = "PenaltyNoticeTerms";

  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeProperties properties;

  public PenaltyNoticeTermsService(PenaltyNoticeRegister register, PenaltyNoticeProperties properties) {
    this.register = register;
    this.properties = properties;
  }

  /**
   * The terms of a notice already issued (by a head teacher, the police, another authority) or
   * already prepared, {@code prior} standing notices to the same parent for the same child before it
   * in the limit period: its place ({@code prior + 1}, true even beyond the limit, when {@code
   * allowed} is false and {@code refusalReason} {@code limit-reached}) and the amounts the law gives
   * that place. The rate band and scheme are the {@code PenaltyNoticeTerms} decision's, asked with no
   * limit and no local cap (a notice that exists has a place whatever the limit): the first notice in
   * the period has the reduced amount, any later one the full amount only (SI 2007/1867 reg 4(2) as
   * inserted by SI 2024/210 reg 4); the scheme follows the offence period's first day.
   */
  public NoticeTerms termsOfIssued(DecisionService decisions, int prior, LocalDate offenceFrom) {
    Map<String, Object> entries = evaluate(decisions, prior, Integer.MAX_VALUE, false, offenceFrom);
    boolean allowed = !PenaltyNoticeEntry.placeBeyondLimit(prior + 1, properties.limit());
    return priced(allowed, allowed ? null : "limit-reached", prior, entries);
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
    Map<String, Object> entries = evaluate(decisions, prior, properties.limit(), capReached, offenceFrom);
    if (!Boolean.TRUE.equals(entries.get("noticeAllowed"))) {
      return new NoticeTerms(false, (String) entries.get("refusalReason"), prior, 0, null, null, null);
    }
    return priced(true, null, prior, entries);
  }

  private Map<String, Object> evaluate(
      DecisionService decisions, int prior, int limit, boolean capReached, LocalDate offenceFrom) {
    DmnDecisionRuleResult result =
        decisions
            .evaluateDecisionTableByKey(
                DECISION,
                Variables.createVariables()
                    .putValue("priorNotices", prior)
                    .putValue("noticeLimit", limit)
                    .putValue("localCapReached", capReached)
                    .putValue("offenceBeforeRateChange", offenceFrom.isBefore(properties.rateChangeDate())))
            .getSingleResult();
    return result.getEntryMap();
  }

  /** The decision's rate band and scheme, priced from configuration. */
  private NoticeTerms priced(boolean allowed, String refusalReason, int prior, Map<String, Object> entries) {
    String scheme = (String) entries.get("rateScheme");
    Rates rates = "pre-2024".equals(scheme) ? properties.oldRates() : properties.rates();
    boolean first = "first".equals(entries.get("rateBand"));
    return new NoticeTerms(
        allowed,
        refusalReason,
        prior,
        prior + 1,
        scheme,
        first ? rates.firstReduced() : rates.secondReduced(),
        first ? rates.firstFull() : rates.secondFull());
  }
}
