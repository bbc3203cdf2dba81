package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.COURT_OUTCOME;
import static uk.schoolattendance.court.CourtProceedings.HEARING_DATE;
import static uk.schoolattendance.court.CourtProceedings.ORDER_ENDS_ON;
import static uk.schoolattendance.court.CourtProceedings.PUPIL_NAME;
import static uk.schoolattendance.court.CourtProceedings.PUPIL_UPN;
import static uk.schoolattendance.court.CourtProceedings.SCHOOL_REPORT;
import static uk.schoolattendance.court.CourtProceedings.SCHOOL_URN;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Report the outcome to the school" (asynchronous, retried): the report for the school's
 * attendance lead, recorded once with the date it was made ({@code reported_to_school_on} is
 * only set when empty, so a repeated job reports nothing new).
 */
@Component("reportCourtOutcome")
public class ReportCourtOutcome implements JavaDelegate {

  private final CourtProceedingsRepository proceedings;
  private final SchoolDirectory schools;
  private final SchoolCalendar dates;

  public ReportCourtOutcome(CourtProceedingsRepository proceedings, SchoolDirectory schools, SchoolCalendar dates) {
    this.proceedings = proceedings;
    this.schools = schools;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String urn = SCHOOL_URN.get(execution);
    String outcome = COURT_OUTCOME.get(execution);
    String shown = CourtProceedings.COURT_OUTCOME_SHOWN.get(execution);
    StringBuilder report = new StringBuilder()
        .append("To the attendance lead, ").append(schools.find(urn).map(School::name).orElse("URN " + urn)).append(": ")
        .append("the court heard the case of ").append(PUPIL_NAME.get(execution))
        .append(" (UPN ").append(PUPIL_UPN.get(execution)).append(") on ")
        .append(Days.shown(HEARING_DATE.get(execution)))
        .append(". Outcome: ").append(shown == null ? outcome.replace('-', ' ') : shown).append('.');
    LocalDate ends = ORDER_ENDS_ON.get(execution);
    if (ends != null) {
      report.append(" The order runs until ").append(Days.shown(ends)).append('.');
    }
    SCHOOL_REPORT.set(execution, report.toString());
    proceedings.recordReportedToSchool(execution.getProcessInstanceId(), dates.today());
  }
}
