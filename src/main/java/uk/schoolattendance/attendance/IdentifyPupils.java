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
    int importId = ((Number) execution.getVariable("importId")).intValue();
    Identification.Outcome outcome = identification.run(importId, calendar.today());
    execution.setVariable("identifiedPupilCount", outcome.identified());
    execution.setVariable("updatedCaseCount", outcome.casesUpdated());
  }
}
