package uk.schoolattendance.notices;

import java.math.BigDecimal;

/**
 * What {@code PenaltyNoticeTerms} decided for a proposed notice.
 *
 * @param allowed whether a notice may be issued
 * @param refusalReason {@code limit-reached} or {@code local-cap-reached} when not allowed
 * @param priorNotices standing notices to this parent for this child in the limit period
 * @param sequence the notice's place in the limit period (1st, 2nd) when allowed
 * @param rateScheme {@code 2024} or {@code pre-2024}
 * @param reducedAmount the amount if paid within the reduced period (null: no reduction)
 * @param fullAmount the amount if paid within the full period
 */
public record NoticeTerms(
    boolean allowed,
    String refusalReason,
    int priorNotices,
    int sequence,
    String rateScheme,
    BigDecimal reducedAmount,
    BigDecimal fullAmount) {}
