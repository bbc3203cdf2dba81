package uk.schoolattendance.notices;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry of the penalty notice register: the notice as prepared and issued, its terms, and what
 * became of it (payment, withdrawal, prosecution). Field names are the contract's. A notice is
 * {@code prepared} until it is posted or handed over: then {@code issuedOn} (the day of posting or
 * handing over), {@code deliveryMethod}, {@code deemedReceivedOn} and the deadlines are set.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PenaltyNoticeEntry(
    String noticeNumber,
    String processInstanceId,
    String caseReference,
    String pupilUpn,
    String pupilName,
    String schoolUrn,
    String parentId,
    String parentName,
    String parentAddress,
    String noticeReason,
    LocalDate offenceFrom,
    LocalDate offenceTo,
    Integer unauthorisedSessions,
    int sequence,
    String rateScheme,
    LocalDate issuedOn,
    LocalDate deemedReceivedOn,
    BigDecimal reducedAmount,
    BigDecimal fullAmount,
    LocalDate reducedDeadline,
    LocalDate finalDeadline,
    LocalDate informationDeadline,
    String status,
    BigDecimal amountPaid,
    LocalDate paidOn,
    String withdrawalReason,
    String withdrawalGround,
    LocalDate withdrawnOn,
    LocalDate prosecutedOn,
    String courtOutcome,
    Evidence evidence,
    LocalDate preparedOn,
    String deliveryMethod,
    String issuingOfficerName,
    String issuedBy,
    String issuerName,
    String issuerReference,
    String pupilAddress,
    String sessionsSource) {

  /** {@code unauthorisedSessions} was counted from the register's marks for the offence period. */
  public static final String SESSIONS_FROM_MARKS = "marks";
  /**
   * {@code unauthorisedSessions} is the count the officer confirmed from the school's register
   * printout for the offence period (a pupil the register holds no marks for).
   */
  public static final String SESSIONS_FROM_PRINTOUT = "register-printout";

  /** Who issued a notice: the local authority through the product, or others recorded in its register. */
  public static final String LOCAL_AUTHORITY = "local-authority";
  public static final java.util.List<String> ISSUERS = java.util.List.of(LOCAL_AUTHORITY, "head-teacher", "police", "other-la");

  /** Status values of the register: prepared until posted or handed over, then issued. */
  public static final String PREPARED = "prepared";
  public static final String ISSUED = "issued";
  public static final String UNPAID = "unpaid";
  public static final String PAID = "paid";
  public static final String WITHDRAWN = "withdrawn";
  public static final String PROSECUTED = "prosecuted";

  /** An amount that settles the notice if paid by a day (both in the notice's terms). */
  public record AmountDue(BigDecimal amount, LocalDate by) {}

  /**
   * What the parent may still pay from {@code day} on, soonest first: the reduced amount by the
   * reduced deadline (while a reduction applies), then the full amount by the final deadline;
   * nothing before issue or after the final deadline. The one rule every page and check uses.
   */
  public java.util.List<AmountDue> amountsDueFrom(LocalDate day) {
    if (issuedOn == null || finalDeadline == null || day.isAfter(finalDeadline)) {
      return java.util.List.of();
    }
    AmountDue full = new AmountDue(fullAmount, finalDeadline);
    if (reducedAmount != null && reducedDeadline != null && !day.isAfter(reducedDeadline)) {
      return java.util.List.of(new AmountDue(reducedAmount, reducedDeadline), full);
    }
    return java.util.List.of(full);
  }

  /**
   * The amount due for a payment made on {@code day}: the reduced amount up to the reduced
   * deadline (when a reduction applies), the full amount up to the final deadline, nothing
   * (null) before issue or after the final deadline.
   */
  public BigDecimal amountDueOn(LocalDate day) {
    if (issuedOn == null || day.isBefore(issuedOn)) {
      return null;
    }
    java.util.List<AmountDue> due = amountsDueFrom(day);
    return due.isEmpty() ? null : due.get(0).amount();
  }

  /**
   * This prepared notice as it will stand once given on {@code on}: for printing the letter before
   * it is posted or handed over. An issued notice is returned as it is.
   */
  public PenaltyNoticeEntry asGiven(
      String method, LocalDate on, LocalDate received, LocalDate reduced, LocalDate last, String officerName) {
    if (!PREPARED.equals(status)) {
      return this;
    }
    return new PenaltyNoticeEntry(
        noticeNumber, processInstanceId, caseReference, pupilUpn, pupilName, schoolUrn, parentId, parentName,
        parentAddress, noticeReason, offenceFrom, offenceTo, unauthorisedSessions, sequence, rateScheme, on, received,
        reducedAmount, fullAmount, reducedAmount == null ? null : reduced, last, informationDeadline, status, amountPaid,
        paidOn, withdrawalReason, withdrawalGround, withdrawnOn, prosecutedOn, courtOutcome, evidence, preparedOn,
        method, officerName, issuedBy, issuerName, issuerReference, pupilAddress, sessionsSource);
  }

  /** This notice at place {@code place}: an issued notice's letter prints the place it was sent with. */
  PenaltyNoticeEntry withSequence(int place) {
    return new PenaltyNoticeEntry(
        noticeNumber, processInstanceId, caseReference, pupilUpn, pupilName, schoolUrn, parentId, parentName,
        parentAddress, noticeReason, offenceFrom, offenceTo, unauthorisedSessions, place, rateScheme, issuedOn,
        deemedReceivedOn, reducedAmount, fullAmount, reducedDeadline, finalDeadline, informationDeadline,
        status, amountPaid, paidOn, withdrawalReason, withdrawalGround, withdrawnOn, prosecutedOn, courtOutcome, evidence,
        preparedOn, deliveryMethod, issuingOfficerName, issuedBy, issuerName, issuerReference, pupilAddress, sessionsSource);
  }

  /**
   * This notice with the payment deadlines {@code reduced} and {@code last}: for a notice someone
   * else issued, whose register entry has none, so the payment rule can judge what its issuer
   * reports ({@link ExternalNoticeReports#paid}).
   */
  PenaltyNoticeEntry withPaymentDeadlines(LocalDate reduced, LocalDate last) {
    return new PenaltyNoticeEntry(
        noticeNumber, processInstanceId, caseReference, pupilUpn, pupilName, schoolUrn, parentId, parentName,
        parentAddress, noticeReason, offenceFrom, offenceTo, unauthorisedSessions, sequence, rateScheme, issuedOn,
        deemedReceivedOn, reducedAmount, fullAmount, reducedAmount == null ? null : reduced, last, informationDeadline,
        status, amountPaid, paidOn, withdrawalReason, withdrawalGround, withdrawnOn, prosecutedOn, courtOutcome, evidence,
        preparedOn, deliveryMethod, issuingOfficerName, issuedBy, issuerName, issuerReference, pupilAddress, sessionsSource);
  }

  /**
   * Whether this notice stands beyond the limit of {@code limit} notices to the same parent for the
   * same child in the limit period: it stands (is not withdrawn) and its place is past the limit.
   * The rule the register's tag, the CSV and the issuing checks use; the pages that filter in the
   * database (the print queue and its held-back list) use {@link #BEYOND_LIMIT_SQL} and {@link
   * #WITHIN_LIMIT_SQL}, the same rule in SQL, kept beside it and compared with it by a test. A change
   * here is a change there.
   */
  public boolean beyondLimit(int limit) {
    return !WITHDRAWN.equals(status) && placeBeyondLimit(sequence, limit);
  }

  /**
   * Whether the notice was withdrawn before it was posted or handed over: it was never given to the
   * parent, so there is no letter as sent (and it bars no prosecution: it had no recipient).
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean withdrawnBeforeIssue() {
    return WITHDRAWN.equals(status) && issuedOn == null;
  }

  /** Whether a standing notice at place {@code sequence} is beyond the limit of {@code limit}. */
  public static boolean placeBeyondLimit(int sequence, int limit) {
    return sequence > limit;
  }

  /**
   * {@link #beyondLimit} as a condition on the register's {@code status} and {@code notice_sequence}
   * columns; its parameters are {@link #WITHDRAWN}, then the limit.
   */
  static final String BEYOND_LIMIT_SQL = "(status <> ? AND notice_sequence > ?)";

  /** Not {@link #BEYOND_LIMIT_SQL}: withdrawn, or within the limit; parameters {@link #WITHDRAWN}, then the limit. */
  static final String WITHIN_LIMIT_SQL = "(status = ? OR notice_sequence <= ?)";

  /** Whether the notice still awaits payment. */
  public boolean awaitingPayment() {
    return ISSUED.equals(status);
  }

  /**
   * The term-time leave evidence the school sent with its request (domain notes §5): leave
   * application, the school's written refusal, the written warning, a registration certificate.
   * Null fields were not recorded (other reasons).
   */
  public record Evidence(
      Boolean leaveApplication,
      Boolean writtenRefusal,
      Boolean writtenWarning,
      Boolean registrationCertificate) {

    public static final Evidence NONE = new Evidence(null, null, null, null);

    public boolean complete() {
      return Boolean.TRUE.equals(leaveApplication)
          && Boolean.TRUE.equals(writtenRefusal)
          && Boolean.TRUE.equals(writtenWarning)
          && Boolean.TRUE.equals(registrationCertificate);
    }
  }
}
