package uk.schoolattendance.improvement;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The one rule for a Notice to Improve's improvement period, used by the letter, the timer, the
 * review, the case page and its timeline (walk 13, defects 13 and 14). The statutory guidance
 * ("Working together to improve school attendance", August 2024) gives the parent an improvement
 * period of 3 to 6 weeks after the notice; a period the parent cannot yet know of is no chance to
 * improve, so it begins when the notice is received, not on the letter's date. The notice is posted,
 * so it counts as received on the product's receipt rule for notices: so many working days after
 * posting ({@code attendance.penalty-notices.deemed-receipt-working-days}, default 2; EA 1996 s572,
 * Interpretation Act 1978 s7). The period then runs for {@code attendance.notice-to-improve.period-school-weeks}
 * school weeks (default 6) from the first school day on or after that day (holidays do not count):
 *
 * <ul>
 *   <li>{@link Dates#startsOn()}: the first school day on or after deemed receipt;
 *   <li>{@link Dates#lastDay()}: the last school day inside the period, which the letter, the forms,
 *       the case page and the timeline state as its end;
 *   <li>{@link Dates#endsOn()}: the first school day after the period, when the timer fires and the
 *       review opens ({@code noticeToImproveEndsOn}).
 * </ul>
 */
@Component("improvementPeriod")
public class ImprovementPeriod {

  /** A notice's dates: issued (the letter's date), received, and its improvement period. */
  public record Dates(
      LocalDate issuedOn, LocalDate receivedOn, LocalDate startsOn, LocalDate lastDay, LocalDate endsOn, int weeks) {

    /** The period as people read it: "3 December 2025 to 27 January 2026". */
    public String shown() {
      return Days.shown(startsOn, lastDay);
    }
  }

  private final SchoolCalendar calendar;
  private final NoticeToImproveProperties properties;
  private final NoticeDates receipt;

  /** @param receipt the notices' receipt rule, which a posted Notice to Improve follows */
  public ImprovementPeriod(SchoolCalendar calendar, NoticeToImproveProperties properties, NoticeDates receipt) {
    this.calendar = calendar;
    this.properties = properties;
    this.receipt = receipt;
  }

  /** The period of a notice issued (posted) on {@code issuedOn}, of the configured length. */
  public Dates of(LocalDate issuedOn) {
    return of(issuedOn, properties.periodSchoolWeeks());
  }

  /** The period of a notice issued on {@code issuedOn}, of {@code weeks} school weeks. */
  public Dates of(LocalDate issuedOn, int weeks) {
    LocalDate received = receivedOn(issuedOn);
    LocalDate starts = calendar.nextSchoolDayFrom(received);
    return fromStart(issuedOn, received, starts, weeks);
  }

  /**
   * The period that began on {@code startsOn} (its stored base date), of {@code weeks} school
   * weeks, recalculated on today's term dates: when the term dates change, its end moves.
   */
  public Dates fromStart(LocalDate issuedOn, LocalDate receivedOn, LocalDate startsOn, int weeks) {
    return new Dates(issuedOn, receivedOn, startsOn, calendar.lastSchoolDayOf(startsOn, weeks),
        calendar.addSchoolWeeks(startsOn, weeks), weeks);
  }

  /** The day a notice posted on {@code issuedOn} counts as received by the parent. */
  public LocalDate receivedOn(LocalDate issuedOn) {
    return receipt.deemedReceipt(PenaltyNotice.POST, issuedOn);
  }

  /**
   * The last school day inside a period whose timer day (the first school day after it,
   * {@code noticeToImproveEndsOn}) is {@code endsOn}: what a page states as the period's end.
   */
  public LocalDate lastDayBefore(LocalDate endsOn) {
    LocalDate day = endsOn.minusDays(1);
    while (!calendar.isSchoolDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }
}
