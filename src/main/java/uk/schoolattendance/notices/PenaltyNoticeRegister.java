package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * The penalty notice register in {@code pn_notice} and {@code pn_payment}. Runs inside the
 * engine's transaction (same data source, Spring-managed transaction), so a register change and
 * the process step that made it commit or roll back together.
 */
@Repository
public class PenaltyNoticeRegister {

  private static final String COLUMNS =
      "notice_number, process_instance_id, case_reference, pupil_upn, pupil_name, school_urn,"
          + " parent_id, parent_name, parent_address, notice_reason, offence_from, offence_to,"
          + " unauthorised_sessions, notice_sequence, rate_scheme, issued_on, deemed_received_on,"
          + " reduced_amount, full_amount, reduced_deadline, final_deadline, information_deadline,"
          + " status, amount_paid, paid_on, withdrawal_reason, withdrawal_ground, withdrawn_on,"
          + " prosecuted_on, court_outcome, evidence_leave_application, evidence_written_refusal,"
          + " evidence_written_warning, evidence_registration_certificate, prepared_on, delivery_method,"
          + " issuing_officer_name, issued_by, issuer_name, issuer_reference, pupil_address, sessions_source";

  private final JdbcTemplate jdbc;
  private final Persons persons;
  private final ZoneId zone;

  public PenaltyNoticeRegister(JdbcTemplate jdbc, Persons persons, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.zone = calendar.zone();
  }

  public Optional<PenaltyNoticeEntry> find(String noticeNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pn_notice WHERE notice_number = ?", ROW, noticeNumber)
        .stream()
        .findFirst();
  }

  public PenaltyNoticeEntry get(String noticeNumber) {
    return find(noticeNumber)
        .orElseThrow(() -> new InvalidInputException("noticeNumber", "no penalty notice " + noticeNumber + " in the register"));
  }

  /**
   * Writes the prepared notice unless the register already holds it (a retried or repeated job):
   * the entry that stands afterwards is returned, so preparing twice gives one row. A standing
   * notice to the same parent for the same child and offence period under another number is
   * refused. The notice is issued later, when it is posted or handed over ({@link #recordDispatch}).
   */
  public PenaltyNoticeEntry insertIfAbsent(PenaltyNoticeEntry notice) {
    Optional<PenaltyNoticeEntry> existing = find(notice.noticeNumber());
    if (existing.isPresent()) {
      return sameInstance(existing.get(), notice);
    }
    Optional<PenaltyNoticeEntry> sameProcess = findByProcessInstance(notice.processInstanceId());
    if (sameProcess.isPresent()) {
      return sameInstance(sameProcess.get(), notice);
    }
    Timestamp now = new Timestamp(EngineClock.now().getTime());
    Evidence evidence = notice.evidence() == null ? Evidence.NONE : notice.evidence();
    // the person the case named (its parents carry person ids); none for a caller's own parent id
    String person =
        Persons.isPositionId(notice.parentId())
            ? persons.resolve(null, notice.parentName(), notice.parentAddress(), null)
            : persons.survivor(notice.parentId()).orElse(null);
    try {
      jdbc.update(
          "INSERT INTO pn_notice (" + COLUMNS + ", person_id, active_key, created_at, updated_at) VALUES"
              + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
              + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          notice.noticeNumber(), notice.processInstanceId(), notice.caseReference(), notice.pupilUpn(),
          notice.pupilName(), notice.schoolUrn(), notice.parentId(), notice.parentName(),
          notice.parentAddress(), notice.noticeReason(), date(notice.offenceFrom()), date(notice.offenceTo()),
          notice.unauthorisedSessions(), notice.sequence(), notice.rateScheme(), date(notice.issuedOn()),
          date(notice.deemedReceivedOn()), notice.reducedAmount(), notice.fullAmount(),
          date(notice.reducedDeadline()), date(notice.finalDeadline()), date(notice.informationDeadline()),
          PenaltyNoticeEntry.PREPARED, null, null, null, null, null, null, null,
          evidence.leaveApplication(), evidence.writtenRefusal(), evidence.writtenWarning(),
          evidence.registrationCertificate(), date(notice.preparedOn()), null, null, PenaltyNoticeEntry.LOCAL_AUTHORITY,
          null, null, notice.pupilAddress(), notice.sessionsSource(), person, activeKey(notice, person), now, now);
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException(
          "a penalty notice to parent " + notice.parentId() + " for pupil " + notice.pupilUpn()
              + " for the offence period " + notice.offenceFrom() + " to " + notice.offenceTo()
              + " already stands: withdraw it before issuing another",
          e);
    }
    return get(notice.noticeNumber());
  }

