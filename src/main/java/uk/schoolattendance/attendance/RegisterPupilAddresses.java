package uk.schoolattendance.attendance;

import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.PupilAddresses;

/** The child's address from the register ({@code att_pupil.address}, from the school's CTF), for the penalty notice. */
@Primary
@Component
class RegisterPupilAddresses implements PupilAddresses {

  private final JdbcTemplate jdbc;

  RegisterPupilAddresses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> of(String pupilUpn) {
    if (pupilUpn == null) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT address FROM att_pupil WHERE upn = ?", String.class, pupilUpn).stream()
        .filter(address -> address != null && !address.isBlank())
        .map(String::strip)
        .findFirst();
  }
}
