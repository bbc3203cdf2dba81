package uk.schoolattendance.notices;

import uk.schoolattendance.process.ProsecutionTimeLimit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The dates of a penalty notice, all calendar days in Europe/London (docs/penalty-notices.md):
 *
 * <ul>
 *   <li>receipt: a notice handed to the parent is received that day; a posted notice is deemed
 *       received on the second working day after posting (EA 1996 s572, Interpretation Act 1978
 *       s7 and the code of conduct; weekends and bank holidays are not working days);
 *   <li>the payment periods are "the period of 21 days beginning with the date on which the
 *       notice is received" and of 28 days likewise (SI 2007/1867 regs 4 and 5 as amended by SI
 *       2024/210): the day of receipt is day 1, so the reduced amount is due by receipt + 20 days
 *       and the full amount by receipt + 27 days;
 *   <li>an information must be laid within 6 months of the offence, i.e. of the last day of the
 *       offence period (Magistrates' Courts Act 1980 s127).
 * </ul>
 *
 * Exposed to expressions as {@code noticeDates} (task due dates).
 */
@Component("noticeDates")
public class NoticeDates {

  private final SchoolCalendar calendar;
  private final PenaltyNoticeProperties properties;

  public NoticeDates(SchoolCalendar calendar, PenaltyNoticeProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  public LocalDate today() {
    return calendar.today();
  }

  /** The day a notice given on {@code on} by {@code method} ({@code post} or {@code hand}) counts as received. */
  public LocalDate deemedReceipt(String method, LocalDate on) {
    if (PenaltyNotice.HAND.equals(method)) {
      return on;
    }
    if (PenaltyNotice.POST.equals(method)) {
      return calendar.addWorkingDays(on, properties.deemedReceiptWorkingDays());
    }
    throw new IllegalArgumentException("deliveryMethod must be post or hand, was " + method);
  }

  /**
   * The day the parent received the notice, which its payment periods begin with: the register's
   * deemed receipt, or for a notice someone else issued (whose receipt is not recorded) the latest
   * the law gives a notice issued that day: posted then, and deemed received so many working days
   * later. The census and the issuer's payment report both use this one rule.
   */
  public LocalDate receivedOn(PenaltyNoticeEntry notice) {
    return notice.deemedReceivedOn() != null ? notice.deemedReceivedOn() : deemedReceipt(PenaltyNotice.POST, notice.issuedOn());
  }

  /** The last day of the reduced period: {@code reducedPeriodDays} days beginning with the day of receipt. */
  public LocalDate reducedDeadline(LocalDate deemedReceivedOn) {
    return lastDayOfPeriodBeginningWith(deemedReceivedOn, properties.reducedPeriodDays());
  }

  /** The last day of the payment period: {@code fullPeriodDays} days beginning with the day of receipt. */
  public LocalDate finalDeadline(LocalDate deemedReceivedOn) {
    return lastDayOfPeriodBeginningWith(deemedReceivedOn, properties.fullPeriodDays());
  }

  /** "A period of n days beginning with" a day ends on that day + (n − 1). */
  static LocalDate lastDayOfPeriodBeginningWith(LocalDate first, int days) {
    return first.plusDays(days - 1L);
  }

  /** The last day to lay an information for an offence period ending {@code offenceTo}. */
  public LocalDate informationDeadline(LocalDate offenceTo) {
    return ProsecutionTimeLimit.informationDeadline(offenceTo, properties.informationLimitMonths());
  }

  /**
   * When the time limit for laying an information has passed: the start of the day after the
   * deadline (a day, ISO text, or a {@code java.util.Date} as older instances may hold it), in the
   * authority's zone. The moment "Decide on non-payment" stops offering prosecution while it is open
   * (new instances give it the register's deadline: {@link NonPaymentDecisionAllowed#informationLimitPassesAt};
   * instances of earlier versions of the process still call this with their variable).
   */
  public Date informationLimitPassesAt(Object informationDeadline) {
    LocalDate deadline = informationDeadline instanceof LocalDate day ? day
        : informationDeadline instanceof Date date ? calendar.day(date)
        : LocalDate.parse(String.valueOf(informationDeadline));
    return calendar.startOfDay(deadline.plusDays(1));
  }

  /** Whether the time limit for laying an information ending {@code deadline} has passed today (s127). */
  public boolean prosecutionTimeBarred(LocalDate deadline) {
    return ProsecutionTimeLimit.passed(deadline, today());
  }

  /** The information deadline, or refused naming {@code field} when a prosecution is time-barred today. */
  public LocalDate requireProsecutionInTime(String field, LocalDate offenceTo) {
    return ProsecutionTimeLimit.requireInTime(field, offenceTo, properties.informationLimitMonths(), today());
  }

  /** When the payment period has ended: the start of the day after the final deadline. */
  public Date paymentPeriodEndsAt(LocalDate finalDeadline) {
    return calendar.atTimeOfDay(finalDeadline.plusDays(1));
  }

  /**
   * When the non-payment decision falls due: {@code decisionDays} after the payment period,
   * but never later than {@code decisionMarginDays} before the information deadline.
   */
  public LocalDate decisionDue(LocalDate finalDeadline, LocalDate informationDeadline) {
    LocalDate due = finalDeadline.plusDays(1 + properties.decisionDays());
    LocalDate latest = informationDeadline.minusDays(properties.decisionMarginDays());
    LocalDate earliest = finalDeadline.plusDays(1);
    LocalDate chosen = due.isAfter(latest) ? latest : due;
    return chosen.isBefore(earliest) ? earliest : chosen;
  }

  /** For user task due dates: {@code days} working days from today, at the calendar's time of day. */
  public Date workingDaysFromNow(int days) {
    return calendar.atTimeOfDay(calendar.addWorkingDays(today(), days));
  }

  public LocalDate addWorkingDays(LocalDate day, int days) {
    return calendar.addWorkingDays(day, days);
  }

  public Date atTimeOfDay(LocalDate day) {
    return calendar.atTimeOfDay(day);
  }

  /** The calendar day of a stored date, in the authority's zone (null stays null). */
  public LocalDate day(Date date) {
    return calendar.day(date);
  }

  public Date startOfDay(LocalDate day) {
    return calendar.startOfDay(day);
  }

  public ZoneId zone() {
    return calendar.properties().zone();
  }
}
