package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.schoolattendance.improvement.ImprovementPeriodMarks;

/**
 * A period's figures from the register: the academic year's figures on its last day less those on
 * the day before it began, when both days are in the same academic year; otherwise the later
 * year's figures alone, counted from the start of that year.
 */
@Component
class ImprovementPeriodFromMarks implements ImprovementPeriodMarks {

  private final AttendanceRegister register;

  ImprovementPeriodFromMarks(AttendanceRegister register) {
    this.register = register;
  }

  @Override
  public Optional<PeriodFigures> between(String upn, LocalDate from, LocalDate to) {
    if (upn == null || from == null || to == null || to.isBefore(from) || !register.hasMarks(upn)) {
      return Optional.empty();
    }
    Figures end = register.figures(upn, to).orElse(null);
    if (end == null || end.possibleSessions() == 0) {
      return Optional.empty();
    }
    Figures before = register.figures(upn, from.minusDays(1)).orElse(null);
    if (before == null || !before.academicYear().equals(end.academicYear())) {
      // the period began in the previous academic year: the register counts this year's part
      LocalDate yearStart = SchoolDays.academicYearStart(to);
      return Optional.of(new PeriodFigures(from.isAfter(yearStart) ? from : yearStart, to,
          end.possibleSessions(), end.presentSessions(), end.unauthorisedAbsence()));
    }
    return Optional.of(new PeriodFigures(from, to,
        end.possibleSessions() - before.possibleSessions(),
        end.presentSessions() - before.presentSessions(),
        end.unauthorisedAbsence() - before.unauthorisedAbsence()));
  }
}
