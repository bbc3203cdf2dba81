package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.OffencePeriodProposals;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The offence period a legal route takes when the officer gives none: for a pupil with marks, the
 * window in which the register shows the threshold was met ({@link OffencePeriodsFromMarks}).
 * Replaces the proposal-less default of the case ({@code NoOffencePeriodProposals}) wherever the
 * register runs; a pupil without marks still gets nothing, and the officer enters the period.
 */
@Primary
@Component
class CaseOffencePeriodsFromMarks implements OffencePeriodProposals {

  private final OffencePeriodsFromMarks periods;
  private final AttendanceRegister register;
  private final RegisterCalendars calendars;
  private final RegisterProperties properties;
  private final ThresholdSessions threshold;

  CaseOffencePeriodsFromMarks(
      OffencePeriodsFromMarks periods, AttendanceRegister register, RegisterCalendars calendars,
      RegisterProperties properties, ThresholdSessions threshold) {
    this.periods = periods;
    this.register = register;
    this.calendars = calendars;
    this.properties = properties;
    this.threshold = threshold;
  }

  @Override
  public Optional<OffencePeriod> propose(String pupilUpn, LocalDate asOf) {
    if (pupilUpn == null) {
      return Optional.empty();
    }
    return periods.propose(pupilUpn, asOf)
        .map(period -> new OffencePeriod(period.from(), period.to(), period.unauthorisedSessions(), period.schoolWeeks()));
  }

  @Override
  public boolean hasMarks(String pupilUpn) {
    return pupilUpn != null && register.pupil(pupilUpn).isPresent();
  }

  /** A pupil with marks: the period must hold the threshold ({@link OffencePeriodsFromMarks#check}). */
  @Override
  public void check(String pupilUpn, LocalDate from, LocalDate to) {
    if (hasMarks(pupilUpn)) {
      periods.check(pupilUpn, from, to);
    }
  }

  @Override
  public Optional<String> noticeReason(String pupilUpn, LocalDate from, LocalDate to) {
    return periods.noticeReason(pupilUpn, from, to);
  }

  @Override
  public String thresholdShown() {
    return OffencePeriodProposals.thresholdShown(threshold.sessions(), properties.threshold().schoolWeeks());
  }

  /**
   * A period the school's register printout evidences: on the school's own calendar (its term
   * dates, INSET days), at most the threshold's school weeks as {@link OffencePeriodsFromMarks#check}
   * counts them for marks, and no more unauthorised sessions than it has sessions.
   */
  @Override
  public void checkPrintout(String schoolUrn, LocalDate from, LocalDate to, int unauthorisedSessions) {
    SchoolDays days = schoolUrn == null || !schoolUrn.matches("\\d{6,7}") ? null : calendars.of(Integer.parseInt(schoolUrn));
    if (days == null) {
      throw new InvalidInputException(CaseFacts.SCHOOL_URN.name(), "no school calendar for school " + schoolUrn);
    }
    int possible = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (days.isSchoolDay(day)) {
        possible += 2;
      }
    }
    OffencePeriodProposals.requireWithinThreshold(from, to, OffencePeriodsFromMarks.weeksSpanned(days, from, to),
        properties.threshold().schoolWeeks(), possible, unauthorisedSessions, thresholdShown());
  }
}
