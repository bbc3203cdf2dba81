package uk.schoolattendance.attendance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * "Identify pupils" ({@code identifyPupils}): reads {@code importId}, runs {@link Identification}
 * as of today, sets {@code identifiedPupilCount} and {@code updatedCaseCount}.
 */
@Component("identifyPupils")
class IdentifyPupils implements JavaDelegate {

  private final Identification identification;
  private final SchoolCalendar calendar;

  IdentifyPupils(Identification identification, SchoolCalendar calendar) {
    this.identification = identification;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int importId = IdentifyAttendanceConcerns.IMPORT_ID.get(execution);
    Identification.Outcome outcome = identification.run(importId, calendar.today());
    IdentifyAttendanceConcerns.IDENTIFIED_PUPIL_COUNT.set(execution, outcome.identified());
    IdentifyAttendanceConcerns.UPDATED_CASE_COUNT.set(execution, outcome.casesUpdated());
  }
}
