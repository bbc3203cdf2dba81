package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.CASE_REFERENCE;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_NUMBER;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_REASON;
import static uk.schoolattendance.notices.PenaltyNotice.OFFENCE_FROM;
import static uk.schoolattendance.notices.PenaltyNotice.OFFENCE_TO;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_ADDRESS;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_ID;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_NAME;
import static uk.schoolattendance.notices.PenaltyNotice.UNAUTHORISED_SESSIONS;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.PupilAddresses;
import uk.schoolattendance.schools.CompulsorySchoolAge;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Start of a {@code PenaltyNotice}: normalises and checks the inputs of docs/adr/0002 (a bad one
 * refuses the start, nothing is created; the UPN by the same DfE rule as a case's), stores dates
 * as dates and sets {@code noticeNumber} from the business key, allocating one when the process
 * is started alone without a key.
 */
@Component("penaltyNoticeRequested")
public class PenaltyNoticeRequested implements ExecutionListener {

  private final SchoolDirectory schools;
  private final PenaltyNoticeNumbers numbers;
  private final NoticeDates dates;
  private final CompulsorySchoolAge age;
  private final PupilAddresses addresses;

  public PenaltyNoticeRequested(
      SchoolDirectory schools, PenaltyNoticeNumbers numbers, NoticeDates dates, CompulsorySchoolAge age,
      PupilAddresses addresses) {
    this.age = age;
    this.addresses = addresses;
    this.schools = schools;
    this.numbers = numbers;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ZoneId zone = dates.zone();
    Inputs.optionalText(execution, CASE_REFERENCE, 64);
    CaseFacts.checkPupil(execution, schools);
    requireChildsAddress(execution);
    Inputs.requiredText(execution, PARENT_ID, Parents.MAX_ID);
    Inputs.requiredText(execution, PARENT_NAME, Parents.MAX_NAME);
    Inputs.requiredText(execution, PARENT_ADDRESS, Parents.MAX_ADDRESS);
    Inputs.oneOf(execution, NOTICE_REASON, PenaltyNotice.REASONS, null);
    LocalDate from = Inputs.requiredDay(execution, OFFENCE_FROM, zone);
    LocalDate to = Inputs.requiredDay(execution, OFFENCE_TO, zone);
    if (to.isBefore(from)) {
      throw new InvalidInputException(OFFENCE_TO.name(), "must not be before offenceFrom");
    }
    if (to.isAfter(dates.today())) {
      throw new InvalidInputException(OFFENCE_TO.name(), "must not be in the future");
    }
    age.requireCovers(Inputs.optionalDay(execution, PenaltyNotice.PUPIL_DATE_OF_BIRTH, zone), from, to);
    PenaltyNotice.OFFENCE_PERIOD_SHOWN.set(execution, Days.shown(from, to));
    Inputs.optionalWholeNumber(execution, UNAUTHORISED_SESSIONS, 0, 1000);
    for (ProcessVariable<Boolean> evidence : PenaltyNotice.EVIDENCE) {
      Inputs.yesNo(execution, evidence, false);
    }

    String number = execution.getProcessBusinessKey();
    if (number == null || number.isBlank()) {
      number = numbers.next();
      execution.setProcessBusinessKey(number);
    } else if (!CaseFacts.NOTICE_NUMBER_SHAPE.matcher(number).matches()) {
      throw new InvalidInputException("businessKey", "must be a notice number like PN-2026-000123 (penaltyNoticeNumbers.next())");
    }
    NOTICE_NUMBER.set(execution, number);
  }

  /**
   * A penalty notice states the child's address (SI 2007/1867 reg 3): the register of marks' address
   * for the pupil, else the case's {@code pupilAddress}. Without either the notice is not prepared.
   */
  private void requireChildsAddress(DelegateExecution execution) {
    String upn = PenaltyNotice.PUPIL_UPN.get(execution);
    String given = Inputs.optionalText(execution, PenaltyNotice.PUPIL_ADDRESS, Parents.MAX_ADDRESS);
    if (given == null && addresses.of(upn).isEmpty()) {
      throw new InvalidInputException(
          PenaltyNotice.PUPIL_ADDRESS.name(),
          "is required: a penalty notice states the child's address (Education (Penalty Notices) (England)"
              + " Regulations 2007 reg 3) and the register of marks has none for pupil " + upn
              + ": record the case's pupilAddress first (a correction on the case page)");
    }
  }
}
