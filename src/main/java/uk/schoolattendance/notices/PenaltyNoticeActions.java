package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Wording;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.security.CurrentUser;

/**
 * The compliance team's changes to the register, made as the signed-in user through the engine,
 * for the API and the register page alike: posting or handing over a prepared notice (completing
 * its "Post or hand over the notice" task), a payment ({@code PenaltyNoticePaid}), a withdrawal
 * ({@code PenaltyNoticeWithdrawn}) and a notice someone else issued. Bad input is refused with an
 * {@link InvalidInputException} naming the field; a state that does not take the change with a
 * {@link NoticeActionRefused}. Either way nothing changes.
 */
@Service
public class PenaltyNoticeActions {

  /** How a payment reached the authority, as the register records it. */
  public static final List<String> PAYMENT_METHODS = List.of("card", "bank-transfer", "cheque", "cash");
  public static final int MAX_PAYMENT_REFERENCE = 64;
  /** The API's names of a payment's way and reference: a refusal names them, the notice page shows it under its field. */
  public static final String PAYMENT_METHOD = "paymentMethod";
  public static final String PAYMENT_REFERENCE = "paymentReference";

  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeNumbers numbers;
  private final PenaltyNoticeProperties properties;
  private final SchoolDirectory schools;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final CurrentUser currentUser;
  private final NoticeDates dates;
  private final Persons persons;
  private final NoticePlaces places;
  private final ProcessEngine engine;

  PenaltyNoticeActions(
      PenaltyNoticeRegister register, PenaltyNoticeNumbers numbers, PenaltyNoticeProperties properties,
      SchoolDirectory schools, RuntimeService runtimeService, TaskService taskService, CurrentUser currentUser,
      NoticeDates dates, Persons persons, NoticePlaces places, ProcessEngine engine) {
    this.places = places;
    this.engine = engine;
    this.persons = persons;
    this.register = register;
    this.numbers = numbers;
    this.properties = properties;
    this.schools = schools;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.currentUser = currentUser;
    this.dates = dates;
  }