  /**
   * Records a notice issued outside the product (a head teacher, the police, another local
   * authority): a row of the same register, so it counts towards the limit, the second-notice rate
   * and the census. It has no process; its status is {@code paid} or {@code unpaid}. A standing
   * notice for the same parent, child and offence period is refused.
   */
  public PenaltyNoticeEntry recordExternal(PenaltyNoticeEntry notice, String person) {
    List<String> overlapping =
        standingOverlapping(notice.parentId(), person, notice.pupilUpn(), notice.offenceFrom(), notice.offenceTo());
    if (!overlapping.isEmpty()) {
      throw new InvalidInputException(
          "offenceFrom",
          "penalty notice " + String.join(", ", overlapping) + " to this parent for this child already covers part of"
              + " this offence period: an offence is charged once");
    }
    Timestamp now = new Timestamp(EngineClock.now().getTime());
    try {
      jdbc.update(
          "INSERT INTO pn_notice (notice_number, case_reference, pupil_upn, pupil_name, school_urn, parent_id, parent_name,"
              + " parent_address, notice_reason, offence_from, offence_to, notice_sequence, rate_scheme, issued_on,"
              + " prepared_on, reduced_amount, full_amount, information_deadline, status, amount_paid, paid_on, issued_by,"
              + " issuer_name, issuer_reference, person_id, active_key, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          notice.noticeNumber(), notice.caseReference(), notice.pupilUpn(), notice.pupilName(), notice.schoolUrn(),
          notice.parentId(), notice.parentName(), notice.parentAddress(), notice.noticeReason(),
          date(notice.offenceFrom()), date(notice.offenceTo()), notice.sequence(), notice.rateScheme(),
          date(notice.issuedOn()), date(notice.issuedOn()), notice.reducedAmount(), notice.fullAmount(),
          date(notice.informationDeadline()), notice.status(), notice.amountPaid(), date(notice.paidOn()),
          notice.issuedBy(), notice.issuerName(), notice.issuerReference(), person, activeKey(notice, person), now, now);
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException(
          "offenceFrom",
          "a notice to this parent for this child for this offence period already stands in the register");
    }
    return get(notice.noticeNumber());
  }

  /** A standing notice whose place {@link #renumberFrom} changed, as it now stands. */
  public record Renumbered(String noticeNumber, String processInstanceId, String status, LocalDate offenceFrom, int sequence) {}

