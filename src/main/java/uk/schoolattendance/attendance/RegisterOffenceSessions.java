package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.OffenceSessions;

/** The offence period's unauthorised sessions from the register of marks, for the penalty notice. */
@Primary
@Component
class RegisterOffenceSessions implements OffenceSessions {

  private final OffencePeriodsFromMarks periods;

  RegisterOffenceSessions(OffencePeriodsFromMarks periods) {
    this.periods = periods;
  }

  @Override
  public Optional<Integer> unauthorisedSessions(String pupilUpn, LocalDate from, LocalDate to) {
    return periods.unauthorisedSessions(pupilUpn, from, to);
  }
}
