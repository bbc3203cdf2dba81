package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The dates of a notice (domain notes §5 and §10): deemed receipt on the second working day
 * after issue (bank holidays skipped), the reduced period 21 and the full period 28 calendar
 * days after receipt, and the 6-month limit for laying an information. Exposed to expressions
 * as {@code noticeDates} (task due dates).
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

  public LocalDate deemedReceipt(LocalDate issuedOn) {
    return calendar.addWorkingDays(issuedOn, properties.deemedReceiptWorkingDays());
  }

  public LocalDate reducedDeadline(LocalDate deemedReceivedOn) {
    return deemedReceivedOn.plusDays(properties.reducedPeriodDays());
  }

  public LocalDate finalDeadline(LocalDate deemedReceivedOn) {
    return deemedReceivedOn.plusDays(properties.fullPeriodDays());
  }

  /** The last day to lay an information for an offence period ending {@code offenceTo}. */
  public LocalDate informationDeadline(LocalDate offenceTo) {
    return offenceTo.plusMonths(properties.informationLimitMonths());
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

  public java.time.ZoneId zone() {
    return calendar.properties().zone();
  }

}
