package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.OffencePeriodProposals;

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

  CaseOffencePeriodsFromMarks(OffencePeriodsFromMarks periods, AttendanceRegister register) {
    this.periods = periods;
    this.register = register;
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
}
