package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;

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
    execution.setVariable("issuedOn", dates.startOfDay(notice.issuedOn()));
    execution.setVariable("deemedReceivedOn", dates.startOfDay(notice.deemedReceivedOn()));
    execution.setVariable("reducedDeadline", dates.startOfDay(notice.reducedDeadline()));
    execution.setVariable("finalDeadline", dates.startOfDay(notice.finalDeadline()));
    execution.setVariable("informationDeadline", dates.startOfDay(notice.informationDeadline()));
    execution.setVariable("paymentPeriodEndsAt", dates.paymentPeriodEndsAt(notice.finalDeadline()));
    execution.setVariable(
        "decisionDueDate",
        dates.atTimeOfDay(dates.decisionDue(notice.finalDeadline(), notice.informationDeadline())));
  }

  private PenaltyNoticeEntry proposed(DelegateExecution execution) {
    ZoneId zone = dates.zone();
    LocalDate issuedOn = dates.today();
    LocalDate received = dates.deemedReceipt(issuedOn);
    BigDecimal reduced = pounds(execution.getVariable("reducedAmount"));
    LocalDate offenceTo = Inputs.requiredDate(execution, "offenceTo", zone);
    Evidence evidence =
        "holiday".equals(execution.getVariable("noticeReason"))
            ? new Evidence(
                (Boolean) execution.getVariable("evidenceLeaveApplication"),
                (Boolean) execution.getVariable("evidenceWrittenRefusal"),
                (Boolean) execution.getVariable("evidenceWrittenWarning"),
                (Boolean) execution.getVariable("evidenceRegistrationCertificate"))
            : Evidence.NONE;
    Object sessions = execution.getVariable("unauthorisedSessions");
    return new PenaltyNoticeEntry(
        (String) execution.getVariable("noticeNumber"),
        execution.getProcessInstanceId(),
        (String) execution.getVariable("caseReference"),
        (String) execution.getVariable("pupilUpn"),
        (String) execution.getVariable("pupilName"),
        (String) execution.getVariable("schoolUrn"),
        (String) execution.getVariable("parentId"),
        (String) execution.getVariable("parentName"),
        (String) execution.getVariable("parentAddress"),
        (String) execution.getVariable("noticeReason"),
        Inputs.requiredDate(execution, "offenceFrom", zone),
        offenceTo,
        sessions == null ? null : ((Number) sessions).intValue(),
        ((Number) execution.getVariable("sequence")).intValue(),
        (String) execution.getVariable("rateScheme"),
        issuedOn,
        received,
        reduced,
        pounds(execution.getVariable("fullAmount")),
        reduced == null ? null : dates.reducedDeadline(received),
        dates.finalDeadline(received),
        dates.informationDeadline(offenceTo),
        PenaltyNoticeEntry.ISSUED,
        null, null, null, null, null, null, null,
        evidence);
  }

  private static BigDecimal pounds(Object value) {
    return value == null ? null : new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
