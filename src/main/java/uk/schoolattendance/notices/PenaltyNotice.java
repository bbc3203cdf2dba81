package uk.schoolattendance.notices;

import static uk.schoolattendance.process.ProcessVariable.bool;
import static uk.schoolattendance.process.ProcessVariable.date;
import static uk.schoolattendance.process.ProcessVariable.day;
import static uk.schoolattendance.process.ProcessVariable.integer;
import static uk.schoolattendance.process.ProcessVariable.money;
import static uk.schoolattendance.process.ProcessVariable.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.MessageContract;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code PenaltyNotice} (bpmn/PenaltyNotice.bpmn, docs/penalty-notices.md,
 * docs/adr/0002): one notice to one parent for one child, business key the notice number, to
 * payment, withdrawal or prosecution. Amounts are pounds: {@link BigDecimal} in Java, Double in
 * the engine.
 */
@Component
public final class PenaltyNotice implements ProcessContract {

  public static final String KEY = "PenaltyNotice";

  // ---------------------------------------------------------------- inputs (from the case, docs/adr/0002)

  public static final ProcessVariable<String> CASE_REFERENCE = CaseFacts.CASE_REFERENCE;
  public static final ProcessVariable<String> PUPIL_UPN = CaseFacts.PUPIL_UPN;
  public static final ProcessVariable<String> PUPIL_NAME = CaseFacts.PUPIL_NAME;
  /** Given by the case: the notice or prosecution is refused outside compulsory school age (EA 1996 s8). */
  public static final ProcessVariable<java.time.LocalDate> PUPIL_DATE_OF_BIRTH = CaseFacts.PUPIL_DATE_OF_BIRTH;
  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  public static final ProcessVariable<String> PARENT_ID = CaseFacts.PARENT_ID;
  public static final ProcessVariable<String> PARENT_NAME = CaseFacts.PARENT_NAME;
  public static final ProcessVariable<String> PARENT_ADDRESS = CaseFacts.PARENT_ADDRESS;
  /** {@link #REASONS}. */
  public static final ProcessVariable<String> NOTICE_REASON = CaseFacts.NOTICE_REASON;
  public static final ProcessVariable<LocalDate> OFFENCE_FROM = CaseFacts.OFFENCE_FROM;
  public static final ProcessVariable<LocalDate> OFFENCE_TO = CaseFacts.OFFENCE_TO;
  public static final ProcessVariable<String> OFFENCE_PERIOD_SHOWN = CaseFacts.OFFENCE_PERIOD_SHOWN;
  public static final ProcessVariable<Integer> UNAUTHORISED_SESSIONS = CaseFacts.UNAUTHORISED_SESSIONS;
  /**
   * Given by the case: the school's register printout of the offence period was confirmed at the
   * Pupil Planning Meeting, and the unauthorised sessions it shows; stated when the register holds
   * no marks for the period.
   */
  public static final ProcessVariable<Boolean> THRESHOLD_EVIDENCE_CONFIRMED = CaseFacts.THRESHOLD_EVIDENCE_CONFIRMED;
  public static final ProcessVariable<Integer> THRESHOLD_EVIDENCE_SESSIONS = CaseFacts.THRESHOLD_EVIDENCE_SESSIONS;
  public static final String HOLIDAY = "holiday";
  public static final String LATE = "late";
  public static final String OTHER = "other";
  public static final List<String> REASONS = List.of(HOLIDAY, LATE, OTHER);

  // ---------------------------------------------------------------- term-time leave evidence (domain notes §5)

