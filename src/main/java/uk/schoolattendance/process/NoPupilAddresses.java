package uk.schoolattendance.process;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** No register of marks: the register knows no address; the case's {@code pupilAddress} is used. */
@Component
public class NoPupilAddresses implements PupilAddresses {

  @Override
  public Optional<String> of(String pupilUpn) {
    return Optional.empty();
  }
}
