package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.CASE_REFERENCE;
import static uk.schoolattendance.notices.PenaltyNotice.DECISION_DUE_DATE;
import static uk.schoolattendance.notices.PenaltyNotice.DEEMED_RECEIVED_ON;
import static uk.schoolattendance.notices.PenaltyNotice.FINAL_DEADLINE;
import static uk.schoolattendance.notices.PenaltyNotice.FULL_AMOUNT;
import static uk.schoolattendance.notices.PenaltyNotice.INFORMATION_DEADLINE;
import static uk.schoolattendance.notices.PenaltyNotice.ISSUED_ON;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_NUMBER;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_REASON;
import static uk.schoolattendance.notices.PenaltyNotice.OFFENCE_FROM;
import static uk.schoolattendance.notices.PenaltyNotice.OFFENCE_TO;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_ADDRESS;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_ID;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_NAME;
import static uk.schoolattendance.notices.PenaltyNotice.PAYMENT_PERIOD_ENDS_AT;
import static uk.schoolattendance.notices.PenaltyNotice.PUPIL_NAME;
import static uk.schoolattendance.notices.PenaltyNotice.PUPIL_UPN;
import static uk.schoolattendance.notices.PenaltyNotice.RATE_SCHEME;
import static uk.schoolattendance.notices.PenaltyNotice.REDUCED_AMOUNT;
import static uk.schoolattendance.notices.PenaltyNotice.REDUCED_DEADLINE;
import static uk.schoolattendance.notices.PenaltyNotice.SCHOOL_URN;
import static uk.schoolattendance.notices.PenaltyNotice.SEQUENCE;
import static uk.schoolattendance.notices.PenaltyNotice.UNAUTHORISED_SESSIONS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;
import uk.schoolattendance.schools.DateValues;

/**
 * "Issue penalty notice" (asynchronous, retried): writes the register entry if it is not there
 * yet and copies the stored dates into the process. Running twice, or again after a failure
 * that happened after the write, leaves one entry; the letter (PDF) is rendered from it.
 */
@Component("issuePenaltyNotice")
public class IssuePenaltyNotice implements JavaDelegate {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;

  public IssuePenaltyNotice(PenaltyNoticeRegister register, NoticeDates dates) {
    this.register = register;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PenaltyNoticeEntry notice = register.insertIfAbsent(proposed(execution));
    ISSUED_ON.set(execution, dates.startOfDay(notice.issuedOn()));
    DEEMED_RECEIVED_ON.set(execution, dates.startOfDay(notice.deemedReceivedOn()));
    REDUCED_DEADLINE.set(execution, dates.startOfDay(notice.reducedDeadline()));
    FINAL_DEADLINE.set(execution, dates.startOfDay(notice.finalDeadline()));
    INFORMATION_DEADLINE.set(execution, dates.startOfDay(notice.informationDeadline()));
    PAYMENT_PERIOD_ENDS_AT.set(execution, dates.paymentPeriodEndsAt(notice.finalDeadline()));
    DECISION_DUE_DATE.set(
        execution, dates.atTimeOfDay(dates.decisionDue(notice.finalDeadline(), notice.informationDeadline())));
  }

  private PenaltyNoticeEntry proposed(DelegateExecution execution) {
    ZoneId zone = dates.zone();
    LocalDate issuedOn = dates.today();
    LocalDate received = dates.deemedReceipt(issuedOn);
    BigDecimal reduced = REDUCED_AMOUNT.get(execution);
    LocalDate offenceTo = DateValues.toLocalDate(OFFENCE_TO.get(execution), zone);
    Evidence evidence =
        PenaltyNotice.HOLIDAY.equals(NOTICE_REASON.get(execution))
            ? new Evidence(
                PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.get(execution),
                PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.get(execution),
                PenaltyNotice.EVIDENCE_WRITTEN_WARNING.get(execution),
                PenaltyNotice.EVIDENCE_REGISTRATION_CERTIFICATE.get(execution))
            : Evidence.NONE;
    return new PenaltyNoticeEntry(
        NOTICE_NUMBER.get(execution),
        execution.getProcessInstanceId(),
        CASE_REFERENCE.get(execution),
        PUPIL_UPN.get(execution),
        PUPIL_NAME.get(execution),
        SCHOOL_URN.get(execution),
        PARENT_ID.get(execution),
        PARENT_NAME.get(execution),
        PARENT_ADDRESS.get(execution),
        NOTICE_REASON.get(execution),
        DateValues.toLocalDate(OFFENCE_FROM.get(execution), zone),
        offenceTo,
        UNAUTHORISED_SESSIONS.get(execution),
        SEQUENCE.get(execution),
        RATE_SCHEME.get(execution),
        issuedOn,
        received,
        reduced,
        FULL_AMOUNT.get(execution),
        reduced == null ? null : dates.reducedDeadline(received),
        dates.finalDeadline(received),
        dates.informationDeadline(offenceTo),
        PenaltyNoticeEntry.ISSUED,
        null, null, null, null, null, null, null,
        evidence);
  }
}