  public static final ProcessVariable<Boolean> EVIDENCE_LEAVE_APPLICATION = bool("evidenceLeaveApplication");
  public static final ProcessVariable<Boolean> EVIDENCE_WRITTEN_REFUSAL = bool("evidenceWrittenRefusal");
  public static final ProcessVariable<Boolean> EVIDENCE_WRITTEN_WARNING = bool("evidenceWrittenWarning");
  public static final ProcessVariable<Boolean> EVIDENCE_REGISTRATION_CERTIFICATE = bool("evidenceRegistrationCertificate");
  public static final List<ProcessVariable<Boolean>> EVIDENCE =
      List.of(EVIDENCE_LEAVE_APPLICATION, EVIDENCE_WRITTEN_REFUSAL, EVIDENCE_WRITTEN_WARNING, EVIDENCE_REGISTRATION_CERTIFICATE);
  /** The child's address when the register has none (reg 3): given by the case. */
  public static final ProcessVariable<String> PUPIL_ADDRESS = CaseFacts.PUPIL_ADDRESS;
  public static final ProcessVariable<Boolean> EVIDENCE_COMPLETE = bool("evidenceComplete");
  /**
   * The registration certificate of the offence period in the notice's evidence (issue #15): the
   * id of the stored document ({@code GET /api/pupils/{upn}/documents/{id}}) and its title; unset
   * when the register holds no marks for the pupil.
   */
  public static final ProcessVariable<String> REGISTRATION_CERTIFICATE_ID = text("registrationCertificateId");
  public static final ProcessVariable<String> REGISTRATION_CERTIFICATE_TITLE = text("registrationCertificateTitle");

  // ---------------------------------------------------------------- the notice

  public static final ProcessVariable<String> NOTICE_NUMBER = CaseFacts.NOTICE_NUMBER;
  public static final ProcessVariable<Boolean> NOTICE_ALLOWED = bool("noticeAllowed");
  public static final ProcessVariable<Integer> PRIOR_NOTICES = integer("priorNotices");
  /** {@code limit-reached} or {@code local-cap-reached} when no notice may be issued. */
  public static final ProcessVariable<String> REFUSAL_REASON = text("refusalReason");
  /** Why no notice can be issued, in words, for "Choose another route" (task-local). */
  public static final ProcessVariable<String> REFUSAL_REASON_SHOWN = text("refusalReasonShown");
  /**
   * Task-local, for the forms where a prosecution of this notice's parent may be chosen ("Decide on
   * non-payment", "Choose another route"): the withdrawn notices to the parent for this child whose
   * period overlaps this one, which bar it ({@link ProsecutionBar}); null when none.
   */
  public static final ProcessVariable<String> PROSECUTION_BARS_SHOWN = text("prosecutionBarsShown");
  /**
   * "Choose another route" (task-local): the routes the form offers, {@code [{label, value}]} in the
   * order of {@link #ALTERNATIVE_ROUTES}, without prosecution while a withdrawn notice bars it (reg 8).
   */
  public static final ProcessVariable<com.fasterxml.jackson.databind.JsonNode> ALTERNATIVE_ROUTE_CHOICES =
      ProcessVariable.json("alternativeRouteChoices");
  /**
   * Why this notice was refused, in words, set on the notice's instance when "Choose another route"
   * is made ("Sam Hall already has 2 penalty notices for Lily Hall in the last 3 years (PN-…, PN-…)"):
   * the case's timeline shows it.
   */
  public static final ProcessVariable<String> NOTICE_REFUSED_SHOWN = text("noticeRefusedShown");
  public static final ProcessVariable<Integer> SEQUENCE = integer("sequence");
  public static final ProcessVariable<String> RATE_SCHEME = text("rateScheme");
  public static final ProcessVariable<BigDecimal> REDUCED_AMOUNT = money("reducedAmount");
  public static final ProcessVariable<BigDecimal> FULL_AMOUNT = money("fullAmount");
  /** The day the notice was issued: posted or handed over (calendar days, ISO text). */
  public static final ProcessVariable<LocalDate> ISSUED_ON = day("issuedOn");
  /** The day the notice counts as received: handed over that day, posted the 2nd working day after. */
  public static final ProcessVariable<LocalDate> DEEMED_RECEIVED_ON = day("deemedReceivedOn");
  /** The last day of the reduced period (21 days beginning with receipt); null without a reduction. */
  public static final ProcessVariable<LocalDate> REDUCED_DEADLINE = day("reducedDeadline");
  /** The last day of the payment period (28 days beginning with receipt). */
  public static final ProcessVariable<LocalDate> FINAL_DEADLINE = day("finalDeadline");
  public static final ProcessVariable<LocalDate> INFORMATION_DEADLINE = CaseFacts.INFORMATION_DEADLINE;
  /** The dates as the forms show them ("28 May 2027"). */
  public static final ProcessVariable<String> ISSUED_ON_SHOWN = text("issuedOnShown");
  public static final ProcessVariable<String> DEEMED_RECEIVED_ON_SHOWN = text("deemedReceivedOnShown");
  public static final ProcessVariable<String> FINAL_DEADLINE_SHOWN = text("finalDeadlineShown");
  public static final ProcessVariable<String> INFORMATION_DEADLINE_SHOWN = CaseFacts.INFORMATION_DEADLINE_SHOWN;
  /** When the payment period's timer fires. */
  public static final ProcessVariable<Date> PAYMENT_PERIOD_ENDS_AT = date("paymentPeriodEndsAt");
  public static final ProcessVariable<Date> DECISION_DUE_DATE = date("decisionDueDate");

