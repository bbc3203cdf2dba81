package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.CASE_REFERENCE;
import static uk.schoolattendance.court.CourtProceedings.INFORMATION_DEADLINE;
import static uk.schoolattendance.court.CourtProceedings.NOTICE_NUMBER;
import static uk.schoolattendance.court.CourtProceedings.PARENT_IDS;
import static uk.schoolattendance.court.CourtProceedings.PROCEEDINGS_TYPE;
import static uk.schoolattendance.court.CourtProceedings.PUPIL_NAME;
import static uk.schoolattendance.court.CourtProceedings.PUPIL_UPN;
import static uk.schoolattendance.court.CourtProceedings.SCHOOL_URN;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;

/** "Open court record" ({@code openCourtRecord}): the proceedings are recorded, once. */
@Component("openCourtRecord")
public class OpenCourtRecord implements JavaDelegate {

  private final CourtProceedingsRepository proceedings;
  private final SchoolCalendar calendar;

  public OpenCourtRecord(CourtProceedingsRepository proceedings, SchoolCalendar calendar) {
    this.proceedings = proceedings;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    proceedings.insertIfAbsent(
        new CourtProceedingsRecord(
            execution.getProcessInstanceId(),
            CASE_REFERENCE.get(execution),
            NOTICE_NUMBER.get(execution),
            PUPIL_UPN.get(execution),
            PUPIL_NAME.get(execution),
            SCHOOL_URN.get(execution),
            PARENT_IDS.get(execution).replace(", ", ","),
            PROCEEDINGS_TYPE.get(execution),
            null,
            INFORMATION_DEADLINE.get(execution),
            null, null, null, null, null, null, null));
  }
}
