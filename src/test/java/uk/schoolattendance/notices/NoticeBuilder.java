package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;

/**
 * Register entries for tests, with sensible defaults: a first notice (£80 / £160) to parent
 * {@code P-1} for Sam Pupil at Riverside Primary School for 7 September to 16 October 2026,
 * posted on 2 November 2026. {@link #prepared()} gives the entry as the process prepares it,
 * {@link #issued(NoticeDates)} as it stands once posted or handed over, and
 * {@link #issue(PenaltyNoticeRegister, NoticeDates)} writes it and issues it in a register.
 */
public final class NoticeBuilder {

  private String number = "PN-2026-000123";
  private String processInstanceId = "pi-1";
  private String caseReference = "AC-1";
  private String upn = "A123456789012";
  private String pupilName = "Sam Pupil";
  private String school = "100001";
  private String parent = "P-1";
  private String parentName = "Alex Parent";
  private String parentAddress = "1 Station Road, Southend SS1 1AA";
  private String pupilAddress = "14 Mill Lane, Southend SS2 4BB";
  private String reason = "other";
  private LocalDate offenceFrom = LocalDate.of(2026, 9, 7);
  private LocalDate offenceTo = LocalDate.of(2026, 10, 16);
  private Integer sessions = 12;
  private String sessionsSource = PenaltyNoticeEntry.SESSIONS_FROM_MARKS;
  private int sequence = 1;
  private String rateScheme = "2024";
  private BigDecimal reduced = new BigDecimal("80.00");
  private BigDecimal full = new BigDecimal("160.00");
  private LocalDate issuedOn = LocalDate.of(2026, 11, 2);
  private String method = PenaltyNotice.POST;
  private Evidence evidence = Evidence.NONE;
  private String officer = "Dana Officer";

  public static NoticeBuilder notice() {
    return new NoticeBuilder();
  }

  public NoticeBuilder number(String value) {
    number = value;
    processInstanceId = "pi-" + value;
    return this;
  }

  public NoticeBuilder processInstance(String value) {
    processInstanceId = value;
    return this;
  }

  public NoticeBuilder caseReference(String value) {
    caseReference = value;
    return this;
  }

  public NoticeBuilder pupil(String value) {
    upn = value;
    return this;
  }

  public NoticeBuilder pupilAddress(String value) {
    pupilAddress = value;
    return this;
  }

  public NoticeBuilder school(String value) {
    school = value;
    return this;
  }

  public NoticeBuilder parent(String value) {
    parent = value;
    return this;
  }

  public NoticeBuilder parentName(String value) {
    parentName = value;
    return this;
  }

  public NoticeBuilder parentAddress(String value) {
    parentAddress = value;
    return this;
  }

  public NoticeBuilder reason(String value) {
    reason = value;
    return this;
  }

  public NoticeBuilder offence(LocalDate from, LocalDate to) {
    offenceFrom = from;
    offenceTo = to;
    return this;
  }

  public NoticeBuilder sequence(int value) {
    sequence = value;
    return this;
  }

  public NoticeBuilder rates(String scheme, BigDecimal reducedAmount, BigDecimal fullAmount) {
    rateScheme = scheme;
    reduced = reducedAmount;
    full = fullAmount;
    return this;
  }

  /** A second notice: the full amount only. */
  public NoticeBuilder noReduction() {
    reduced = null;
    return this;
  }

  public NoticeBuilder issuedOn(LocalDate value) {
    issuedOn = value;
    return this;
  }

  public NoticeBuilder handed() {
    method = PenaltyNotice.HAND;
    return this;
  }

  /** The sessions the notice states and where they come from (null, null: a pupil without marks and no printout). */
  public NoticeBuilder sessions(Integer value, String source) {
    sessions = value;
    sessionsSource = source;
    return this;
  }

  public NoticeBuilder evidence(Evidence value) {
    evidence = value;
    return this;
  }

  /** The entry as "Prepare penalty notice" writes it, on the day of issue. */
  public PenaltyNoticeEntry prepared() {
    return new PenaltyNoticeEntry(
        number, processInstanceId, caseReference, upn, pupilName, school, parent, parentName, parentAddress, reason,
        offenceFrom, offenceTo, sessions, sequence, rateScheme, null, null, reduced, full, null, null,
        offenceTo.plusMonths(6), PenaltyNoticeEntry.PREPARED, null, null, null, null, null, null, null, evidence,
        issuedOn, null, null, PenaltyNoticeEntry.LOCAL_AUTHORITY, null, null, pupilAddress, sessionsSource);
  }

  /** The entry once given to the parent on the day of issue by post (or by hand). */
  public PenaltyNoticeEntry issued(NoticeDates dates) {
    LocalDate received = dates.deemedReceipt(method, issuedOn);
    PenaltyNoticeEntry given =
        prepared().asGiven(method, issuedOn, received, dates.reducedDeadline(received), dates.finalDeadline(received), officer);
    return new PenaltyNoticeEntry(
        given.noticeNumber(), given.processInstanceId(), given.caseReference(), given.pupilUpn(), given.pupilName(),
        given.schoolUrn(), given.parentId(), given.parentName(), given.parentAddress(), given.noticeReason(),
        given.offenceFrom(), given.offenceTo(), given.unauthorisedSessions(), given.sequence(), given.rateScheme(),
        given.issuedOn(), given.deemedReceivedOn(), given.reducedAmount(), given.fullAmount(), given.reducedDeadline(),
        given.finalDeadline(), given.informationDeadline(), PenaltyNoticeEntry.ISSUED, null, null, null, null, null,
        null, null, given.evidence(), given.preparedOn(), given.deliveryMethod(), given.issuingOfficerName(),
        given.issuedBy(), null, null, given.pupilAddress(), given.sessionsSource());
  }

  /** Writes the prepared entry and issues it (posted or handed over on the day of issue). */
  public PenaltyNoticeEntry issue(PenaltyNoticeRegister register, NoticeDates dates) {
    register.insertIfAbsent(prepared());
    PenaltyNoticeEntry issued = issued(dates);
    register.recordDispatch(
        number, method, issuedOn, issued.deemedReceivedOn(), issued.reducedDeadline(), issued.finalDeadline(), "officer",
        officer);
    return register.get(number);
  }
}
