package uk.schoolattendance.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.schoolattendance.attendance.AttendanceRegister;
import uk.schoolattendance.attendance.Figures;

/**
 * The demo register's pupils the demo cases are opened for: at each school, the pupil whose
 * attendance this year is nearest the case's (below {@value #BELOW_PERCENT}%, persistently absent
 * or worse), with at least the unauthorised sessions in the last 10 school weeks the case needs (a
 * penalty notice route needs the national threshold's), each pupil once. So every demo case shows
 * the register's figures and weekly chart, and its figures are the register's. Empty where the
 * register holds no marks (demo register off): the cases then keep their typed figures.
 */
final class DemoPupils {

  /** Persistent absence: attendance below 90%. */
  static final double BELOW_PERCENT = 90.0;

  private final AttendanceRegister register;
  private final LocalDate today;
  private final Map<String, List<Figures>> bySchool = new java.util.HashMap<>();
  private final Set<String> taken = new HashSet<>();

  DemoPupils(AttendanceRegister register, LocalDate today) {
    this.register = register;
    this.today = today;
  }

  /** A register pupil at the school fitting the case, taken so no other case gets it; empty when none fits. */
  Optional<AttendanceRegister.Pupil> take(String urn, double attendance, int minUnauthorised) {
    Optional<Figures> best = candidates(urn).stream()
        .filter(f -> !taken.contains(f.upn()))
        .filter(f -> f.attendancePercent() < BELOW_PERCENT && f.unauthorisedInLast10SchoolWeeks() >= minUnauthorised)
        .min(Comparator.comparingDouble((Figures f) -> Math.abs(f.attendancePercent() - attendance))
            .thenComparing(Figures::upn));
    best.ifPresent(f -> taken.add(f.upn()));
    return best.flatMap(f -> register.pupil(f.upn()));
  }

  private List<Figures> candidates(String urn) {
    return bySchool.computeIfAbsent(urn, u -> {
      List<Figures> all = new ArrayList<>();
      for (Figures f : register.figures(register.pupilsAt(u, today), today).values()) {
        if (f.possibleSessions() > 0 && f.attendancePercent() != null && u.equals(f.schoolUrn())) {
          all.add(f);
        }
      }
      return all;
    });
  }
}
