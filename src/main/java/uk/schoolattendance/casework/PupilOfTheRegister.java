package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.PUPIL_DATE_OF_BIRTH;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_NAME;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A case's start against the register of attendance marks, for a UPN the register knows (walk 14,
 * defects 5 and 6). Called by {@link CaseStartListener} once the UPN, name and school are checked,
 * whoever starts the case (Tasklist's start form, the engine REST API, the review of identified
 * pupils); the start for another school's URN is refused before this, by the school's grants.
 *
 * <ul>
 *   <li>The pupil's roll: a pupil the register holds on another school's roll today, and not on
 *       the roll of the case's school, is refused under {@code pupilUpn}, naming neither that
 *       school nor anything it holds: that school (or the authority's team, for that school)
 *       opens the case. Without it a school that typed any UPN read that school's figures on its
 *       own case. A pupil on no roll (left every school, or never on one) is not refused.
 *   <li>The name and date of birth, where the case's school may read the register's record of the
 *       pupil (on its roll, or the school they left): a typed name that is not the register's
 *       (letter case and spaces aside) is refused under {@code pupilName}, showing the register's
 *       spelling; a typed date of birth that is not the register's is refused under {@code
 *       pupilDateOfBirth}, showing the register's; a blank date of birth takes the register's, and
 *       a name that matches takes the register's spelling. Refused rather than overwritten: a lead
 *       who typed "Kai Wilsen" may have meant another pupil and mistyped the UPN, and only the
 *       person can tell which; a blank date of birth contradicts nothing, and the case needs it
 *       before any legal step. A register that is wrong is corrected by the school's next file.
 * </ul>
 *
 * Each refusal names the field (Tasklist's start dialog leads it with the field's label and links
 * to the field), and nothing is started.
 */
final class PupilOfTheRegister {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private PupilOfTheRegister() {}

  /**
   * Checks the start against the register's record of the pupil, taking its spelling and date of
   * birth; returns that record (null when the register does not know the UPN).
   */
  static RegisterFigures.RegisterPupil check(VariableScope scope, RegisterFigures register, String schoolUrn) {
    String upn = PUPIL_UPN.get(scope);
    RegisterFigures.RegisterPupil pupil = register.pupil(upn).orElse(null);
    if (pupil == null) {
      return null;
    }
    if (pupil.onAnotherRoll(schoolUrn)) {
      throw refused(PUPIL_UPN.name(), "the register holds pupil " + upn + " on another school's roll, not"
          + " on the roll of school " + schoolUrn + ": their case is opened for the school whose roll they are on"
          + " (that school, or the authority's attendance team); nothing was started");
    }
    if (!pupil.readableBy(schoolUrn)) {
      return pupil;
    }
    String typed = PUPIL_NAME.get(scope);
    if (pupil.name() != null && !pupil.name().isBlank()) {
      if (!comparable(typed).equals(comparable(pupil.name()))) {
        throw refused(PUPIL_NAME.name(), "'" + typed + "' is not the name the register holds for " + upn
            + ": " + pupil.name().strip() + ". Type the register's name, or check the UPN (if the register is wrong,"
            + " the school corrects it in its next file); nothing was started");
      }
      PUPIL_NAME.set(scope, pupil.name().strip().replaceAll("\\s+", " "));
    }
    LocalDate born = PUPIL_DATE_OF_BIRTH.get(scope);
    if (pupil.dateOfBirth() != null) {
      if (born == null) {
        PUPIL_DATE_OF_BIRTH.set(scope, pupil.dateOfBirth());
      } else if (!born.equals(pupil.dateOfBirth())) {
        throw refused(PUPIL_DATE_OF_BIRTH.name(), DAY.format(born) + " is not the date of birth the"
            + " register holds for " + upn + ": " + DAY.format(pupil.dateOfBirth()) + ". Leave it blank to take the"
            + " register's, or check the UPN; nothing was started");
      }
    }
    return pupil;
  }

  private static String comparable(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static InvalidInputException refused(String field, String rule) {
    return new InvalidInputException(field, rule);
  }
}
