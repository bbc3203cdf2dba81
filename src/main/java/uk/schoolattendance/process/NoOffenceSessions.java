package uk.schoolattendance.process;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** No register of marks: no count of an offence period's sessions is known; a notice states none. */
@Component
public class NoOffenceSessions implements OffenceSessions {

  @Override
  public Optional<Integer> unauthorisedSessions(String pupilUpn, LocalDate from, LocalDate to) {
    return Optional.empty();
  }
}
