package uk.schoolattendance.meetings;

import static uk.schoolattendance.meetings.TargetingSupportMeeting.MEETING_DATE;
import static uk.schoolattendance.meetings.TargetingSupportMeeting.MEETING_DUE_DATE;
import static uk.schoolattendance.meetings.TargetingSupportMeeting.SCHOOL_URN;
import static uk.schoolattendance.meetings.TargetingSupportMeeting.TERM;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Start listener of TargetingSupportMeeting ({@code targetingSupportMeetingStart}): one meeting
 * per school and term. Needs {@code schoolUrn} (a known school) and {@code term} (e.g.
 * {@code 2026-27 autumn}); {@code meetingDate} is optional (a school day; the task is due then,
 * otherwise in 20 working days). The business key is {@code TSM-{urn}-{year}-{term}}; a second
 * meeting for the same school and term is refused. {@code dataPackDate} is a week before the
 * meeting is due, or the earlier day the caller gave (a meeting arranged at short notice): the
 * school's data pack is prepared then.
 */
@Component("targetingSupportMeetingStart")
public class TargetingSupportMeetingStart implements ExecutionListener {

  /** The data pack is prepared this many days before the meeting is due, so its figures are fresh. */
  static final int DATA_PACK_DAYS_BEFORE = 7;

  private static final Pattern TERM_SHAPE = Pattern.compile("\\d{4}-\\d{2} (autumn|spring|summer)");

  private final SchoolDirectory schools;
  private final SchoolCalendar calendar;

  public TargetingSupportMeetingStart(SchoolDirectory schools, SchoolCalendar calendar) {
    this.schools = schools;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String urn = schools.requireServed(SCHOOL_URN.name(), Inputs.schoolUrn(execution, SCHOOL_URN));
    String term = Inputs.requiredText(execution, TERM, 20).toLowerCase(Locale.ROOT);
    if (!TERM_SHAPE.matcher(term).matches()) {
      throw new InvalidInputException(TERM.name(), "must be an academic year and a term, e.g. '2026-27 autumn'");
    }
    TERM.set(execution, term);
    LocalDate meeting = Inputs.optionalDate(execution, MEETING_DATE, calendar.properties().zone());
    if (meeting != null) {
      boolean schoolDay;
      try {
        schoolDay = calendar.isSchoolDay(meeting);
      } catch (IllegalStateException e) {
        throw new InvalidInputException(MEETING_DATE.name(), "is beyond the term dates the authority has configured");
      }
      if (!schoolDay) {
        throw new InvalidInputException(MEETING_DATE.name(), meeting + " is not a school day");
      }
      MEETING_DUE_DATE.set(execution, calendar.atTimeOfDay(meeting));
    } else {
      MEETING_DUE_DATE.set(execution, calendar.workingDaysFromNow(20));
    }
    java.util.Date due = MEETING_DUE_DATE.get(execution);
    java.util.Date weekBefore = java.util.Date.from(due.toInstant().minus(java.time.Duration.ofDays(DATA_PACK_DAYS_BEFORE)));
    // a meeting arranged at short notice may have its pack sooner (a late term's: at once), never later
    java.util.Date given = Inputs.optionalDate(execution, TargetingSupportMeeting.DATA_PACK_DATE, calendar.properties().zone()) == null
        ? null : TargetingSupportMeeting.DATA_PACK_DATE.get(execution);
    TargetingSupportMeeting.DATA_PACK_DATE.set(execution, given != null && given.before(weekBefore) ? given : weekBefore);
    String key = "TSM-" + urn + "-" + term.replace(' ', '-');
    long existing =
        execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(TargetingSupportMeeting.KEY)
            .processInstanceBusinessKey(key)
            .count();
    if (existing > 0) {
      throw new InvalidInputException(TERM.name(), "the " + term + " meeting of school " + urn + " already exists (" + key + ")");
    }
    execution.setProcessBusinessKey(key);
  }
}
