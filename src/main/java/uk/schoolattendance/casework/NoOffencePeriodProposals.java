package uk.schoolattendance.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.ThresholdWords;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * No register of marks yet: nothing is proposed, the officer enters the offence period (no invented
 * data). A period the school's register printout evidences is checked on the authority's calendar
 * ({@code attendance.calendar}) against the threshold the register reads (the NationalThreshold decision's sessions within {@code
 * attendance.register.threshold.school-weeks}, national defaults 10 sessions within 10 school
 * weeks: {@link ThresholdWords}).
 */
@Component
public class NoOffencePeriodProposals implements OffencePeriodProposals {

  private final SchoolCalendar calendar;
  private final ThresholdWords threshold;
  private final int schoolWeeks;

  public NoOffencePeriodProposals(SchoolCalendar calendar, ThresholdWords threshold) {
    this.calendar = calendar;
    this.threshold = threshold;
    this.schoolWeeks = threshold.schoolWeeks();
  }

  @Override
  public Optional<OffencePeriod> propose(String pupilUpn, LocalDate asOf) {
    return Optional.empty();
  }

  @Override
  public String thresholdShown() {
    return OffencePeriodProposals.thresholdShown(threshold.sessions(), schoolWeeks);
  }

  @Override
  public void checkPrintout(String schoolUrn, LocalDate from, LocalDate to, int unauthorisedSessions) {
    int possible = 0;
    int weeks = 0;
    LocalDate countedWeek = null;
    try {
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        if (calendar.isSchoolDay(day)) {
          possible += 2;
          LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          if (!monday.equals(countedWeek)) {
            weeks++;
            countedWeek = monday;
          }
        }
      }
    } catch (IllegalStateException e) {
      throw new InvalidInputException(AttendanceCase.OFFENCE_FROM.name(), "lies outside the term dates the authority has configured");
    }
    OffencePeriodProposals.requireWithinThreshold(from, to, weeks, schoolWeeks, possible, unauthorisedSessions, thresholdShown());
  }
}
