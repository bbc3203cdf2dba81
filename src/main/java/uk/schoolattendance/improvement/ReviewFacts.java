package uk.schoolattendance.improvement;

import static uk.schoolattendance.improvement.NoticeToImprove.BASE_DATE;
import static uk.schoolattendance.improvement.NoticeToImprove.IMPROVEMENT_PERIOD_FIGURES_SHOWN;
import static uk.schoolattendance.improvement.NoticeToImprove.ISSUED_ON;
import static uk.schoolattendance.improvement.NoticeToImprove.PERIOD_WEEKS;
import static uk.schoolattendance.improvement.NoticeToImprove.PUPIL_UPN;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.schoolattendance.improvement.ImprovementPeriodMarks.PeriodFigures;
import uk.schoolattendance.process.Days;

/**
 * What the officer reviewing a Notice to Improve needs in front of them (walk 11, defect 11).
 * Create listener of {@code Task_ReviewNoticeToImprove} ({@code noticeToImproveReviewFacts}): the
 * case's level, stage and attendance band are the notice's own inputs (the calling case maps them
 * in, ADR 0002; the form showed empty boxes when they were not), which its form turns into words; and
 * the register's figures for the improvement period in words ({@code improvementPeriodFiguresShown}),
 * or that the register holds no marks for it. What the notice described as sufficient improvement
 * ({@code sufficientImprovement}) is the notice's own variable, shown by the form as it is.
 */
@Component("noticeToImproveReviewFacts")
public class ReviewFacts implements TaskListener {

  private final ImprovementPeriod period;
  private final ObjectProvider<ImprovementPeriodMarks> marks;

  public ReviewFacts(ImprovementPeriod period, ObjectProvider<ImprovementPeriodMarks> marks) {
    this.period = period;
    this.marks = marks;
  }

  @Override
  public void notify(DelegateTask task) {
    IMPROVEMENT_PERIOD_FIGURES_SHOWN.setLocal(task, figuresShown(task));
  }

  private String figuresShown(DelegateTask task) {
    LocalDate issued = ISSUED_ON.get(task);
    // the period's first day (a notice issued before it began on receipt stored its letter's date)
    LocalDate from = BASE_DATE.get(task);
    Integer weeks = PERIOD_WEEKS.get(task);
    if (issued == null || from == null || weeks == null) {
      return "The notice's improvement period is not recorded: check the school's register for it.";
    }
    LocalDate to = period.fromStart(issued, null, from, weeks).lastDay();
    ImprovementPeriodMarks register = marks.getIfAvailable();
    Optional<PeriodFigures> figures =
        register == null ? Optional.empty() : register.between(PUPIL_UPN.get(task), from, to);
    if (figures.isEmpty() || figures.get().possibleSessions() == 0) {
      return "The register holds no marks for this pupil in the improvement period (" + Days.shown(from, to)
          + "): check the school's register for it before you decide.";
    }
    PeriodFigures f = figures.get();
    return "From the register of marks, " + Days.shown(f.from(), f.to()) + ": present at " + f.presentSessions()
        + " of " + f.possibleSessions() + " possible sessions (" + percent(f) + "), " + f.unauthorisedAbsence()
        + (f.unauthorisedAbsence() == 1 ? " unauthorised absence" : " unauthorised absences") + " (G, N, O, U).";
  }

  private static String percent(PeriodFigures f) {
    return String.format(Locale.UK, "%.1f%%", 100.0 * f.presentSessions() / f.possibleSessions());
  }
}
