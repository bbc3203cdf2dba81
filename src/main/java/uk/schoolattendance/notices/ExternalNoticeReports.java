package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.security.CurrentUser;

/**
 * What the issuer of a notice someone else issued (a head teacher, the police, another local
 * authority: SI 2007/1867 regs 10 to 13) later tells the compliance team: that it withdrew the
 * notice, or that the parent paid it. Such a notice has no process of ours, so the register records
 * the report as it is given, with who gave it (reg 20: the records of payments and withdrawals). A
 * withdrawal takes the notice out of the count, so the notices after it move up a place as they do
 * after a withdrawal of the authority's own ({@link NoticePlaces}). The authority's own notices are
 * withdrawn and paid through their process, never here. Bad input, or a notice that does not take
 * the report, is refused with an {@link InvalidInputException} naming the field; nothing changes.
 * Only the compliance team and administrators record these ({@link CurrentUser#recordsExternalNotices}).
 */
@Service
public class ExternalNoticeReports {

  /** The longest "who told us" the register keeps. */
  public static final int MAX_REPORTED_BY = 200;

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;
  private final NoticePlaces places;
  private final ProcessEngine engine;
  private final CurrentUser currentUser;

  ExternalNoticeReports(
      PenaltyNoticeRegister register, NoticeDates dates, NoticePlaces places, ProcessEngine engine, CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.register = register;
    this.dates = dates;
    this.places = places;
    this.engine = engine;
  }

  /**
   * The issuer withdrew its notice on {@code withdrawnOn} on {@code ground} (one of the withdrawal
   * grounds, {@link NoticeReasonWords#GROUNDS}); {@code reportedBy} told us. A paid notice may be
   * withdrawn too (its payment must then be repaid: reg 8); a notice is withdrawn once.
   */
  @Transactional
  public PenaltyNoticeEntry withdrawn(String noticeNumber, LocalDate withdrawnOn, String ground, String reportedBy) {
    PenaltyNoticeEntry notice = othersNotice(noticeNumber, "withdrawal");
    if (PenaltyNoticeEntry.WITHDRAWN.equals(notice.status())) {
      throw new InvalidInputException(
          PenaltyNotice.NOTICE_NUMBER.name(), "notice " + noticeNumber + " is already withdrawn"
              + (notice.withdrawnOn() == null ? "" : " (on " + Days.shown(notice.withdrawnOn()) + ")") + ": a notice is withdrawn once");
    }
    String chosen =
        Inputs.required(
            PenaltyNotice.WITHDRAWAL_GROUND.name(),
            Inputs.oneOf(PenaltyNotice.WITHDRAWAL_GROUND.name(), ground, NoticeReasonWords.GROUNDS.keySet().stream().toList()),
            "is required, one of " + String.join(", ", NoticeReasonWords.GROUNDS.keySet()));
    LocalDate on = day("withdrawnOn", withdrawnOn, notice, "withdrawn");
    String who = Inputs.requiredText("reportedBy", reportedBy, MAX_REPORTED_BY);
    register.recordIssuerWithdrawal(
        noticeNumber, chosen, "Withdrawn by its issuer; reported by " + who, on, who);
    // a withdrawn notice no longer counts: the notices to this parent for this child after it move up
    places.renumberAfterWithdrawal(engine, noticeNumber);
    return register.get(noticeNumber);
  }

  /**
   * The issuer reports the notice paid: {@code amountPaid} on {@code paidOn}, as {@code reportedBy}
   * told us. The payment rule of the authority's own notices judges it ({@link
   * PaymentMatchesAmountDue#requireAmountDue}): the reduced amount only within the reduced period, the
   * full amount within the payment period, no part payments. The issuer's deadlines are not recorded,
   * so the latest the law gives a notice issued on its day are used: posted that day, deemed received
   * {@code deemed-receipt-working-days} later, and the configured periods from then.
   */
  @Transactional
  public PenaltyNoticeEntry paid(String noticeNumber, BigDecimal amountPaid, LocalDate paidOn, String reportedBy) {
    PenaltyNoticeEntry notice = othersNotice(noticeNumber, "payment");
    if (!PenaltyNoticeEntry.UNPAID.equals(notice.status())) {
      throw new InvalidInputException(
          PenaltyNotice.NOTICE_NUMBER.name(), "notice " + noticeNumber + " is " + notice.status() + ": only an unpaid notice"
              + " can be recorded as paid");
    }
    BigDecimal amount =
        Inputs.required(
            PenaltyNotice.AMOUNT_PAID.name(), Inputs.pounds(PenaltyNotice.AMOUNT_PAID.name(), amountPaid),
            "is required (an amount in pounds, e.g. 80.00)");
    LocalDate on = day(PenaltyNotice.PAID_ON.name(), paidOn, notice, "paid");
    // the payment rule of the authority's own notices, on the latest deadlines the law gives a notice
    // issued that day: posted then, so received on the deemed day (the issuer's own are not recorded)
    LocalDate received = dates.receivedOn(notice);
    LocalDate reducedBy = dates.reducedDeadline(received);
    LocalDate lastDay = dates.finalDeadline(received);
    try {
      PaymentMatchesAmountDue.requireAmountDue(notice.withPaymentDeadlines(reducedBy, lastDay), amount, on);
    } catch (InvalidInputException refused) {
      throw new InvalidInputException(refused.getField(), refused.getRule() + ": a notice issued on "
          + Days.shown(notice.issuedOn()) + " is received by " + Days.shown(received) + " at the latest, so "
          + (notice.reducedAmount() == null ? "" : "its reduced amount £" + notice.reducedAmount().setScale(2)
              + " is due by " + Days.shown(reducedBy) + " and ")
          + "its full amount £" + notice.fullAmount().setScale(2) + " by " + Days.shown(lastDay));
    }
    String who = Inputs.requiredText("reportedBy", reportedBy, MAX_REPORTED_BY);
    register.recordIssuerPayment(noticeNumber, amount, on, who);
    return register.get(noticeNumber);
  }

  /** The notice, which must be one someone else issued: the authority's own go through their process. */
  private PenaltyNoticeEntry othersNotice(String noticeNumber, String what) {
    if (!currentUser.recordsExternalNotices()) {
      // the API and the pages check first; this holds for any other caller
      throw new NoticeActionRefused(NoticeActionRefused.Why.NOT_YOURS, "Not yours to record",
          "only the compliance team records what the issuer of a notice reports");
    }
    PenaltyNoticeEntry notice = register.get(noticeNumber);
    if (PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy())) {
      throw new InvalidInputException(
          PenaltyNotice.NOTICE_NUMBER.name(), "notice " + noticeNumber + " is the authority's own: its " + what
              + " is recorded through its process (the notice's page, or the " + ("payment".equals(what)
                  ? PenaltyNotice.PAID.name() : PenaltyNotice.WITHDRAWN.name()) + " message), not as its issuer's report");
    }
    return notice;
  }

  /** A day the issuer reports: required, not before the notice was issued, not in the future. */
  private LocalDate day(String field, LocalDate day, PenaltyNoticeEntry notice, String what) {
    Inputs.required(field, day, "is required (a date, e.g. 2026-11-20)");
    if (notice.issuedOn() != null && day.isBefore(notice.issuedOn())) {
      throw new InvalidInputException(
          field, "must not be before the notice was issued (" + Days.shown(notice.issuedOn()) + "): a notice is " + what + " after its issue");
    }
    if (day.isAfter(dates.today())) {
      throw new InvalidInputException(field, "must not be in the future (today is " + Days.shown(dates.today()) + ")");
    }
    return day;
  }
}
