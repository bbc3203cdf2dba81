package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.RegisterFigures;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The register's figures for a case: the pupil's figures when the register holds at least one
 * possible session of the academic year for the pupil, as the case's school may read them (walk
 * 14, defect 5: by UPN alone a school that typed another school's pupil read that school's
 * figures on its case). While the pupil is on the case's school's roll: as of today. Once they
 * left it (a case that stayed with the old school while its notices or court proceedings run):
 * as of the leaving date, never the new school's days. A school whose roll the pupil was never on
 * gets none (the case keeps the figures typed at its start).
 */
@Component
class CaseFiguresFromMarks implements RegisterFigures {

  private final AttendanceRegister register;
  private final SchoolCalendar calendar;
  private final RegisterCalendars calendars;
  private final RegisterProperties properties;

  CaseFiguresFromMarks(AttendanceRegister register, SchoolCalendar calendar, RegisterCalendars calendars,
      RegisterProperties properties) {
    this.register = register;
    this.calendar = calendar;
    this.calendars = calendars;
    this.properties = properties;
  }

  @Override
  public Optional<RollingAttendance> rolling(String upn, String schoolUrn, LocalDate day) {
    if (upn == null || schoolUrn == null || day == null || !register.hasMarks(upn)) {
      return Optional.empty();
    }
    AttendanceRegister.Pupil pupil = register.pupil(upn).orElse(null);
    if (pupil == null) {
      return Optional.empty();
    }
    LocalDate to = day;
    if (!pupil.schools().contains(schoolUrn)) { // the school they left: never the new school's days
      Optional<LocalDate> left = register.leftRollOf(upn, List.of(schoolUrn));
      if (left.isEmpty()) {
        return Optional.empty();
      }
      to = left.get().isBefore(day) ? left.get() : day;
    }
    int weeks = properties.threshold().schoolWeeks();
    LocalDate from = calendars.of(Integer.parseInt(schoolUrn)).windowStart(to, weeks);
    int possible = 0;
    int present = 0;
    for (AttendanceRegister.RegisterMark mark : register.marks(upn, from, to)) {
      if (!"X".equals(mark.category())) { // X: not a possible session (FiguresQuery's categories)
        possible++;
        if ("P".equals(mark.category())) {
          present++;
        }
      }
    }
    return possible == 0 ? Optional.empty()
        : Optional.of(new RollingAttendance(from, to, weeks, Figures.percent(present, possible), possible));
  }

  @Override
  public Optional<CaseFigures> current(String upn, String schoolUrn) {
    if (upn == null || schoolUrn == null || !register.hasMarks(upn)) {
      return Optional.empty();
    }
    AttendanceRegister.Pupil pupil = register.pupil(upn).orElse(null);
    if (pupil == null) {
      return Optional.empty();
    }
    LocalDate asOf = calendar.today();
    if (!pupil.schools().contains(schoolUrn)) {
      Optional<LocalDate> left = register.leftRollOf(upn, List.of(schoolUrn));
      if (left.isEmpty()) {
        return Optional.empty();
      }
      asOf = left.get();
    }
    return figures(upn, asOf);
  }

  @Override
  public Optional<CaseFigures> current(RegisterPupil known, String upn, String schoolUrn) {
    if (known == null || upn == null || schoolUrn == null || !known.readableBy(schoolUrn) || !register.hasMarks(upn)) {
      return Optional.empty(); // a pupil the register does not know has no marks
    }
    LocalDate asOf = known.onRoll().contains(schoolUrn)
        ? calendar.today()
        : register.leftRollOf(upn, List.of(schoolUrn)).orElse(null);
    return asOf == null ? Optional.empty() : figures(upn, asOf);
  }

  private Optional<CaseFigures> figures(String upn, LocalDate asOf) {
    return register.figures(upn, asOf)
        .filter(f -> f.possibleSessions() > 0 && f.attendancePercent() != null)
        .map(f -> new CaseFigures(f.attendancePercent(), f.unauthorisedInLast10SchoolWeeks()));
  }

  @Override
  public Optional<RegisterPupil> pupil(String upn) {
    if (upn == null) {
      return Optional.empty();
    }
    return register.pupil(upn).map(p -> {
      LocalDate today = calendar.today();
      List<String> left = register.enrolments(p.id()).values().stream()
          .filter(e -> !p.schools().contains(e.schoolUrn()) && e.to() != null && e.to().isBefore(today))
          .map(AttendanceRegister.Enrolment::schoolUrn)
          .toList();
      return new RegisterPupil(p.name(), p.dateOfBirth(), p.schools(), left);
    });
  }
}