  /**
   * Gives the standing notices to this parent for this child issued (or, not yet posted, prepared)
   * on or after {@code from} and within {@code limitYears} of it their true place again, after a
   * notice of that day was recorded late or withdrawn: each counts the standing notices before it
   * in its own limit period (those of the same day with a lower number first). Returns those whose
   * place changed. Only the place changes here: the amounts of an issued notice are what it was
   * issued with; a prepared notice's follow its new place ({@link #reprice}).
   */
  public List<Renumbered> renumberFrom(String parentId, String person, String pupilUpn, LocalDate from, int limitYears) {
    List<Object[]> later =
        jdbc.query(
            "SELECT notice_number, process_instance_id, status, offence_from, notice_sequence, " + DAY_OF_ISSUE
                + " AS day_of_issue FROM pn_notice WHERE " + SAME_PARENT + " AND pupil_upn = ? AND status <> 'withdrawn'"
                + " AND " + DAY_OF_ISSUE + " >= ? AND " + DAY_OF_ISSUE + " <= ? ORDER BY day_of_issue, notice_number",
            (rs, row) -> new Object[] {
                rs.getString("notice_number"), rs.getString("process_instance_id"), rs.getString("status"),
                day(rs, "offence_from"), rs.getInt("notice_sequence"), day(rs, "day_of_issue")},
            parentId, person, pupilUpn, date(from), date(from.plusYears(limitYears)));
    List<Renumbered> changed = new ArrayList<>();
    for (Object[] notice : later) {
      String number = (String) notice[0];
      LocalDate day = (LocalDate) notice[5];
      Integer before =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM pn_notice WHERE " + SAME_PARENT + " AND pupil_upn = ? AND status <> 'withdrawn'"
                  + " AND notice_number <> ? AND " + DAY_OF_ISSUE + " > ? AND (" + DAY_OF_ISSUE + " < ? OR ("
                  + DAY_OF_ISSUE + " = ? AND notice_number < ?))",
              Integer.class, parentId, person, pupilUpn, number, date(day.minusYears(limitYears)), date(day), date(day),
              number);
      int place = (before == null ? 0 : before) + 1;
      if (place != (Integer) notice[4]) {
        jdbc.update("UPDATE pn_notice SET notice_sequence = ? WHERE notice_number = ?", place, number);
        changed.add(new Renumbered(number, (String) notice[1], (String) notice[2], (LocalDate) notice[3], place));
      }
    }
    return changed;
  }

  /**
   * Gives a notice that is still prepared the terms of its place: its rate scheme and amounts. An
   * issued notice keeps what it was issued with (nothing changes).
   */
  public void reprice(String noticeNumber, NoticeTerms terms) {
    jdbc.update(
        "UPDATE pn_notice SET rate_scheme = ?, reduced_amount = ?, full_amount = ?, updated_at = ?"
            + " WHERE notice_number = ? AND status = 'prepared'",
        terms.rateScheme(), terms.reducedAmount(), terms.fullAmount(), new Timestamp(EngineClock.now().getTime()),
        noticeNumber);
  }

  /**
   * Who a notice was given to and for which child, as {@link #renumberFrom} counts them: the parent
   * id, the surviving person (null when none) and the child's UPN.
   */
  public record Recipient(String parentId, String person, String pupilUpn, LocalDate dayOfIssue) {}

  public Recipient recipientOf(String noticeNumber) {
    return jdbc.query(
            "SELECT parent_id, person_id, pupil_upn, " + DAY_OF_ISSUE + " AS day_of_issue FROM pn_notice WHERE notice_number = ?",
            (rs, row) -> new Object[] {
                rs.getString("parent_id"), rs.getString("person_id"), rs.getString("pupil_upn"), day(rs, "day_of_issue")},
            noticeNumber)
        .stream()
        .findFirst()
        .map(row -> new Recipient(
            (String) row[0], row[1] == null ? null : persons.survivor((String) row[1]).orElse((String) row[1]),
            (String) row[2], (LocalDate) row[3]))
        .orElseThrow(() -> new InvalidInputException("noticeNumber", "no penalty notice " + noticeNumber + " in the register"));
  }

  /**
   * The other standing (not withdrawn) notices to the same parent, or the person they are, for the
   * same child as {@code noticeNumber}, oldest first: those whose place a notice recorded late moves.
   */
  public List<PenaltyNoticeEntry> othersToSameParentAndChild(String noticeNumber) {
    Recipient recipient = recipientOf(noticeNumber);
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM pn_notice WHERE " + SAME_PARENT + " AND pupil_upn = ? AND status <> 'withdrawn'"
            + " AND notice_number <> ? ORDER BY " + DAY_OF_ISSUE + ", notice_number",
        ROW, recipient.parentId(), recipient.person(), recipient.pupilUpn(), noticeNumber);
  }

  private static PenaltyNoticeEntry sameInstance(PenaltyNoticeEntry existing, PenaltyNoticeEntry wanted) {
    if (!existing.processInstanceId().equals(wanted.processInstanceId())
        || !existing.noticeNumber().equals(wanted.noticeNumber())) {
      throw new IllegalStateException(
          "notice " + wanted.noticeNumber() + " of process instance " + wanted.processInstanceId()
              + " collides with register entry " + existing.noticeNumber() + " of process instance "
              + existing.processInstanceId());
    }
    return existing;
  }

  public Optional<PenaltyNoticeEntry> findByProcessInstance(String processInstanceId) {
    return jdbc.query(
            "SELECT " + COLUMNS + " FROM pn_notice WHERE process_instance_id = ?", ROW, processInstanceId)
        .stream()
        .findFirst();
  }

  /**
   * Notices to this parent for this child issued (or, not yet posted, prepared) after {@code after}
   * and on or before {@code upTo}, withdrawn ones not counted (domain notes §5: the limit counts
   * paid and unpaid notices, including those followed by prosecution). A parent id that names a
   * person counts that person's notices under every id merged into it (issue #12 item 3).
   */
  public int countStanding(String parentId, String pupilUpn, LocalDate after, LocalDate upTo) {
    return countStanding(parentId, persons.survivor(parentId).orElse(null), pupilUpn, after, upTo);
  }

  /**
   * The person whose notices count for a parent of a case: the surviving person its id names, or
   * for a case opened before persons existed ({@code parent-1}) the person matched on its name and
   * address; null when there is none.
   */
  public String personOf(String parentId, String name, String address) {
    return Persons.isPositionId(parentId)
        ? persons.match(name, address, null).orElse(null)
        : persons.survivor(parentId).orElse(null);
  }

  /** As {@link #countStanding(String, String, LocalDate, LocalDate)} for a parent matched to {@code person}. */
  public int countStanding(String parentId, String person, String pupilUpn, LocalDate after, LocalDate upTo) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM pn_notice WHERE " + SAME_PARENT + " AND pupil_upn = ? AND status <> 'withdrawn'"
                + " AND " + DAY_OF_ISSUE + " > ? AND " + DAY_OF_ISSUE + " <= ?",
            Integer.class, parentId, person, pupilUpn, date(after), date(upTo));
    return count == null ? 0 : count;
  }

  /** The numbers of the notices {@link #countStanding(String, String, String, LocalDate, LocalDate)} counts, in order of issue. */
  public List<String> standingNumbers(String parentId, String person, String pupilUpn, LocalDate after, LocalDate upTo) {
    return jdbc.queryForList(
        "SELECT notice_number FROM pn_notice WHERE " + SAME_PARENT + " AND pupil_upn = ? AND status <> 'withdrawn'"
            + " AND " + DAY_OF_ISSUE + " > ? AND " + DAY_OF_ISSUE + " <= ? ORDER BY " + DAY_OF_ISSUE + ", notice_number",
        String.class, parentId, person, pupilUpn, date(after), date(upTo));
  }

  /**
   * Standing (not withdrawn) notices to this parent for this child whose offence period shares a
   * day with {@code from}–{@code to}: an offence period is charged once (a later notice or
   * prosecution must not overlap it). Counted per person, following merges.
   */
  public List<String> standingOverlapping(String parentId, String pupilUpn, LocalDate from, LocalDate to) {
    return standingOverlapping(parentId, persons.survivor(parentId).orElse(null), pupilUpn, from, to);
  }

  /** As {@link #standingOverlapping(String, String, LocalDate, LocalDate)} for a parent matched to {@code person}. */
  public List<String> standingOverlapping(String parentId, String person, String pupilUpn, LocalDate from, LocalDate to) {
    return jdbc.queryForList(
        "SELECT notice_number FROM pn_notice WHERE " + SAME_PARENT + " AND pupil_upn = ? AND status <> 'withdrawn'"
            + " AND offence_from <= ? AND offence_to >= ? ORDER BY notice_number",
        String.class, parentId, person, pupilUpn, date(to), date(from));
  }

  /**
   * Withdrawn notices to this parent for this child (any issuer, the authority's or another's)
   * whose offence period shares a day with {@code from}–{@code to}, or every withdrawn one when
   * both are null: no proceedings may be instituted against the recipient for the offence a
   * withdrawn notice related to ({@link ProsecutionBar}). Counted per person, following merges.
   * Only a notice that was issued ({@code issued_on} set) had a recipient: one withdrawn while
   * still prepared, never given, bars nothing (another issuer's notice always has its day of issue).
   */
  public List<PenaltyNoticeEntry> withdrawnOverlapping(
      String parentId, String person, String pupilUpn, LocalDate from, LocalDate to) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM pn_notice WHERE " + SAME_PARENT + " AND pupil_upn = ? AND status = 'withdrawn'"
            + " AND issued_on IS NOT NULL AND offence_from <= ? AND offence_to >= ? ORDER BY offence_from, notice_number",
        ROW, parentId, person, pupilUpn, date(to == null ? LocalDate.of(9999, 12, 31) : to),
        date(from == null ? LocalDate.of(1900, 1, 1) : from));
  }

  /**
   * The notices of one parent: those under the parent id given, and those of the person it names
   * (the surviving person, whose group holds every id merged into it). Arguments: the parent id,
   * then the surviving person's id (null when the parent id names no person).
   */
  private static final String SAME_PARENT = "(parent_id = ? OR person_id" + Persons.IN_GROUP + ")";

  /** The day a notice counts from: its day of issue, or the day it was prepared while not yet posted. */
  private static final String DAY_OF_ISSUE = "COALESCE(issued_on, prepared_on)";

  /**
   * Occasions (distinct offence periods, whichever parent) on which this child's parents were
   * given standing notices issued after {@code after}: what a local yearly cap per child counts.
   */
  public int countOccasionsForChild(String pupilUpn, LocalDate after, LocalDate upTo) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM (SELECT DISTINCT offence_from, offence_to FROM pn_notice"
                + " WHERE pupil_upn = ? AND status <> 'withdrawn' AND " + DAY_OF_ISSUE + " > ? AND "
                + DAY_OF_ISSUE + " <= ?) occasions",
            Integer.class, pupilUpn, date(after), date(upTo));
    return count == null ? 0 : count;
  }

  /** Records the payment that discharges the notice; refused unless the notice awaits payment. */
  public void recordPayment(String noticeNumber, BigDecimal amount, LocalDate paidOn) {
    Timestamp now = new Timestamp(EngineClock.now().getTime());
    int updated =
        jdbc.update(
            "UPDATE pn_notice SET status = 'paid', amount_paid = ?, paid_on = ?, updated_at = ?"
                + " WHERE notice_number = ? AND status = 'issued'",
            amount, date(paidOn), now, noticeNumber);
    if (updated != 1) {
      throw new InvalidInputException("noticeNumber", "notice " + noticeNumber + " is not awaiting payment");
    }
    jdbc.update(
        "INSERT INTO pn_payment (notice_number, amount, paid_on, recorded_at) VALUES (?, ?, ?, ?)",
        noticeNumber, amount, date(paidOn), now);
  }

  /**
   * A refund owed for money received beyond the amount due (an overpayment), and once made when,
   * how, its reference and who recorded it ({@code refundedOn} null while it is still owed).
   */
  public record Refund(BigDecimal amount, LocalDate refundedOn, String method, String reference, String refundedBy) {
    public boolean made() {
      return refundedOn != null;
    }
  }

  /** Records that {@code amount} received with the notice's payment is owed back to the payer. */
  public void recordRefundDue(String noticeNumber, BigDecimal amount) {
    jdbc.update("INSERT INTO pn_refund (notice_number, amount) VALUES (?, ?)", noticeNumber, amount);
  }

  /** Records the refund made; refused unless one is owed and not yet recorded as made. */
  public void recordRefundMade(String noticeNumber, LocalDate refundedOn, String method, String reference, String by) {
    int updated = jdbc.update(
        "UPDATE pn_refund SET refunded_on = ?, refund_method = ?, refund_reference = ?, refunded_by = ?, recorded_at = ?"
            + " WHERE notice_number = ? AND refunded_on IS NULL",
        date(refundedOn), method, reference, by, new Timestamp(EngineClock.now().getTime()), noticeNumber);
    if (updated != 1) {
      throw new InvalidInputException("noticeNumber", "no refund is owed on notice " + noticeNumber);
    }
  }

  /** The notice's refund, owed or made; empty when nothing was overpaid. */
  public Optional<Refund> refund(String noticeNumber) {
    return jdbc.query(
            "SELECT amount, refunded_on, refund_method, refund_reference, refunded_by FROM pn_refund WHERE notice_number = ?",
            (rs, row) -> new Refund(rs.getBigDecimal("amount"), day(rs, "refunded_on"), rs.getString("refund_method"),
                rs.getString("refund_reference"), rs.getString("refunded_by")),
            noticeNumber)
        .stream()
        .findFirst();
  }

  /**
   * A notice's refund with the moment its making was recorded ({@code recordedAt} null while it is
   * still owed), for the case page's timeline.
   */
  public record RecordedRefund(Refund refund, java.time.Instant recordedAt) {}

  /** The refunds, owed or made, of {@code noticeNumbers}, by notice number (a notice nothing was overpaid on has none). */
  public java.util.Map<String, RecordedRefund> refunds(java.util.Collection<String> noticeNumbers) {
    java.util.Map<String, RecordedRefund> refunds = new java.util.HashMap<>();
    if (noticeNumbers.isEmpty()) {
      return refunds;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(noticeNumbers.size(), "?"));
    jdbc.query("SELECT notice_number, amount, refunded_on, refund_method, refund_reference, refunded_by, recorded_at"
            + " FROM pn_refund WHERE notice_number IN (" + marks + ")",
        (ResultSet rs) -> {
          Timestamp recordedAt = rs.getTimestamp("recorded_at");
          refunds.put(rs.getString("notice_number"), new RecordedRefund(new Refund(rs.getBigDecimal("amount"),
              day(rs, "refunded_on"), rs.getString("refund_method"), rs.getString("refund_reference"),
              rs.getString("refunded_by")), recordedAt == null ? null : recordedAt.toInstant()));
        },
        noticeNumbers.toArray());
    return refunds;
  }

  /** The notices of {@code noticeNumbers} with a refund still owed, and how much. */
  public java.util.Map<String, BigDecimal> refundsOwed(java.util.Collection<String> noticeNumbers) {
    java.util.Map<String, BigDecimal> owed = new java.util.HashMap<>();
    if (noticeNumbers.isEmpty()) {
      return owed;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(noticeNumbers.size(), "?"));
    jdbc.query("SELECT notice_number, amount FROM pn_refund WHERE refunded_on IS NULL AND notice_number IN (" + marks + ")",
        (java.sql.ResultSet rs) -> {
          owed.put(rs.getString("notice_number"), rs.getBigDecimal("amount"));
        },
        noticeNumbers.toArray());
    return owed;
  }

  /** How a payment was made and its reference; either may be null. */
  public record PaymentDetails(String method, String reference) {}

  /** Adds how the notice's payment was made and its reference to the payment just recorded. */
  public void recordPaymentDetails(String noticeNumber, String method, String reference) {
    jdbc.update(
        "UPDATE pn_payment SET payment_method = ?, payment_reference = ? WHERE notice_number = ?",
        method, reference, noticeNumber);
  }

  /** How the notice's payment was made, when it was paid through the register. */
  public Optional<PaymentDetails> paymentDetails(String noticeNumber) {
    return jdbc.query(
            "SELECT payment_method, payment_reference FROM pn_payment WHERE notice_number = ?",
            (rs, row) -> new PaymentDetails(rs.getString("payment_method"), rs.getString("payment_reference")),
            noticeNumber)
        .stream()
        .filter(details -> details.method() != null || details.reference() != null)
        .findFirst();
  }

  /** The payments recorded for a notice (at most one: no part payments). */
  public List<BigDecimal> payments(String noticeNumber) {
    return jdbc.queryForList("SELECT amount FROM pn_payment WHERE notice_number = ?", BigDecimal.class, noticeNumber);
  }

  /**
   * Issues a prepared notice: the day it was posted or handed over, how, the deemed receipt, the
   * deadlines that follow from it and the authorised officer who issued it. Refused unless the
   * notice is prepared, so a notice is never issued twice.
   */
  public void recordDispatch(
      String noticeNumber, String deliveryMethod, LocalDate issuedOn, LocalDate deemedReceivedOn,
      LocalDate reducedDeadline, LocalDate finalDeadline, String officerId, String officerName) {
    find(noticeNumber)
        .filter(notice -> notice.pupilAddress() == null || notice.pupilAddress().isBlank())
        .ifPresent(notice -> {
          // prepared before the child's address was required (SI 2007/1867 reg 3): never issued without it
          throw new InvalidInputException(
              PenaltyNotice.PUPIL_ADDRESS.name(),
              "notice " + noticeNumber + " does not state the child's address (Education (Penalty Notices) (England)"
                  + " Regulations 2007 reg 3): withdraw it (material-error) and prepare it again once the case's"
                  + " pupilAddress is recorded");
        });
    List<Object> values = new ArrayList<>();
    values.add(deliveryMethod);
    values.add(date(issuedOn));
    values.add(date(deemedReceivedOn));
    values.add(date(reducedDeadline));
    values.add(date(finalDeadline));
    values.add(officerId);
    values.add(officerName);
    transition(
        noticeNumber,
        // the place the letter prints is kept as it was sent: a notice recorded later does not change it
        "status = 'issued', delivery_method = ?, issued_on = ?, deemed_received_on = ?, reduced_deadline = ?,"
            + " final_deadline = ?, issuing_officer_id = ?, issuing_officer_name = ?, letter_sequence = notice_sequence",
        values,
        "'prepared'");
  }

  /**
   * An issued notice as its letter was sent, for any renderer of the letter: its amounts and dates
   * are the register's (they never change once issued) and its place (1st, 2nd) the one printed when
   * it was posted or handed over ({@code letter_sequence}), not its place now: a notice issued earlier
   * but recorded later moves the register's place on, not the letter the parent holds. Empty for a
   * notice not yet issued (or unknown); a notice with no letter place recorded (someone else's) is as
   * the register holds it.
   */
  public Optional<PenaltyNoticeEntry> asSent(String noticeNumber) {
    return jdbc.query(
            "SELECT " + COLUMNS + ", letter_sequence FROM pn_notice WHERE notice_number = ? AND status <> 'prepared'"
                + " AND issued_on IS NOT NULL",
            (rs, row) -> {
              PenaltyNoticeEntry notice = ROW.mapRow(rs, row);
              int place = rs.getInt("letter_sequence");
              return rs.wasNull() ? notice : notice.withSequence(place);
            },
            noticeNumber)
        .stream()
        .findFirst();
  }

  /** Marks the notice unpaid at the end of the payment period. */
  public void markUnpaid(String noticeNumber) {
    transition(noticeNumber, "status = 'unpaid'", List.of(), "'issued'");
  }

  /** Withdraws a standing notice; it no longer counts towards the limit. */
  public void recordWithdrawal(String noticeNumber, String reason, String ground, LocalDate on) {
    List<Object> values = new ArrayList<>();
    values.add(reason);
    values.add(ground);
    values.add(date(on));
    transition(
        noticeNumber,
        "status = 'withdrawn', withdrawal_reason = ?, withdrawal_ground = ?, withdrawn_on = ?, active_key = NULL",
        values,
        "'prepared', 'issued', 'unpaid'");
  }

  /**
   * Withdraws a notice someone else issued, as its issuer reported: its day, ground and who told
   * the compliance team. Only a standing ({@code unpaid} or {@code paid}) notice of another issuer
   * changes; the caller checks the rest first ({@link ExternalNoticeReports}).
   */
  public void recordIssuerWithdrawal(String noticeNumber, String ground, String reason, LocalDate on, String reportedBy) {
    issuerChange(
        noticeNumber,
        "status = 'withdrawn', withdrawal_reason = ?, withdrawal_ground = ?, withdrawn_on = ?, withdrawal_reported_by = ?,"
            + " active_key = NULL",
        java.util.Arrays.asList(reason, ground, date(on), reportedBy),
        "'unpaid', 'paid'");
  }

  /** Records the payment of a notice someone else issued, as its issuer reported it, and who told us. */
  public void recordIssuerPayment(String noticeNumber, BigDecimal amount, LocalDate paidOn, String reportedBy) {
    issuerChange(
        noticeNumber, "status = 'paid', amount_paid = ?, paid_on = ?, payment_reported_by = ?",
        java.util.Arrays.asList(amount, date(paidOn), reportedBy), "'unpaid'");
  }

  /** A change to a notice someone else issued, in one of {@code fromStatuses}; the authority's own are never changed here. */
  private void issuerChange(String noticeNumber, String assignments, List<Object> values, String fromStatuses) {
    List<Object> args = new ArrayList<>(values);
    args.add(new Timestamp(EngineClock.now().getTime()));
    args.add(noticeNumber);
    args.add(PenaltyNoticeEntry.LOCAL_AUTHORITY);
    int updated =
        jdbc.update(
            "UPDATE pn_notice SET " + assignments + ", updated_at = ? WHERE notice_number = ? AND issued_by <> ?"
                + " AND status IN (" + fromStatuses + ")",
            args.toArray());
    if (updated != 1) {
      throw new InvalidInputException(
          "noticeNumber",
          find(noticeNumber).map(notice -> "notice " + noticeNumber + " is " + notice.status())
              .orElse("no penalty notice " + noticeNumber + " in the register"));
    }
  }

  /** Who told the compliance team of a notice's withdrawal or payment by its issuer; either may be null. */
  public record IssuerReports(String withdrawalReportedBy, String paymentReportedBy) {}

  public IssuerReports issuerReports(String noticeNumber) {
    return jdbc.query(
            "SELECT withdrawal_reported_by, payment_reported_by FROM pn_notice WHERE notice_number = ?",
            (rs, row) -> new IssuerReports(rs.getString("withdrawal_reported_by"), rs.getString("payment_reported_by")),
            noticeNumber)
        .stream()
        .findFirst()
        .orElse(new IssuerReports(null, null));
  }

  /** Records that the recipient is prosecuted for the original offence after non-payment. */
  public void recordProsecution(String noticeNumber, LocalDate on) {
    transition(noticeNumber, "status = 'prosecuted', prosecuted_on = ?", List.of(date(on)), "'unpaid'");
  }

  /** Records the court's outcome of the prosecution that followed the notice. */
  public void recordCourtOutcome(String noticeNumber, String outcome) {
    transition(noticeNumber, "court_outcome = ?", List.of(outcome), "'prosecuted'");
  }

  private void transition(String noticeNumber, String assignments, List<Object> values, String fromStatuses) {
    List<Object> args = new ArrayList<>(values);
    args.add(new Timestamp(EngineClock.now().getTime()));
    args.add(noticeNumber);
    int updated =
        jdbc.update(
            "UPDATE pn_notice SET " + assignments + ", updated_at = ? WHERE notice_number = ? AND status IN ("
                + fromStatuses + ")",
            args.toArray());
    if (updated != 1) {
      String status = find(noticeNumber).map(PenaltyNoticeEntry::status).orElse(null);
      throw new InvalidInputException(
          "noticeNumber",
          status == null
              ? "no penalty notice " + noticeNumber + " in the register"
              : "notice " + noticeNumber + " is " + status);
    }
  }

  /** One page of the register, newest first. */
  public List<PenaltyNoticeEntry> search(RegisterQuery query) {
    List<Object> args = new ArrayList<>();
    String where = query.where(args);
    args.add(query.size());
    args.add((long) query.page() * query.size());
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM pn_notice" + where + " ORDER BY " + DAY_OF_ISSUE + " DESC, notice_number DESC"
            + " LIMIT ? OFFSET ?",
        ROW, args.toArray());
  }

  /**
   * One page of the register in the order its page lists notices: soonest next deadline first (a
   * prepared notice's "Post or hand over the notice" task's due day; an issued one's reduced
   * deadline while it runs on {@code today}, then its final deadline; an unpaid one's time limit for
   * laying an information), notices with nothing due last; ties newest first, then by number, so
   * the order is total and a notice is on exactly one page.
   */
  public List<PenaltyNoticeEntry> byDeadline(RegisterQuery query, LocalDate today) {
    List<Object> args = new ArrayList<>();
    String sql = byDeadlineSql(query, today, args) + " LIMIT ? OFFSET ?";
    args.add(query.size());
    args.add((long) query.page() * query.size());
    return jdbc.query(sql, ROW, args.toArray());
  }

  /**
   * Every notice the query matches, in {@link #byDeadline} order, handed to {@code each} one at a
   * time as the database sends them (a read-only transaction, so PostgreSQL streams with a cursor):
   * the register's CSV export never holds the whole register in memory.
   */
  @Transactional(readOnly = true)
  public void eachByDeadline(RegisterQuery query, LocalDate today, Consumer<PenaltyNoticeEntry> each) {
    List<Object> args = new ArrayList<>();
    String sql = byDeadlineSql(query, today, args, false);
    stream(sql, args, rs -> each.accept(ROW.mapRow(rs, 0)));
  }

  /**
   * As {@link #eachByDeadline}, each notice with its refund, owed or made (null when nothing was
   * overpaid): read in the same query, for the register's CSV export.
   */
  @Transactional(readOnly = true)
  public void eachByDeadlineWithRefunds(
      RegisterQuery query, LocalDate today, java.util.function.BiConsumer<PenaltyNoticeEntry, Refund> each) {
    List<Object> args = new ArrayList<>();
    String sql = byDeadlineSql(query, today, args, true);
    stream(sql, args, rs -> {
      BigDecimal owed = rs.getBigDecimal("refund_amount");
      each.accept(ROW.mapRow(rs, 0), owed == null ? null : new Refund(owed, day(rs, "refund_refunded_on"),
          rs.getString("refund_method"), rs.getString("refund_reference"), rs.getString("refund_refunded_by")));
    });
  }

  private void stream(String sql, List<Object> args, RowCallbackHandler each) {
    jdbc.query(
        connection -> {
          PreparedStatement statement = connection.prepareStatement(sql);
          statement.setFetchSize(STREAM_FETCH_SIZE);
          for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
          }
          return statement;
        },
        each);
  }

  private static final int STREAM_FETCH_SIZE = 500;

  private String byDeadlineSql(RegisterQuery query, LocalDate today, List<Object> args) {
    return byDeadlineSql(query, today, args, false);
  }

  private String byDeadlineSql(RegisterQuery query, LocalDate today, List<Object> args, boolean withRefunds) {
    StringBuilder dispatchDays = new StringBuilder("CAST(NULL AS DATE)");
    Map<String, LocalDate> days = dispatchDays();
    if (!days.isEmpty()) {
      dispatchDays.setLength(0);
      dispatchDays.append("CASE pn_notice.process_instance_id");
      days.forEach((instance, day) -> {
        dispatchDays.append(" WHEN ? THEN CAST(? AS DATE)");
        args.add(instance);
        args.add(date(day));
      });
      dispatchDays.append(" END");
    }
    args.add(date(today));
    String where = query.where(args);
    return "SELECT notices.*" + (withRefunds ? ", r.amount AS refund_amount, r.refunded_on AS refund_refunded_on,"
        + " r.refund_method, r.refund_reference, r.refunded_by AS refund_refunded_by" : "") + " FROM (SELECT " + COLUMNS + ", " + DAY_OF_ISSUE + " AS day_of_issue, CASE status"
        + " WHEN 'prepared' THEN " + dispatchDays
        + " WHEN 'issued' THEN CASE WHEN final_deadline IS NULL THEN NULL"
        + " WHEN reduced_amount IS NOT NULL AND reduced_deadline IS NOT NULL AND reduced_deadline >= ? THEN reduced_deadline"
        + " ELSE final_deadline END"
        + " WHEN 'unpaid' THEN information_deadline END AS next_deadline FROM pn_notice" + where + ") notices"
        + (withRefunds ? " LEFT JOIN pn_refund r ON r.notice_number = notices.notice_number" : "")
        + " ORDER BY CASE WHEN notices.next_deadline IS NULL THEN 1 ELSE 0 END, notices.next_deadline,"
        + " notices.day_of_issue DESC, notices.notice_number DESC";
  }

  /**
   * The day, in the authority's zone ({@code attendance.calendar.zone}), on which each prepared
   * notice's "Post or hand over the notice" task is due (its earliest, by process instance). Worked
   * out here, not by the database: a database's CAST to DATE takes the day in the server's zone,
   * another day for a due time late in the evening when the server is not in England.
   */
  private Map<String, LocalDate> dispatchDays() {
    Map<String, LocalDate> days = new TreeMap<>();
    jdbc.query(
        "SELECT t.PROC_INST_ID_, MIN(t.DUE_DATE_) AS due FROM ACT_RU_TASK t WHERE t.TASK_DEF_KEY_ = ?"
            + " AND t.DUE_DATE_ IS NOT NULL GROUP BY t.PROC_INST_ID_",
        (RowCallbackHandler) rs -> days.put(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(zone).toLocalDate()),
        PenaltyNotice.DISPATCH_PENALTY_NOTICE.id());
    return days;
  }

  public long count(RegisterQuery query) {
    List<Object> args = new ArrayList<>();
    String where = query.where(args);
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM pn_notice" + where, Long.class, args.toArray());
    return count == null ? 0 : count;
  }

  /** Notices issued in a period (both ends included), for the census. */
  public List<PenaltyNoticeEntry> issuedBetween(LocalDate from, LocalDate to) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM pn_notice WHERE issued_on >= ? AND issued_on <= ? ORDER BY issued_on",
        ROW, date(from), date(to));
  }

  /** Notices whose recipient was prosecuted (after non-payment) in a period, both ends included. */
  public long countProsecutedBetween(LocalDate from, LocalDate to) {
    Long count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM pn_notice WHERE prosecuted_on >= ? AND prosecuted_on <= ?",
            Long.class, date(from), date(to));
    return count == null ? 0 : count;
  }

  private static String activeKey(PenaltyNoticeEntry n, String person) {
    return (person == null ? n.parentId() : person) + "|" + n.pupilUpn() + "|" + n.offenceFrom() + "|" + n.offenceTo();
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  private static final RowMapper<PenaltyNoticeEntry> ROW =
      (rs, row) -> {
        Object sessions = rs.getObject("unauthorised_sessions");
        return new PenaltyNoticeEntry(
            rs.getString("notice_number"),
            rs.getString("process_instance_id"),
            rs.getString("case_reference"),
            rs.getString("pupil_upn"),
            rs.getString("pupil_name"),
            rs.getString("school_urn"),
            rs.getString("parent_id"),
            rs.getString("parent_name"),
            rs.getString("parent_address"),
            rs.getString("notice_reason"),
            day(rs, "offence_from"),
            day(rs, "offence_to"),
            sessions == null ? null : ((Number) sessions).intValue(),
            rs.getInt("notice_sequence"),
            rs.getString("rate_scheme"),
            day(rs, "issued_on"),
            day(rs, "deemed_received_on"),
            rs.getBigDecimal("reduced_amount"),
            rs.getBigDecimal("full_amount"),
            day(rs, "reduced_deadline"),
            day(rs, "final_deadline"),
            day(rs, "information_deadline"),
            rs.getString("status"),
            rs.getBigDecimal("amount_paid"),
            day(rs, "paid_on"),
            rs.getString("withdrawal_reason"),
            rs.getString("withdrawal_ground"),
            day(rs, "withdrawn_on"),
            day(rs, "prosecuted_on"),
            rs.getString("court_outcome"),
            new Evidence(
                bool(rs, "evidence_leave_application"),
                bool(rs, "evidence_written_refusal"),
                bool(rs, "evidence_written_warning"),
                bool(rs, "evidence_registration_certificate")),
            day(rs, "prepared_on"),
            rs.getString("delivery_method"),
            rs.getString("issuing_officer_name"),
            rs.getString("issued_by"),
            rs.getString("issuer_name"),
            rs.getString("issuer_reference"),
            rs.getString("pupil_address"),
            rs.getString("sessions_source"));
      };
}
