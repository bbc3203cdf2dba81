package uk.schoolattendance.court;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.Inputs;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Report the outcome to the school" (asynchronous, retried): the report for the school's
 * attendance lead, recorded once with the date it was made ({@code reported_to_school_on} is
 * only set when empty, so a repeated job reports nothing new).
 */
@Component("reportCourtOutcome")
public class ReportCourtOutcome implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final CourtProceedingsRepository proceedings;
  private final SchoolDirectory schools;
  private final NoticeDates dates;

  public ReportCourtOutcome(CourtProceedingsRepository proceedings, SchoolDirectory schools, NoticeDates dates) {
    this.proceedings = proceedings;
    this.schools = schools;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String urn = (String) execution.getVariable("schoolUrn");
    String outcome = (String) execution.getVariable("courtOutcome");
    StringBuilder report = new StringBuilder()
        .append("To the attendance lead, ").append(schools.find(urn).map(School::name).orElse("URN " + urn)).append(": ")
        .append("the court heard the case of ").append(execution.getVariable("pupilName"))
        .append(" (UPN ").append(execution.getVariable("pupilUpn")).append(") on ")
        .append(DAY.format(Inputs.requiredDate(execution, "hearingDate", dates.zone())))
        .append(". Outcome: ").append(outcome.replace('-', ' ')).append('.');
    Object ends = execution.getVariable("orderEndsOn");
    if (ends != null) {
      report.append(" The order runs until ").append(DAY.format(Inputs.requiredDate(execution, "orderEndsOn", dates.zone()))).append('.');
    }
    execution.setVariable("schoolReport", report.toString());
    proceedings.recordReportedToSchool(execution.getProcessInstanceId(), dates.today());
  }
}
