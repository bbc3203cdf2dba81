package uk.schoolattendance.notices;

import static uk.schoolattendance.notices.PenaltyNotice.CASE_REFERENCE;
import static uk.schoolattendance.notices.PenaltyNotice.FULL_AMOUNT;
import static uk.schoolattendance.notices.PenaltyNotice.INFORMATION_DEADLINE;
import static uk.schoolattendance.notices.PenaltyNotice.INFORMATION_DEADLINE_SHOWN;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_NUMBER;
import static uk.schoolattendance.notices.PenaltyNotice.NOTICE_REASON;
import static uk.schoolattendance.notices.PenaltyNotice.OFFENCE_FROM;
import static uk.schoolattendance.notices.PenaltyNotice.OFFENCE_TO;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_ADDRESS;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_ID;
import static uk.schoolattendance.notices.PenaltyNotice.PARENT_NAME;
import static uk.schoolattendance.notices.PenaltyNotice.PUPIL_NAME;
import static uk.schoolattendance.notices.PenaltyNotice.PUPIL_UPN;
import static uk.schoolattendance.notices.PenaltyNotice.RATE_SCHEME;
import static uk.schoolattendance.notices.PenaltyNotice.REDUCED_AMOUNT;
import static uk.schoolattendance.notices.PenaltyNotice.SCHOOL_URN;
import static uk.schoolattendance.notices.PenaltyNotice.SEQUENCE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.EvidenceDocuments;
import uk.schoolattendance.process.OffenceSessions;
import uk.schoolattendance.process.PupilAddresses;

/**
 * "Prepare penalty notice" (asynchronous, retried): writes the register entry, status
 * {@code prepared}, if it is not there yet. Running twice, or again after a failure that happened
 * after the write, leaves one entry. The notice is issued when it is posted or handed over
 * ({@link PenaltyNoticeDispatched}); its letter (PDF) is rendered from the entry. While the
 * council's payment details are incomplete it refuses ({@link PaymentDetailsMissing}) before
 * writing anything: the job is retried, then its incident names the missing properties.
 */
@Component("issuePenaltyNotice")
public class IssuePenaltyNotice implements JavaDelegate {

  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;
  private final EvidenceDocuments documents;
  private final PupilAddresses addresses;
  private final OffenceSessions sessions;
  private final PenaltyNoticeProperties properties;

  public IssuePenaltyNotice(
      PenaltyNoticeRegister register, NoticeDates dates, EvidenceDocuments documents, PupilAddresses addresses,
      OffenceSessions sessions, PenaltyNoticeProperties properties) {
    this.properties = properties;
    this.register = register;
    this.dates = dates;
    this.documents = documents;
    this.addresses = addresses;
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a prepared notice is a letter waiting to be printed: none while it would name no council or no way to pay
    properties.authority().requireReadyToIssue();
    PenaltyNoticeEntry notice = register.insertIfAbsent(proposed(execution));
    Days.set(execution, INFORMATION_DEADLINE, INFORMATION_DEADLINE_SHOWN, notice.informationDeadline());
    // the notice's evidence: the registration certificate of its offence period, generated from the marks once and kept
    documents.registrationCertificate(
            EvidenceDocuments.penaltyNotice(notice.noticeNumber()), notice.pupilUpn(), notice.offenceFrom(), notice.offenceTo())
        .ifPresent(document -> {
          PenaltyNotice.REGISTRATION_CERTIFICATE_ID.set(execution, document.id());
          PenaltyNotice.REGISTRATION_CERTIFICATE_TITLE.set(execution, document.title());
        });
  }

  private PenaltyNoticeEntry proposed(DelegateExecution execution) {
    LocalDate offenceFrom = OFFENCE_FROM.get(execution);
    LocalDate offenceTo = OFFENCE_TO.get(execution);
    Evidence evidence =
        PenaltyNotice.HOLIDAY.equals(NOTICE_REASON.get(execution))
            ? new Evidence(
                PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.get(execution),
                PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.get(execution),
                PenaltyNotice.EVIDENCE_WRITTEN_WARNING.get(execution),
                PenaltyNotice.EVIDENCE_REGISTRATION_CERTIFICATE.get(execution))
            : Evidence.NONE;
    Stated stated = statedSessions(execution, offenceFrom, offenceTo);
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
        offenceFrom,
        offenceTo,
        stated.sessions(),
        SEQUENCE.get(execution),
        RATE_SCHEME.get(execution),
        null,
        null,
        REDUCED_AMOUNT.get(execution),
        FULL_AMOUNT.get(execution),
        null,
        null,
        dates.informationDeadline(offenceTo),
        PenaltyNoticeEntry.PREPARED,
        null, null, null, null, null, null, null,
        evidence,
        dates.today(),
        null,
        null,
        PenaltyNoticeEntry.LOCAL_AUTHORITY,
        null,
        null,
        // the child's address (reg 3): the register's, else the case's
        addresses.of(PUPIL_UPN.get(execution)).orElse(PenaltyNotice.PUPIL_ADDRESS.get(execution)),
        stated.source());
  }

  /** The unauthorised sessions a notice states for its offence period, and where they come from. */
  record Stated(Integer sessions, String source) {
    static final Stated NONE = new Stated(null, null);
  }

  /**
   * The sessions the notice states are those of its offence period: counted from the marks; for a
   * pupil the register holds no marks for, the count the officer confirmed at the Pupil Planning
   * Meeting from the school's register printout of that same period ({@code thresholdEvidenceSessions}
   * with {@code thresholdEvidenceConfirmed}, inputs the case passes with the offence period). The case's
   * {@code unauthorisedSessions} counts another period (the last school weeks of the threshold's
   * window) and is never stated. Neither: no number.
   */
  private Stated statedSessions(DelegateExecution execution, LocalDate offenceFrom, LocalDate offenceTo) {
    java.util.Optional<Integer> fromMarks = sessions.unauthorisedSessions(PUPIL_UPN.get(execution), offenceFrom, offenceTo);
    if (fromMarks.isPresent()) {
      return new Stated(fromMarks.get(), PenaltyNoticeEntry.SESSIONS_FROM_MARKS);
    }
    // the case passes the printout's facts with its offence period (camunda:in), which is the notice's own
    Integer printout = PenaltyNotice.THRESHOLD_EVIDENCE_SESSIONS.get(execution);
    if (!Boolean.TRUE.equals(PenaltyNotice.THRESHOLD_EVIDENCE_CONFIRMED.get(execution)) || printout == null) {
      return Stated.NONE;
    }
    return new Stated(printout, PenaltyNoticeEntry.SESSIONS_FROM_PRINTOUT);
  }
}