  // ---------------------------------------------------------------- messages

  public static final ProcessVariable<BigDecimal> AMOUNT_PAID = money("amountPaid");
  /** The day the payment was made (a calendar day; today when not given). */
  public static final ProcessVariable<LocalDate> PAID_ON = day("paidOn");
  public static final ProcessVariable<String> WITHDRAWAL_REASON = text("withdrawalReason");
  /** Who recorded the payment (user id), for the case page; unset when the application recorded it. */
  public static final ProcessVariable<String> PAYMENT_RECORDED_BY = text("paymentRecordedBy");
  /** Who recorded the withdrawal (user id), for the case page; unset when the application recorded it. */
  public static final ProcessVariable<String> WITHDRAWAL_RECORDED_BY = text("withdrawalRecordedBy");
  /** {@link #GROUNDS}. */
  public static final ProcessVariable<String> WITHDRAWAL_GROUND = text("withdrawalGround");
  /** The statutory grounds for withdrawal (domain notes §5), plus non-payment without prosecution. */
  public static final String NOT_PROSECUTED = "not-prosecuted";
  /** The ground after which a corrected notice may be issued (domain notes §5). */
  public static final String MATERIAL_ERROR = "material-error";
  public static final String WRONG_RECIPIENT = "wrong-recipient";
  public static final List<String> GROUNDS =
      List.of("no-offence", "outside-code-of-conduct", WRONG_RECIPIENT, MATERIAL_ERROR, NOT_PROSECUTED);
  /**
   * The grounds that say the notice itself was wrong about who it went to: a notice withdrawn on one of
   * these does not show its recipient was a separate person. Any other withdrawn notice still went to a
   * real person (persons check before a merge).
   */
  public static final List<String> RECIPIENT_ERROR_GROUNDS = List.of(MATERIAL_ERROR, WRONG_RECIPIENT);

  public static final MessageContract PAID = MessageContract.of("PenaltyNoticePaid", AMOUNT_PAID, PAID_ON);
  public static final MessageContract WITHDRAWN =
      MessageContract.of("PenaltyNoticeWithdrawn", WITHDRAWAL_REASON, WITHDRAWAL_GROUND);

  // ---------------------------------------------------------------- user tasks

  public static final ProcessVariable<String> NON_PAYMENT_DECISION = text("nonPaymentDecision");
  public static final String PROSECUTE = "prosecute";
  public static final String WITHDRAW = "withdraw";
  public static final List<String> DECISIONS = List.of(PROSECUTE, WITHDRAW);
  /** The words of each decision on non-payment, as "Decide on non-payment" offers them. */
  public static final java.util.Map<String, String> DECISION_WORDS =
      java.util.Map.of(PROSECUTE, "Prosecute for the original offence", WITHDRAW, "Withdraw the notice");
  /**
   * "Decide on non-payment" (task-local): the decisions the form offers, {@code [{label, value}]} in
   * the order of {@link #DECISIONS}, without prosecution once the 6-month limit for laying an
   * information has passed (Magistrates' Courts Act 1980 s127) or while a withdrawn notice bars it
   * (reg 8). Set when the task is created and again when the limit passes while it is open.
   */
  public static final ProcessVariable<com.fasterxml.jackson.databind.JsonNode> NON_PAYMENT_DECISION_CHOICES =
      ProcessVariable.json("nonPaymentDecisionChoices");
  /**
   * "Decide on non-payment" (task-local): why prosecution is no longer offered once the time limit
   * has passed, with the last day an information could be laid; null while it may still be laid.
   */
  public static final ProcessVariable<String> PROSECUTION_TIME_BARRED_SHOWN = text("prosecutionTimeBarredShown");
  public static final ProcessVariable<String> ALTERNATIVE_ROUTE = text("alternativeRoute");
  public static final ProcessVariable<String> ROUTE_NOTES = text("routeNotes");
  public static final String PROSECUTION = "prosecution";
  public static final List<String> ALTERNATIVE_ROUTES =
      List.of(PROSECUTION, "education-supervision-order", "attendance-contract", "early-help");
  /** The words of each alternative route, as "Choose another route" offers them. */
  public static final java.util.Map<String, String> ALTERNATIVE_ROUTE_WORDS = java.util.Map.of(
      PROSECUTION, "Prosecution (Education Act 1996 s444)",
      "education-supervision-order", "Education supervision order (Children Act 1989 s36)",
      "attendance-contract", "Attendance contract",
      "early-help", "Early help");

