package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Start of a {@code PenaltyNotice}: validates the inputs of docs/adr/0002 (a bad one refuses
 * the start, nothing is created), stores dates as dates and sets {@code noticeNumber} from the
 * business key, allocating one when the process is started alone without a key.
 */
@Component("penaltyNoticeRequested")
public class PenaltyNoticeRequested implements ExecutionListener {

  static final Set<String> REASONS = Set.of("holiday", "late", "other");
  static final Pattern UPN = Inputs.UPN;
  public static final Pattern NOTICE_NUMBER = Pattern.compile("PN-\\d{4}-\\d{6}");
  static final String[] EVIDENCE = {
    "evidenceLeaveApplication", "evidenceWrittenRefusal", "evidenceWrittenWarning", "evidenceRegistrationCertificate"
  };

  private final SchoolDirectory schools;
  private final PenaltyNoticeNumbers numbers;
  private final NoticeDates dates;

  public PenaltyNoticeRequested(SchoolDirectory schools, PenaltyNoticeNumbers numbers, NoticeDates dates) {
    this.schools = schools;
    this.numbers = numbers;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ZoneId zone = dates.zone();
    Inputs.optionalText(execution, "caseReference", 64);
    Inputs.requiredUpn(execution, "pupilUpn");
    Inputs.requiredText(execution, "pupilName", 200);
    String urn = Inputs.requiredText(execution, "schoolUrn", 6);
    if (!schools.isKnown(urn)) {
      throw new InvalidInputException("schoolUrn", "no school with URN " + urn + " is known");
    }
    Inputs.requiredText(execution, "parentId", 64);
    Inputs.requiredText(execution, "parentName", 200);
    Inputs.requiredText(execution, "parentAddress", 500);
    Inputs.oneOf(execution, "noticeReason", REASONS);
    LocalDate from = Inputs.requiredDate(execution, "offenceFrom", zone);
    LocalDate to = Inputs.requiredDate(execution, "offenceTo", zone);
    if (to.isBefore(from)) {
      throw new InvalidInputException("offenceTo", "must not be before offenceFrom");
    }
    if (to.isAfter(dates.today())) {
      throw new InvalidInputException("offenceTo", "must not be in the future");
    }
    Inputs.optionalCount(execution, "unauthorisedSessions", 1000);
    for (String evidence : EVIDENCE) {
      if (execution.getVariable(evidence) != null) {
        execution.setVariable(evidence, Inputs.requiredBoolean(execution, evidence));
      }
    }
    execution.setVariable("offenceFrom", dates.startOfDay(from));
    execution.setVariable("offenceTo", dates.startOfDay(to));

    String number = execution.getProcessBusinessKey();
    if (number == null || number.isBlank()) {
      number = numbers.next();
      execution.setProcessBusinessKey(number);
    } else if (!NOTICE_NUMBER.matcher(number).matches()) {
      throw new InvalidInputException("businessKey", "must be a notice number like PN-2026-000123 (penaltyNoticeNumbers.next())");
    }
    execution.setVariable("noticeNumber", number);
  }
}