  /**
   * Issues a prepared notice: it was posted or handed over on {@code dispatchedOn} (today when
   * null). Completes the notice's "Post or hand over the notice" task as the caller, claiming it
   * first: the notice names the officer who issues it. Its deemed receipt and deadlines follow.
   * Refused before anything is claimed while the council's payment details are incomplete, and
   * for a notice moved beyond the limit by a notice recorded late ({@link NoticePlaces}).
   */
  @Transactional
  public PenaltyNoticeEntry dispatch(String noticeNumber, String deliveryMethod, LocalDate dispatchedOn) {
    String method =
        Inputs.required(
            PenaltyNotice.DELIVERY_METHOD.name(),
            Inputs.oneOf(PenaltyNotice.DELIVERY_METHOD.name(), deliveryMethod, PenaltyNotice.DELIVERY_METHODS),
            "is required, one of " + String.join(", ", PenaltyNotice.DELIVERY_METHODS));
    properties.authority().requireReadyToIssue();
    PenaltyNoticeEntry notice = register.get(noticeNumber);
    if (!PenaltyNoticeEntry.PREPARED.equals(notice.status())) {
      throw new NoticeActionRefused(NoticeActionRefused.Why.NOT_WAITING, "Not waiting to be given",
          "notice " + noticeNumber + " is " + notice.status() + ", not waiting to be posted or handed over");
    }
    if (notice.beyondLimit(properties.limit())) {
      throw new NoticeActionRefused(NoticeActionRefused.Why.LIMIT_REACHED, "Beyond the limit",
          NoticePlaces.beyondLimitRefusal(notice, properties));
    }
    Task task =
        taskService.createTaskQuery()
            .processInstanceBusinessKey(noticeNumber)
            .processDefinitionKey(PenaltyNotice.KEY)
            .taskDefinitionKey(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id())
            .singleResult();
    if (task == null) {
      throw new NoticeActionRefused(NoticeActionRefused.Why.NOT_YOURS, "Not yours to give",
          "notice " + noticeNumber + " is given by the compliance team");
    }
    String caller = currentUser.userId();
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), caller);
    } else if (!task.getAssignee().equals(caller)) {
      throw new NoticeActionRefused(NoticeActionRefused.Why.CLAIMED_BY_ANOTHER, "Claimed by another officer",
          "notice " + noticeNumber + " is being issued by " + task.getAssignee());
    }
    Map<String, Object> variables = new HashMap<>();
    PenaltyNotice.DELIVERY_METHOD.put(variables, method);
    if (dispatchedOn != null) {
      PenaltyNotice.DISPATCHED_ON.put(variables, dispatchedOn);
    }
    taskService.complete(task.getId(), variables);
    return register.get(noticeNumber);
  }

  /**
   * Records a payment by correlating {@code PenaltyNoticePaid}, exactly as a payment system would:
   * a wrong amount or day is refused naming {@code amountPaid} or {@code paidOn}. The way it was
   * paid and its reference, when given, are kept with the payment in the register.
   */
  @Transactional
  public PenaltyNoticeEntry pay(
      String noticeNumber, BigDecimal amountPaid, LocalDate paidOn, String paymentMethod, String paymentReference) {
    Inputs.required(
        PenaltyNotice.AMOUNT_PAID.name(), Inputs.pounds(PenaltyNotice.AMOUNT_PAID.name(), amountPaid),
        "is required (an amount in pounds, e.g. 80.00)");
    String method = Inputs.oneOf(PAYMENT_METHOD, paymentMethod, PAYMENT_METHODS);
    String reference = Inputs.text(PAYMENT_REFERENCE, paymentReference, MAX_PAYMENT_REFERENCE);
    Map<String, Object> message = new HashMap<>();
    PenaltyNotice.AMOUNT_PAID.put(message, amountPaid);
    if (paidOn != null) {
      PenaltyNotice.PAID_ON.put(message, paidOn);
    }
    try {
      runtimeService
          .createMessageCorrelation(PenaltyNotice.PAID.name())
          .processInstanceBusinessKey(noticeNumber)
          .setVariables(message)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new NoticeActionRefused(NoticeActionRefused.Why.NOT_WAITING, "Not awaiting payment",
          "the notice is not awaiting payment");
    }
    register.recordPaymentDetails(noticeNumber, method, blankToNull(reference));
    return register.get(noticeNumber);
  }

  /**
   * Records the refund of an overpayment as made: the day (not in the future, not before the
   * payment), how ({@link #PAYMENT_METHODS}) and its reference; who recorded it is the signed-in
   * person. Refused naming the field; refused when no refund is owed (none overpaid, or already
   * recorded as made), and then nothing changes.
   */
  @Transactional
  public PenaltyNoticeRegister.Refund recordRefund(String noticeNumber, LocalDate refundedOn, String refundMethod, String refundReference) {
    PenaltyNoticeEntry notice = register.get(noticeNumber);
    Inputs.required(REFUND_METHOD, Inputs.oneOf(REFUND_METHOD, refundMethod, PAYMENT_METHODS),
        "is required, one of " + String.join(", ", PAYMENT_METHODS));
    String reference = Inputs.text(REFUND_REFERENCE, refundReference, MAX_PAYMENT_REFERENCE);
    Inputs.required(REFUNDED_ON, refundedOn, "is required (the day the refund was made)");
    if (refundedOn.isAfter(dates.today())) {
      throw new InvalidInputException(REFUNDED_ON, "must not be in the future");
    }
    if (notice.paidOn() != null && refundedOn.isBefore(notice.paidOn())) {
      throw new InvalidInputException(REFUNDED_ON, "must be on or after " + uk.schoolattendance.process.Days.shown(notice.paidOn())
          + ", the day the notice was paid");
    }
    PenaltyNoticeRegister.Refund owed = register.refund(noticeNumber).filter(refund -> !refund.made())
        .orElseThrow(() -> new NoticeActionRefused(NoticeActionRefused.Why.NOT_WAITING, "No refund owed",
            "no refund is owed on this notice: nothing was paid beyond the amount due, or its refund is already recorded"));
    register.recordRefundMade(noticeNumber, refundedOn, refundMethod, blankToNull(reference), currentUser.userId());
    return register.refund(noticeNumber).orElse(owed);
  }

  public static final String REFUNDED_ON = "refundedOn";
  public static final String REFUND_METHOD = "refundMethod";
  public static final String REFUND_REFERENCE = "refundReference";

  /**
   * Withdraws a standing notice by correlating {@code PenaltyNoticeWithdrawn} with the reason and
   * the statutory ground: before it is given, while the payment period runs, or before the
   * decision on non-payment.
   */
  @Transactional
  public PenaltyNoticeEntry withdraw(String noticeNumber, String reason, String ground) {
    Inputs.requiredText(PenaltyNotice.WITHDRAWAL_REASON.name(), reason, 500);
    Inputs.required(
        PenaltyNotice.WITHDRAWAL_GROUND.name(), Inputs.oneOf(PenaltyNotice.WITHDRAWAL_GROUND.name(), ground, PenaltyNotice.GROUNDS),
        "is required, one of " + String.join(", ", PenaltyNotice.GROUNDS));
    Map<String, Object> message = new HashMap<>();
    PenaltyNotice.WITHDRAWAL_REASON.put(message, reason.strip());
    PenaltyNotice.WITHDRAWAL_GROUND.put(message, ground.strip());
    try {
      runtimeService
          .createMessageCorrelation(PenaltyNotice.WITHDRAWN.name())
          .processInstanceBusinessKey(noticeNumber)
          .setVariables(message)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notStanding) {
      throw new NoticeActionRefused(NoticeActionRefused.Why.NOT_WAITING, "Cannot be withdrawn",
          "notice " + noticeNumber + " cannot be withdrawn now: it is " + register.get(noticeNumber).status());
    }
    return register.get(noticeNumber);
  }

  /** Records in the register a notice someone else issued; it counts towards the limit like the authority's own. */
  @Transactional
  public PenaltyNoticeEntry recordExternal(ExternalNoticeRequest body) {
    body.check();
    schools.requireServed(CaseFacts.SCHOOL_URN.name(), body.schoolUrn());
    if (body.issuedOn().isAfter(dates.today())) {
      throw new InvalidInputException("issuedOn", "must not be in the future");
    }
    String upn = body.pupilUpn().trim();
    String parent = body.parentId().trim();
    requireSamePerson(parent, body.parentName().trim());
    // the parent named is a person: by the person id given, else matched on name and address (issue #12 item 3)
    String person = persons.resolve(parent, body.parentName(), body.parentAddress(), body.parentDateOfBirth());
    int prior =
        register.countStanding(parent, person, upn, body.issuedOn().minusYears(properties.limitYears()), body.issuedOn());
    // its true place among the notices to this parent for this child, even beyond the limit: a fact to record
    NoticeTerms terms = places.termsOfIssued(engine, prior, body.offenceFrom());
    BigDecimal reduced = checkedAmounts(body, terms);
    PenaltyNoticeEntry entry =
        new PenaltyNoticeEntry(
            numbers.next(), null, null, upn, body.pupilName().trim(), body.schoolUrn().trim(), parent,
            body.parentName().trim(), body.parentAddress().trim(), body.noticeReason().trim(), body.offenceFrom(),
            body.offenceTo(), null, terms.sequence(), terms.rateScheme(),
            body.issuedOn(), null, reduced, body.fullAmount(), null, null,
            dates.informationDeadline(body.offenceTo()),
            body.paid() ? PenaltyNoticeEntry.PAID : PenaltyNoticeEntry.UNPAID,
            body.paid() ? body.amountPaid() : null, body.paid() ? body.paidOn() : null,
            null, null, null, null, null, null, body.issuedOn(), null, null,
            body.issuedBy().trim(), body.issuerName().trim(),
            blankToNull(body.issuerReference()), null, null);
    PenaltyNoticeEntry recorded = register.recordExternal(entry, person);
    // a notice issued before others already recorded moves them along: their places stay true, and a
    // notice still prepared takes the terms of its new place
    places.renumberFrom(engine, parent, person, upn, body.issuedOn());
    return register.get(recorded.noticeNumber());
  }

  /**
   * A person's id typed on a notice someone else issued must name that parent: one wrong digit must
   * not file an unpaid notice on another parent's record and into their limit (walk 12, #27). The
   * id must name a person on record, and the name given must be one of theirs; the refusal names
   * the person the id belongs to, so the officer can see the mistake. Any other id (not a person's,
   * such as a case's {@code parent-1}) is matched on name and address as before.
   */
  private void requireSamePerson(String parentId, String parentName) {
    if (!Persons.looksLikePersonId(parentId)) {
      return;
    }
    uk.schoolattendance.persons.Person person =
        persons.find(parentId)
            .orElseThrow(() -> new InvalidInputException(
                PenaltyNotice.PARENT_ID.name(),
                parentId + " is no person on record: check the ID on the parent's record, or search for the parent"
                    + " by the child's case"));
    if (!persons.isNamed(parentId, parentName)) {
      throw new InvalidInputException(
          PenaltyNotice.PARENT_ID.name(),
          // the name alone shows the ID is the wrong one: no address (data minimisation)
          parentId + " is " + person.name() + ", not " + parentName + ": check the ID on the parent's record");
    }
  }

  /**
   * The amounts of a notice someone else issued must be those the law gives its place (SI 2007/1867
   * reg 4 as amended by SI 2024/210): a second (or later) notice in the period has no reduced
   * amount. The reduced amount, when left out, is the law's; the one to record is returned.
   */
  private BigDecimal checkedAmounts(ExternalNoticeRequest body, NoticeTerms terms) {
    String place = "the " + Wording.ordinal(terms.sequence()) + " notice to this parent for this child in "
        + properties.limitYears() + " years";
    if (body.fullAmount().compareTo(terms.fullAmount()) != 0) {
      throw new InvalidInputException(
          "fullAmount", "must be £" + terms.fullAmount().setScale(2) + " for " + place + " (SI 2007/1867 reg 4 as"
              + " amended by SI 2024/210" + ("pre-2024".equals(terms.rateScheme()) ? ", at the rates before 19 August 2024" : "")
              + ")");
    }
    if (terms.reducedAmount() == null) {
      if (body.reducedAmount() != null) {
        throw new InvalidInputException(
            "reducedAmount", "must be empty: " + place + " is " + (terms.priorNotices() > 0 ? "not the first, so it has"
                + " no reduced amount, only the full amount within " + properties.fullPeriodDays() + " days"
                : "without a reduced amount")
                + " (SI 2007/1867 reg 4(2) as inserted by SI 2024/210 reg 4)");
      }
      return null;
    }
    if (body.reducedAmount() != null && body.reducedAmount().compareTo(terms.reducedAmount()) != 0) {
      throw new InvalidInputException(
          "reducedAmount", "must be £" + terms.reducedAmount().setScale(2) + " for " + place + " (SI 2007/1867 reg 4)");
    }
    return terms.reducedAmount();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
