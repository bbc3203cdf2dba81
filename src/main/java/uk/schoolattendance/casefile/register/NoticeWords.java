package uk.schoolattendance.casefile.register;

import java.math.BigDecimal;
import java.util.Map;
import uk.schoolattendance.notices.NoticeReasonWords;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.process.ProsecutionTimeLimit;
import uk.schoolattendance.process.Wording;

/** The register's values as its page writes them. */
final class NoticeWords {

  static final Map<String, String> STATES =
      Map.of(
          PenaltyNoticeEntry.PREPARED, "Waiting to be posted",
          PenaltyNoticeEntry.ISSUED, "Issued, awaiting payment",
          PenaltyNoticeEntry.UNPAID, "Unpaid",
          PenaltyNoticeEntry.PAID, "Paid",
          PenaltyNoticeEntry.WITHDRAWN, "Withdrawn",
          PenaltyNoticeEntry.PROSECUTED, "Prosecuted");

  /** The states in the order the filter lists them: the ones that need work first. */
  static final java.util.List<String> STATE_ORDER =
      java.util.List.of(
          PenaltyNoticeEntry.PREPARED, PenaltyNoticeEntry.ISSUED, PenaltyNoticeEntry.UNPAID, PenaltyNoticeEntry.PAID,
          PenaltyNoticeEntry.WITHDRAWN, PenaltyNoticeEntry.PROSECUTED);

  private static final Map<String, String> TAGS =
      Map.of(
          PenaltyNoticeEntry.PREPARED, "govuk-tag--yellow",
          PenaltyNoticeEntry.ISSUED, "govuk-tag--blue",
          PenaltyNoticeEntry.UNPAID, "govuk-tag--red",
          PenaltyNoticeEntry.PAID, "govuk-tag--green",
          PenaltyNoticeEntry.WITHDRAWN, "govuk-tag--grey",
          PenaltyNoticeEntry.PROSECUTED, "govuk-tag--purple");

  static final Map<String, String> ISSUERS =
      ordered(
          PenaltyNoticeEntry.LOCAL_AUTHORITY, "The local authority",
          "head-teacher", "A head teacher",
          "police", "The police",
          "other-la", "Another local authority");

  /** The withdrawal grounds' words: the penalty notice process's own ({@link NoticeReasonWords}). */
  static final Map<String, String> GROUNDS = NoticeReasonWords.GROUNDS;

  static final Map<String, String> PAYMENT_METHODS =
      ordered("card", "Card", "bank-transfer", "Bank transfer", "cheque", "Cheque", "cash", "Cash");

  static final Map<String, String> REASONS =
      ordered("holiday", "Leave in term time", "late", "Persistent lateness", "other", "Irregular attendance");

  private NoticeWords() {}

  /** A map of value to words in the order given: the order radios list them. */
  private static Map<String, String> ordered(String... valuesAndWords) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < valuesAndWords.length; i += 2) {
      map.put(valuesAndWords[i], valuesAndWords[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  static String state(String state) {
    return STATES.getOrDefault(state, state);
  }

  /**
   * A notice's state in words: as {@link #state(String)}, but a notice someone else issued that its
   * issuer withdrew says so (the authority did not withdraw it), and one withdrawn before it was
   * issued says "Withdrawn before issue": it was never sent.
   */
  static String state(PenaltyNoticeEntry notice) {
    if (PenaltyNoticeEntry.WITHDRAWN.equals(notice.status()) && !PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy())) {
      return "Withdrawn by its issuer";
    }
    if (notice.withdrawnBeforeIssue()) {
      // never posted or handed over: no letter was sent, so none is printed (LetterPrinting)
      return uk.schoolattendance.notices.LetterPrinting.WITHDRAWN_BEFORE_ISSUE;
    }
    return state(notice.status());
  }

  static String tag(String state) {
    return TAGS.getOrDefault(state, "govuk-tag--grey");
  }

  /**
   * What to do with an unpaid notice whose time limit for a prosecution (six months from the
   * offence, Magistrates' Courts Act 1980 s127: its {@code informationDeadline}) passed before
   * {@code today}, or null while a prosecution can still start ({@code lastDay}: that deadline as shown). No decision to prosecute can be taken:
   * the authority's own notice is withdrawn as not prosecuted ("Decide on non-payment"); one someone
   * else issued is ended by its issuer, whose withdrawal the register records.
   */
  static String timeLimitPassed(PenaltyNoticeEntry notice, java.time.LocalDate today, String lastDay) {
    if (!PenaltyNoticeEntry.UNPAID.equals(notice.status()) || notice.informationDeadline() == null
        || !ProsecutionTimeLimit.passed(notice.informationDeadline(), today)) {
      return null;
    }
    return "The last day to lay an information was " + lastDay + ": a prosecution is no longer possible; "
        + (PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy())
            ? "withdraw the notice as not prosecuted (Decide on non-payment)"
            : "record its issuer's withdrawal");
  }

  static String issuer(String issuedBy) {
    return ISSUERS.getOrDefault(issuedBy, issuedBy);
  }

  /** The notice's place among the standing notices to its parent for its child: "2nd in 3 years". */
  static String sequence(int sequence, int limitYears) {
    return Wording.ordinal(sequence) + " in " + limitYears + " years";
  }

  static String pounds(BigDecimal amount) {
    return amount == null ? "" : "£" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
