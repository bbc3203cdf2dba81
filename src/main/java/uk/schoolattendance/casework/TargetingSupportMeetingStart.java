package uk.schoolattendance.casework;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Start listener of TargetingSupportMeeting ({@code targetingSupportMeetingStart}): one meeting
 * per school and term. Needs {@code schoolUrn} (a known school) and {@code term} (e.g.
 * {@code 2026-27 autumn}); {@code meetingDate} is optional (a school day; the task is due then,
 * otherwise in 20 working days). The business key is {@code TSM-{urn}-{year}-{term}}; a second
 * meeting for the same school and term is refused.
 */
@Component("targetingSupportMeetingStart")
public class TargetingSupportMeetingStart implements ExecutionListener {

  private final SchoolDirectory schools;
  private final SchoolCalendar calendar;

  public TargetingSupportMeetingStart(SchoolDirectory schools, SchoolCalendar calendar) {
    this.schools = schools;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String urn = Inputs.requiredText(execution, "schoolUrn", 6);
    if (!schools.isKnown(urn)) {
      throw new InvalidInputException("schoolUrn", "no school with URN " + urn + " is served by this authority");
    }
    String term = Inputs.requiredText(execution, "term", 20).toLowerCase(java.util.Locale.ROOT);
    if (!term.matches("\\d{4}-\\d{2} (autumn|spring|summer)")) {
      throw new InvalidInputException("term", "must be an academic year and a term, e.g. '2026-27 autumn'");
    }
    execution.setVariable("term", term);
    LocalDate meeting = Inputs.optionalDate(execution, "meetingDate", calendar.properties().zone());
    if (meeting != null) {
      boolean schoolDay;
      try {
        schoolDay = calendar.isSchoolDay(meeting);
      } catch (IllegalStateException e) {
        throw new InvalidInputException("meetingDate", "is beyond the term dates the authority has configured");
      }
      if (!schoolDay) {
        throw new InvalidInputException("meetingDate", meeting + " is not a school day");
      }
      execution.setVariable("meetingDueDate", calendar.atTimeOfDay(meeting));
    } else {
      execution.setVariable("meetingDueDate", calendar.workingDaysFromNow(20));
    }
    String key = "TSM-" + urn + "-" + term.replace(' ', '-');
    long existing =
        execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("TargetingSupportMeeting")
            .processInstanceBusinessKey(key)
            .count();
    if (existing > 0) {
      throw new InvalidInputException("term", "the " + term + " meeting of school " + urn + " already exists (" + key + ")");
    }
    execution.setProcessBusinessKey(key);
  }
}
