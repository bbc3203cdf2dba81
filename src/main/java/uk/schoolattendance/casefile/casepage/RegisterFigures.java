package uk.schoolattendance.casefile.casepage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** The figures, or null when the register has no marks for the pupil. */
  CasePage.RegisterView of(String upn) {
    if (upn == null || upn.isBlank()) {
      return null;
    }
    LocalDate today = dates.today();
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
    facts.add(new CasePage.Fact("Figures as of", dates.day(figures.asOf())));
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
