package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.RegisterFigures;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The register's figures for a case's start: the pupil's figures as of today, when the register
 * holds at least one possible session of the current academic year for the pupil.
 */
@Component
class CaseFiguresFromMarks implements RegisterFigures {

  private final AttendanceRegister register;
  private final SchoolCalendar calendar;

  CaseFiguresFromMarks(AttendanceRegister register, SchoolCalendar calendar) {
    this.register = register;
    this.calendar = calendar;
  }

  @Override
  public Optional<CaseFigures> current(String upn) {
    return asOf(upn, calendar.today());
  }

  @Override
  public Optional<CaseFigures> asOf(String upn, LocalDate day) {
    if (upn == null || day == null || !register.hasMarks(upn)) {
      return Optional.empty();
    }
    return register.figures(upn, day)
        .filter(f -> f.possibleSessions() > 0 && f.attendancePercent() != null)
        .map(f -> new CaseFigures(f.attendancePercent(), f.unauthorisedInLast10SchoolWeeks()));
  }
}
