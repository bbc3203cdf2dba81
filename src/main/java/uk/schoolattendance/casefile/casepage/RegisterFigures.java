package uk.schoolattendance.casefile.casepage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.AttendanceRegister;
import uk.schoolattendance.attendance.Figures;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.process.ThresholdWords;

/**
 * The pupil's figures from the register of attendance marks, where the pupil has marks: the
 * year's totals (the register's own figures) and attendance by week for the last
 * {@value #WEEKS} weeks as a chart drawn on the server (an SVG, no JavaScript), with the same
 * numbers as a table for those who do not see the chart.
 *
 * <p>A school reads them only while the pupil is on its roll, as the register's API allows
 * ({@code /api/pupils/{upn}/attendance}): a case that stayed with the old school after the pupil
 * moved (penalty notices or court proceedings open) shows the old school the figures and weeks as
 * of the pupil's leaving date, never the new school's marks after it; a school that never had the
 * pupil on its roll sees no figures, and words saying why.
 */
@Component
class RegisterFigures {

  static final int WEEKS = 12;
  static final int CHART_HEIGHT = 120;
  static final int BAR_WIDTH = 36;
  static final int BAR_GAP = 12;

  private final AttendanceRegister register;
  private final UkDates dates;
  private final ThresholdWords threshold;

  RegisterFigures(AttendanceRegister register, UkDates dates, ThresholdWords threshold) {
    this.register = register;
    this.dates = dates;
    this.threshold = threshold;
  }

  /** The figures as the local authority reads them (every school's), or null when the register has no marks for the pupil. */
  CasePage.RegisterView of(String upn) {
    return of(upn, null);
  }

  /**
   * The figures as this viewer may read them: {@code viewerSchools} null for one who reads every
   * school, otherwise the URNs of the viewer's schools. Null when the register has no marks for
   * the pupil.
   */
  CasePage.RegisterView of(String upn, Set<String> viewerSchools) {
    if (upn == null || upn.isBlank()) {
      return null;
    }
    LocalDate asOf = dates.today();
    String leftOn = null;
    if (viewerSchools != null) {
      boolean onRoll = register.pupil(upn).map(p -> p.schools().stream().anyMatch(viewerSchools::contains)).orElse(false);
      if (!onRoll) {
        LocalDate left = register.leftRollOf(upn, viewerSchools).orElse(null);
        if (left == null) {
          return register.hasMarks(upn)
              ? new CasePage.RegisterView(List.of(new CasePage.Fact("Figures from the register",
                  "Not shown: the pupil is not on your school's roll")), List.of())
              : null;
        }
        asOf = left;
        leftOn = dates.day(left);
      }
    }
    return figures(upn, asOf, leftOn);
  }

  private CasePage.RegisterView figures(String upn, LocalDate today, String leftOn) {
    Figures figures = register.figures(upn, today).orElse(null);
    if (figures == null || figures.possibleSessions() == 0) {
      return null;
    }
    List<CasePage.Fact> facts = new ArrayList<>();
    facts.add(new CasePage.Fact("Attendance this year",
        String.format(Locale.UK, "%.1f%%", figures.attendancePercent()) + " (" + figures.presentSessions() + " of "
            + figures.possibleSessions() + " sessions)"));
    facts.add(new CasePage.Fact("Absence", figures.authorisedAbsence() + " authorised, " + figures.unauthorisedAbsence()
        + " unauthorised sessions"));
    facts.add(new CasePage.Fact("Band", Wording.sentence(figures.band())));
    facts.add(new CasePage.Fact("Unauthorised in " + threshold.lastSchoolWeeks(), figures.unauthorisedInLast10SchoolWeeks() + " sessions"));
    if (figures.thresholdMetOn() != null) {
      facts.add(new CasePage.Fact("Threshold for a penalty notice met", dates.day(figures.thresholdMetOn())));
    }
    facts.add(new CasePage.Fact("Figures as of", leftOn == null ? dates.day(figures.asOf())
        : dates.day(figures.asOf()) + " (the pupil left your school's roll on " + leftOn
            + ": later marks are another school's and are not shown)"));
    return new CasePage.RegisterView(facts, weeks(upn, today));
  }

  private List<CasePage.WeekBar> weeks(String upn, LocalDate today) {
    LocalDate lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate from = lastMonday.minusWeeks(WEEKS - 1L);
    Map<LocalDate, int[]> byWeek = new TreeMap<>();
    for (AttendanceRegister.RegisterMark mark : register.marks(upn, from, today)) {
      int[] counts = byWeek.computeIfAbsent(mark.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), w -> new int[2]);
      String category = mark.category();
      if ("P".equals(category) || "A".equals(category) || "U".equals(category)) {
        counts[1]++;
        if ("P".equals(category)) {
          counts[0]++;
        }
      }
    }
    List<CasePage.WeekBar> bars = new ArrayList<>();
    int x = 0;
    for (Map.Entry<LocalDate, int[]> week : byWeek.entrySet()) {
      int[] counts = week.getValue();
      if (counts[1] == 0) {
        continue;
      }
      double percent = 100.0 * counts[0] / counts[1];
      int height = (int) Math.round(CHART_HEIGHT * percent / 100.0);
      bars.add(new CasePage.WeekBar(
          dates.day(week.getKey()), String.format(Locale.UK, "%.0f%%", percent), x, CHART_HEIGHT - height, height,
          week.getKey().getDayOfMonth() + " " + week.getKey().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK)));
      x += BAR_WIDTH + BAR_GAP;
    }
    return bars;
  }
}