  /** How the notice was given (EA 1996 s572): {@link #DELIVERY_METHODS}. */
  public static final ProcessVariable<String> DELIVERY_METHOD = text("deliveryMethod");
  public static final String POST = "post";
  public static final String HAND = "hand";
  public static final List<String> DELIVERY_METHODS = List.of(POST, HAND);
  /** The day it was posted or handed over: the day of issue. */
  public static final ProcessVariable<LocalDate> DISPATCHED_ON = day("dispatchedOn");

  /** A prepared notice is issued when it is posted or handed over: the day and how. */
  public static final UserTaskContract DISPATCH_PENALTY_NOTICE =
      UserTaskContract.of("Task_DispatchPenaltyNotice", DELIVERY_METHOD, DISPATCHED_ON);
  public static final UserTaskContract CHECK_LEAVE_EVIDENCE =
      UserTaskContract.of(
          "Task_CheckLeaveEvidence",
          EVIDENCE_LEAVE_APPLICATION, EVIDENCE_WRITTEN_REFUSAL, EVIDENCE_WRITTEN_WARNING, EVIDENCE_REGISTRATION_CERTIFICATE);
  public static final UserTaskContract DECIDE_ON_NON_PAYMENT =
      UserTaskContract.of("Task_DecideOnNonPayment", NON_PAYMENT_DECISION, WITHDRAWAL_REASON, WITHDRAWAL_GROUND);
  public static final UserTaskContract CHOOSE_ANOTHER_ROUTE =
      UserTaskContract.of("Task_ChooseAnotherRoute", ALTERNATIVE_ROUTE, ROUTE_NOTES);

  // ---------------------------------------------------------------- outcome (to the case) and court

  /** {@code paid}, {@code withdrawn}, {@code court-outcome}, {@code another-route}. */
  public static final ProcessVariable<String> NOTICE_OUTCOME = CaseFacts.NOTICE_OUTCOME;
  public static final String OUTCOME_PAID = "paid";
  public static final String OUTCOME_WITHDRAWN = "withdrawn";
  public static final String OUTCOME_COURT = "court-outcome";
  /** The timer that ends the payment period (28 days from service). */
  public static final String PAYMENT_PERIOD_ENDED = "Event_PaymentPeriodEnded";
  public static final String OUTCOME_ANOTHER_ROUTE = "another-route";
  public static final ProcessVariable<String> COURT_OUTCOME = CaseFacts.COURT_OUTCOME;

  public static final String ISSUE_PENALTY_NOTICE = "Task_IssuePenaltyNotice";
  public static final String DECISION_TERMS = "PenaltyNoticeTerms";

  /** The notice's parent, as its variables name them. */
  public static Parent parent(VariableScope scope) {
    return new Parent(PARENT_ID.get(scope), PARENT_NAME.get(scope), PARENT_ADDRESS.get(scope));
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(CHECK_LEAVE_EVIDENCE, DISPATCH_PENALTY_NOTICE, DECIDE_ON_NON_PAYMENT, CHOOSE_ANOTHER_ROUTE);
  }

  @Override
  public List<MessageContract> messages() {
    return List.of(PAID, WITHDRAWN);
  }
}
