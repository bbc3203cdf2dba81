package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** No register of marks yet: nothing is proposed, the officer enters the offence period (no invented data). */
@Component
public class NoOffencePeriodProposals implements OffencePeriodProposals {

  @Override
  public Optional<OffencePeriod> propose(String pupilUpn, LocalDate asOf) {
    return Optional.empty();
  }
}
