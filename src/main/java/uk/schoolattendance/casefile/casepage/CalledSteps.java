package uk.schoolattendance.casefile.casepage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.court.CourtProperties;
import uk.schoolattendance.improvement.ImprovementPeriod;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.schools.DateValues;

/**
 * What happened inside the processes a case called (the Notice to Improve, each penalty notice,
 * the court proceedings), for the case page: each step in words with its day and who did it.
 *
 * <p>Read as the viewer, so the engine decides what they see (a school reads its own cases'
 * called instances, as through the engine's REST API): one query for the tasks of the whole case
 * (the case is their root instance) and, when the case called anything, one for the called
 * instances' facts; the penalty notices come from the register the page reads anyway. Who did a
 * step is the task's assignee when it was completed; a payment or a withdrawal, recorded without
 * a task, names who recorded it ({@code paymentRecordedBy}, {@code withdrawalRecordedBy}).
 */
@Component
class CalledSteps {

  /**
   * Rows read per query: the tasks, facts and court proceedings of a case are read page by page to
   * the end, so a case over years with many notices loses no step (it was one page of 500 tasks,
   * in no order, and the rest silently dropped).
   */
  static final int PAGE_SIZE = 500;
  /** Who did a person's step when the engine kept no name (a task completed without being claimed). */
  static final String NOT_RECORDED = "Not recorded";

  private static final List<String> FACTS =
      List.of(
          NoticeToImprove.ISSUED_ON.name(), NoticeToImprove.ENDS_ON.name(), NoticeToImprove.IMPROVEMENT_SUFFICIENT.name(),
          NoticeToImprove.REVIEW_NOTES.name(), NoticeToImprove.EARLY_ESCALATION_GROUNDS.name(),
          NoticeToImprove.EARLY_ESCALATION_REASON_SHOWN.name(), NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name(),
          PenaltyNotice.NOTICE_NUMBER.name(), PenaltyNotice.PARENT_NAME.name(), PenaltyNotice.NON_PAYMENT_DECISION.name(),
          PenaltyNotice.PAYMENT_RECORDED_BY.name(), PenaltyNotice.WITHDRAWAL_RECORDED_BY.name(),
          PenaltyNotice.NOTICE_REFUSED_SHOWN.name(),
          CourtProceedings.PARENT_NAMES.name(), CourtProceedings.OFFENCE_SECTION_SHOWN.name(),
          CourtProceedings.PROCEEDINGS_TYPE_SHOWN.name(),
          CourtProceedings.INFORMATION_LAID_ON.name(), CourtProceedings.HEARING_DATE.name(), CourtProceedings.INTERVIEW_DATE.name(),
          CourtProceedings.INTERVIEW_RECORD_REFERENCE.name(), CourtProceedings.INTERVIEW_NOT_HELD_REASON.name(),
          CourtProceedings.COURT_OUTCOME.name(),
          CourtProceedings.COURT_OUTCOME_SHOWN.name(), CourtProceedings.COSTS_AWARDED.name(), CourtProceedings.PARENTING_ORDER_ENDS_ON.name(),
          CourtProceedings.ORDER_ENDS_ON.name(), CourtProceedings.SUPERVISION_ORDER_DIRECTED.name(),
          CourtProceedings.SUPERVISION_ORDER_DECISION.name(), CourtProceedings.SUPERVISION_ORDER_REASONS.name(),
          CourtProceedings.HEARING_ADJOURNED.name(), CourtProceedings.PROCEEDINGS_TYPE.name(),
          CourtProceedings.OFFENCE_SECTION.name(), CourtProceedings.OFFENCE_FROM.name(), CourtProceedings.OFFENCE_TO.name(),
          CourtProceedings.INFORMATION_DEADLINE.name(), CourtProceedings.SUPERVISION_ORDER_DECISION_DUE.name());

  private final HistoryService historyService;
  private final PeopleNames people;
  private final UkDates dates;
  private final int pageSize;
  private final CourtProperties court;

  private final ImprovementPeriod improvementPeriod;

  @org.springframework.beans.factory.annotation.Autowired
  CalledSteps(HistoryService historyService, PeopleNames people, UkDates dates, ImprovementPeriod improvementPeriod,
      CourtProperties court, uk.schoolattendance.court.SupervisionOrderExtensions extensions) {
    this(historyService, people, dates, PAGE_SIZE, improvementPeriod, court, extensions);
  }

  /**
   * The extensions of an education supervision order (read only for proceedings that made one);
   * null only in the page-size constructor's tests, which read no court record.
   */
  private final uk.schoolattendance.court.SupervisionOrderExtensions extensions;

  /** With another page size: a test reads a case over several pages without making 500 tasks; no ESO extensions read. */
  CalledSteps(HistoryService historyService, PeopleNames people, UkDates dates, int pageSize,
      ImprovementPeriod improvementPeriod) {
    this(historyService, people, dates, pageSize, improvementPeriod, CourtProperties.defaults(), null);
  }

  private CalledSteps(HistoryService historyService, PeopleNames people, UkDates dates, int pageSize,
      ImprovementPeriod improvementPeriod, CourtProperties court, uk.schoolattendance.court.SupervisionOrderExtensions extensions) {
    this.extensions = extensions;
    this.court = court;
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    this.historyService = historyService;
    this.people = people;
    this.dates = dates;
    this.pageSize = pageSize;
    this.improvementPeriod = improvementPeriod;
  }

  /** Every row of a query, read a page at a time in the query's (total) order until a page comes back short. */
  private <T> List<T> all(java.util.function.BiFunction<Integer, Integer, List<T>> page) {
    List<T> rows = new ArrayList<>();
    for (int first = 0; ; first += pageSize) {
      List<T> read = page.apply(first, pageSize);
      rows.addAll(read);
      if (read.size() < pageSize) {
        return rows;
      }
    }
  }

  /** A step with the moment it happened, to merge into the case's own timeline. */
  record Step(Instant at, CasePage.TimelineEntry entry) {}

  /**
   * One court proceedings' outcome: against whom (the parents' names as the proceedings name them,
   * empty if none), the outcome in full and who recorded it.
   */
  record CourtOutcome(String against, String text, String by) {}

  /**
   * What the case page shows of its called processes: the steps, the day the Notice to Improve
   * was issued (null if none), the outcome of each court proceedings in the case's tree in the
   * order they were recorded (the case's own and each penalty notice's), and the outcome in full of
   * the proceedings the case itself called (empty if none, or not yet recorded), and each court
   * proceedings as the page's Court section shows it, oldest first.
   */
  record Called(
      List<Step> steps, LocalDate noticeToImproveIssuedOn, List<CourtOutcome> courtOutcomes, String caseCourtOutcome,
      List<CasePage.CourtView> court) {

    static Called none() {
      return new Called(List.of(), null, List.of(), "", List.of());
    }
  }

  /** The case (the root process instance) a task belongs to; null when the engine has no such task. */
  String caseOf(String taskId) {
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return task == null ? null : task.getRootProcessInstanceId();
  }

  Called of(String caseId, List<PenaltyNoticeEntry> notices) {
    return of(caseId, notices, Map.of());
  }

  /**
   * As {@link #of(String, List)}, with the refunds owed and made of the case's overpaid notices (by
   * notice number, from the register the page reads): each shows in its notice's steps.
   */
  Called of(String caseId, List<PenaltyNoticeEntry> notices, Map<String, PenaltyNoticeRegister.RecordedRefund> refunds) {
    // oldest first, as the timeline tells the case; the task's id breaks ties so pages never overlap
    List<HistoricTaskInstance> tasks = all((first, max) -> historyService.createHistoricTaskInstanceQuery()
        .rootProcessInstanceId(caseId).orderByHistoricActivityInstanceStartTime().asc().orderByTaskId().asc()
        .listPage(first, max)).stream()
        .filter(task -> !caseId.equals(task.getProcessInstanceId()))
        .toList();
    if (tasks.isEmpty()) {
      return Called.none();
    }
    Map<String, String> kinds = new LinkedHashMap<>();
    tasks.forEach(task -> kinds.put(task.getProcessInstanceId(), task.getProcessDefinitionKey()));
    Map<String, List<HistoricTaskInstance>> tasksOf = new HashMap<>();
    tasks.forEach(task -> tasksOf.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task));
    Map<String, Map<String, HistoricVariableInstance>> facts = new HashMap<>();
    String[] instances = kinds.keySet().toArray(String[]::new);
    // only the instances' own scope (its activity instance id is the instance's id): one live value per
    // (instance, name), so the order is total and OFFSET pages neither repeat nor skip a fact; a task's
    // or a sub-scope's local copy of the same name would tie with it
    for (HistoricVariableInstance variable : all((first, max) -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances)
        .activityInstanceIdIn(instances)
        .variableNameIn(FACTS.toArray(String[]::new))
        .orderByProcessInstanceId().asc().orderByVariableName().asc()
        .listPage(first, max))) {
      // a variable set on a task's own scope is not the instance's fact
      if (variable.getTaskId() == null) {
        facts.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable);
      }
    }
    Set<String> by = new HashSet<>();
    tasks.forEach(task -> by.add(task.getAssignee()));
    facts.values().forEach(values -> {
      by.add(text(values, PenaltyNotice.PAYMENT_RECORDED_BY.name()));
      by.add(text(values, PenaltyNotice.WITHDRAWAL_RECORDED_BY.name()));
    });
    refunds.values().forEach(refund -> by.add(refund.refund().refundedBy()));
    by.remove(null);
    by.remove("");
    Map<String, String> names = people.of(by);
    Map<String, PenaltyNoticeEntry> byInstance = new HashMap<>();
    notices.forEach(notice -> byInstance.put(notice.processInstanceId(), notice));

    Set<String> ownCourt = kinds.containsValue(CourtProceedings.KEY) ? ownCourtProceedings(caseId) : Set.of();
    Steps steps = new Steps(names);
    LocalDate ntiIssued = null;
    Map<Instant, List<CourtOutcome>> outcomes = new TreeMap<>();
    String caseOutcome = "";
    List<CasePage.CourtView> courtViews = new ArrayList<>();
    for (Map.Entry<String, String> called : kinds.entrySet()) {
      String instance = called.getKey();
      Map<String, HistoricVariableInstance> values = facts.getOrDefault(instance, Map.of());
      // already oldest first, as read
      List<HistoricTaskInstance> own = tasksOf.getOrDefault(instance, List.of());
      switch (called.getValue()) {
        case NoticeToImprove.KEY -> {
          LocalDate issued = day(values, NoticeToImprove.ISSUED_ON.name());
          ntiIssued = issued == null ? ntiIssued : issued;
          noticeToImprove(steps, own, values, issued);
        }
        case PenaltyNotice.KEY -> {
          PenaltyNoticeEntry notice = byInstance.get(instance);
          penaltyNotice(steps, own, values, notice, notice == null ? null : refunds.get(notice.noticeNumber()));
        }
        case CourtProceedings.KEY -> {
          // the hearing dates it held: one query, made only when a hearing was adjourned
          List<HistoricDetail> hearingDates = adjourned(own, values) ? hearingDates(instance) : List.of();
          Optional<Step> recorded = court(steps, own, values, hearingDates);
          courtViews.add(courtView(instance, own, values, hearingDates, recorded.orElse(null)));
          if (recorded.isPresent()) {
            String parents = text(values, CourtProceedings.PARENT_NAMES.name());
            outcomes.computeIfAbsent(recorded.get().at(), at -> new ArrayList<>()).add(new CourtOutcome(
                parents == null ? "" : parents.strip(), recorded.get().entry().text(), recorded.get().entry().by()));
            if (ownCourt.contains(instance)) {
              caseOutcome = recorded.get().entry().text();
            }
          }
        }
        default -> { }
      }
    }
    // oldest first (stable: one moment's steps keep their process's order)
    List<Step> inOrder = steps.all.stream().sorted(Comparator.comparing(Step::at)).toList();
    return new Called(inOrder, ntiIssued, outcomes.values().stream().flatMap(List::stream).toList(), caseOutcome, courtViews);
  }

  /**
   * The court proceedings the case itself called (its prosecution or supervision order route), not
   * those its penalty notices called for non-payment: one query, made only when the case's tree
   * holds court proceedings.
   */
  private Set<String> ownCourtProceedings(String caseId) {
    Set<String> own = new HashSet<>();
    all((first, max) -> historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(caseId)
        .processDefinitionKey(CourtProceedings.KEY).orderByProcessInstanceId().asc().listPage(first, max))
        .forEach(instance -> own.add(instance.getId()));
    return own;
  }

  private void noticeToImprove(
      Steps steps, List<HistoricTaskInstance> tasks, Map<String, HistoricVariableInstance> values, LocalDate issued) {
    // the period as the letter states it (ImprovementPeriod, one rule: from receipt to its last school
    // day), never the timer's day after it (walk 13, #13)
    String period = text(values, NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.name());
    String during = period == null || period.isBlank() ? "" : "runs from " + period.strip();
    LocalDate timerDay = day(values, NoticeToImprove.ENDS_ON.name());
    if (during.isEmpty() && timerDay != null) {
      // a notice issued before improvementPeriodShown was stored: its end, the last school day before its timer's day
      during = "ends on " + dates.day(improvementPeriod.lastDayBefore(timerDay));
    }
    for (HistoricTaskInstance task : tasks) {
      String key = task.getTaskDefinitionKey();
      if (NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id().equals(key)) {
        steps.add(task.getStartTime(), "Notice to Improve: improvement period started", "",
          (issued == null ? "" : "Issued on " + dates.day(issued) + ". ")
              + (during.isEmpty() ? "" : "The improvement period " + during + "."));
        // the watch ends by itself with the period; completed, it is an officer's early escalation
        if (done(task)) {
          String grounds = text(values, NoticeToImprove.EARLY_ESCALATION_GROUNDS.name());
          String reason = text(values, NoticeToImprove.EARLY_ESCALATION_REASON_SHOWN.name());
          steps.add(task.getEndTime(), "Notice to Improve: escalated early", task.getAssignee(),
              "Escalated on " + dates.day(task.getEndTime())
                  + (during.isEmpty() ? "" : ", during the improvement period (" + during + ")")
                  + (reason == null || reason.isBlank() ? "" : ". Reason: " + reason.strip())
                  + (grounds == null || grounds.isBlank() ? "." : ". Grounds: " + grounds.strip()));
        }
      } else if (NoticeToImprove.REVIEW_NOTICE_TO_IMPROVE.id().equals(key)) {
        if (done(task)) {
          Object sufficient = value(values, NoticeToImprove.IMPROVEMENT_SUFFICIENT.name());
          String notes = text(values, NoticeToImprove.REVIEW_NOTES.name());
          steps.add(task.getEndTime(),
              Boolean.TRUE.equals(sufficient) ? "Notice to Improve reviewed: attendance improved sufficiently"
                  : Boolean.FALSE.equals(sufficient) ? "Notice to Improve reviewed: improvement not sufficient"
                  : "Notice to Improve reviewed",
              task.getAssignee(), notes == null ? "" : notes);
        } else {
          steps.add(task.getStartTime(), "Notice to Improve: improvement period ended, review due", "",
              during.isEmpty() ? "" : "The improvement period (" + during + ") has ended.");
        }
      }
    }
  }

  private void penaltyNotice(
      Steps steps, List<HistoricTaskInstance> tasks, Map<String, HistoricVariableInstance> values, PenaltyNoticeEntry notice,
      PenaltyNoticeRegister.RecordedRefund refund) {
    String number = notice != null ? notice.noticeNumber() : text(values, PenaltyNotice.NOTICE_NUMBER.name());
    String parent = notice != null ? notice.parentName() : text(values, PenaltyNotice.PARENT_NAME.name());
    String which = "Penalty notice" + (number == null ? "" : " " + number) + (parent == null ? "" : " to " + parent);
    for (HistoricTaskInstance task : tasks) {
      String key = task.getTaskDefinitionKey();
      if (PenaltyNotice.CHECK_LEAVE_EVIDENCE.id().equals(key)) {
        if (done(task)) {
          steps.add(task.getEndTime(), (parent == null ? "Leave evidence" : "Leave evidence for " + parent) + " checked",
              task.getAssignee(), "");
        }
      } else if (PenaltyNotice.DISPATCH_PENALTY_NOTICE.id().equals(key)) {
        steps.add(task.getStartTime(), which + ": prepared", "",
            notice == null || notice.fullAmount() == null ? "" : "Full amount " + pounds(notice.fullAmount())
                + (notice.reducedAmount() == null ? "" : ", " + pounds(notice.reducedAmount()) + " if paid early")
                + (notice.offenceFrom() == null ? "" : "; offence period " + dates.day(notice.offenceFrom()) + " to "
                    + dates.day(notice.offenceTo())) + ".");
        if (done(task) && notice != null && notice.issuedOn() != null) {
          boolean hand = "hand".equals(notice.deliveryMethod());
          steps.add(task.getEndTime(), which + (hand ? ": handed over" : ": posted"), task.getAssignee(),
              (hand ? "Handed over on " : "Posted on ") + dates.day(notice.issuedOn())
                  + (notice.deemedReceivedOn() == null ? "" : "; received on " + dates.day(notice.deemedReceivedOn()))
                  + (notice.finalDeadline() == null ? "" : "; to be paid by " + dates.day(notice.finalDeadline())) + ".");
        }
      } else if (PenaltyNotice.DECIDE_ON_NON_PAYMENT.id().equals(key)) {
        steps.add(task.getStartTime(), which + ": not paid by its final deadline", "",
            notice == null || notice.finalDeadline() == null ? "" : "The time to pay ended on " + dates.day(notice.finalDeadline()) + ".");
        if (done(task) && PenaltyNotice.PROSECUTE.equals(text(values, PenaltyNotice.NON_PAYMENT_DECISION.name()))) {
          steps.add(task.getEndTime(), which + ": prosecution for the offence decided", task.getAssignee(),
              notice == null || notice.prosecutedOn() == null ? "" : "Decided on " + dates.day(notice.prosecutedOn()) + ".");
        }
      } else if (PenaltyNotice.CHOOSE_ANOTHER_ROUTE.id().equals(key)) {
        String refused = text(values, PenaltyNotice.NOTICE_REFUSED_SHOWN.name());
        if (refused != null) {
          // no notice was prepared: say so and why, as the case asked for it (walk 12 #16)
          steps.add(task.getStartTime(), "Penalty notice" + (parent == null ? "" : " to " + parent) + " refused", "",
              refused + "; choose another route.");
        }
        if (done(task)) {
          steps.add(task.getEndTime(), which + ": another route chosen", task.getAssignee(), "");
        }
      }
    }
    HistoricVariableInstance paid = values.get(PenaltyNotice.PAYMENT_RECORDED_BY.name());
    if (notice != null && notice.paidOn() != null) {
      Instant paidAt = paid == null ? at(notice.paidOn()) : paid.getCreateTime().toInstant();
      String paidBy = paid == null ? null : String.valueOf(paid.getValue());
      steps.add(paidAt, which + ": paid", paidBy,
          (notice.amountPaid() == null ? "Paid" : pounds(notice.amountPaid()) + " paid") + " on " + dates.day(notice.paidOn()) + ".");
      if (refund != null) {
        // an overpayment: the excess is owed back from the payment, recorded with it
        PenaltyNoticeRegister.Refund owed = refund.refund();
        steps.add(paidAt, which + ": refund owed", paidBy, pounds(owed.amount()) + " paid beyond the amount due, owed back to"
            + " the payer from " + dates.day(notice.paidOn()) + ".");
        if (owed.made()) {
          steps.add(refund.recordedAt() == null ? at(owed.refundedOn()) : refund.recordedAt(), which + ": refunded",
              owed.refundedBy(), pounds(owed.amount()) + " refunded on " + dates.day(owed.refundedOn())
                  + (owed.method() == null ? "" : " by " + owed.method().replace('-', ' '))
                  + (owed.reference() == null ? "" : ", reference " + owed.reference()) + ".");
        }
      }
    }
    HistoricVariableInstance withdrawn = values.get(PenaltyNotice.WITHDRAWAL_RECORDED_BY.name());
    if (notice != null && notice.withdrawnOn() != null) {
      steps.add(withdrawn == null ? at(notice.withdrawnOn()) : withdrawn.getCreateTime().toInstant(), which + ": withdrawn",
          withdrawn == null ? null : String.valueOf(withdrawn.getValue()),
          "Withdrawn on " + dates.day(notice.withdrawnOn())
              + (notice.withdrawalGround() == null ? "" : ". Ground: " + Wording.sentence(notice.withdrawalGround()).toLowerCase(java.util.Locale.UK))
              + (notice.withdrawalReason() == null ? "" : ". Reason: " + notice.withdrawalReason()) + ".");
    }
  }

  /** The court's steps; the step that recorded the outcome, if it was recorded. */
  private Optional<Step> court(
      Steps steps, List<HistoricTaskInstance> tasks, Map<String, HistoricVariableInstance> values,
      List<HistoricDetail> hearingDates) {
    String parents = text(values, CourtProceedings.PARENT_NAMES.name());
    String against = parents == null || parents.isBlank() ? "" : " (" + parents + ")";
    Step outcome = null;
    // an adjourned hearing is a "Record court outcome" completed with no outcome: every one but the
    // last, and the last too while no outcome stands (the adjournment removes it)
    List<HistoricTaskInstance> hearings = tasks.stream()
        .filter(task -> CourtProceedings.RECORD_COURT_OUTCOME.id().equals(task.getTaskDefinitionKey()) && done(task)).toList();
    boolean outcomeStands = text(values, CourtProceedings.COURT_OUTCOME.name()) != null;
    for (HistoricTaskInstance task : tasks) {
      if (!done(task)) {
        continue;
      }
      String key = task.getTaskDefinitionKey();
      if (CourtProceedings.PREPARE_COURT_CASE.id().equals(key)) {
        LocalDate laid = day(values, CourtProceedings.INFORMATION_LAID_ON.name());
        String section = text(values, CourtProceedings.OFFENCE_SECTION_SHOWN.name());
        LocalDate hearing = day(values, CourtProceedings.HEARING_DATE.name());
        steps.add(task.getEndTime(), "Court case prepared" + against, task.getAssignee(),
            join(laid == null ? null : "Information laid on " + dates.day(laid) + (section == null ? "" : " under " + section),
                hearing == null ? null : "hearing on " + dates.day(hearing)));
      } else if (CourtProceedings.INTERVIEW_UNDER_CAUTION.id().equals(key)) {
        LocalDate on = day(values, CourtProceedings.INTERVIEW_DATE.name());
        String record = text(values, CourtProceedings.INTERVIEW_RECORD_REFERENCE.name());
        String notHeld = text(values, CourtProceedings.INTERVIEW_NOT_HELD_REASON.name());
        if (on == null && notHeld != null) {
          steps.add(task.getEndTime(), "Interview under caution not held" + against, task.getAssignee(), notHeld);
          continue;
        }
        steps.add(task.getEndTime(), "Parent interviewed under caution" + against, task.getAssignee(),
            join(on == null ? null : "Interviewed on " + dates.day(on), record == null || record.isBlank() ? null : "record: " + record));
      } else if (CourtProceedings.RECORD_COURT_OUTCOME.id().equals(key)) {
        if (outcomeStands && task == hearings.get(hearings.size() - 1)) {
          outcome = steps.add(task.getEndTime(), "Court outcome recorded" + against, task.getAssignee(), outcomeWords(values));
        } else {
          steps.add(task.getEndTime(), "Hearing adjourned" + against, task.getAssignee(), adjournment(hearingDates, task));
        }
      } else if (CourtProceedings.ACKNOWLEDGE_COURT_OUTCOME.id().equals(key)) {
          steps.add(task.getEndTime(), "Court outcome acknowledged by the school", task.getAssignee(), "");
      } else if (CourtProceedings.DECIDE_ON_SUPERVISION_ORDER.id().equals(key)) {
        String decision = text(values, CourtProceedings.SUPERVISION_ORDER_DECISION.name());
        String reasons = text(values, CourtProceedings.SUPERVISION_ORDER_REASONS.name());
        steps.add(task.getEndTime(), "Education supervision order: "
                + ("apply".equals(decision) ? "the authority will apply" : "not-apply".equals(decision)
                    ? "the authority decided not to apply" : Wording.sentence(decision == null ? "decided" : decision).toLowerCase(java.util.Locale.UK)),
            task.getAssignee(), reasons == null || reasons.isBlank() ? "" : "Reasons: " + reasons);
      }
    }
    return Optional.ofNullable(outcome);
  }

  /**
   * The hearing dates the proceedings held, oldest first (one query, made only when a hearing was
   * adjourned): the instance keeps only the latest.
   */
  private List<HistoricDetail> hearingDates(String instance) {
    return all((first, max) -> historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
        .variableNameLike(CourtProceedings.HEARING_DATE.name()).orderPartiallyByOccurrence().asc().listPage(first, max));
  }

  /** "The hearing on 10 February 2027 was adjourned to 17 March 2027.": the day in force when it came, and the new one. */
  String adjournment(List<HistoricDetail> hearingDates, HistoricTaskInstance task) {
    LocalDate from = null;
    LocalDate to = null;
    for (HistoricDetail detail : hearingDates) {
      LocalDate day = detail instanceof HistoricVariableUpdate update ? dayOf(update.getValue()) : null;
      if (day == null || detail.getTime() == null) {
        continue;
      }
      // in force when the task came: set no later than its start (a date set in the same command as the
      // task, in the same millisecond, counts), but not by this task's own completion (the new date)
      boolean byThisTask = detail.getActivityInstanceId() != null
          && detail.getActivityInstanceId().equals(task.getActivityInstanceId());
      if (!byThisTask && !detail.getTime().after(task.getStartTime())) {
        from = day;
      }
      if (!detail.getTime().after(task.getEndTime())) {
        to = day;
      }
    }
    String adjourned = from == null ? "The hearing was adjourned" : "The hearing on " + dates.day(from) + " was adjourned";
    return adjourned + (to == null || to.equals(from) ? "" : " to " + dates.day(to)) + ".";
  }

  /**
   * The outcome in full, with the verdict, the section and the hearing (walk 13 #7): "Convicted under
   * s444(1A) at the hearing on 15 January 2027: fine of £400.00 and parenting order of 6 months. The
   * order runs until 15 July 2027. Education supervision order: the authority decided not to apply".
   */
  private String outcomeWords(Map<String, HistoricVariableInstance> values) {
    String sentence = sentence(values);
    String verdict = verdict(values);
    String words = sentence == null ? verdict : verdict + ": " + sentence;
    LocalDate ends = day(values, CourtProceedings.PARENTING_ORDER_ENDS_ON.name());
    if (ends == null) {
      ends = day(values, CourtProceedings.ORDER_ENDS_ON.name());
    }
    StringBuilder text = new StringBuilder(words);
    if (ends != null) {
      text.append(". The order runs until ").append(dates.day(ends));
    }
    String decision = text(values, CourtProceedings.SUPERVISION_ORDER_DECISION.name());
    if (decision != null) {
      String reasons = text(values, CourtProceedings.SUPERVISION_ORDER_REASONS.name());
      text.append(". Education supervision order: ").append("apply".equals(decision) ? "the authority will apply"
          : "not-apply".equals(decision) ? "the authority decided not to apply" : Wording.sentence(decision).toLowerCase(java.util.Locale.UK))
          .append(reasons == null || reasons.isBlank() ? "" : " (" + reasons + ")");
    }
    return text.append('.').toString();
  }

  /** Whether the outcome is a conviction: a fine, a conditional discharge or a parenting order (CDA 1998 s8(1)(d)). */
  private static boolean convicted(String outcome) {
    return CourtProceedings.FINE.equals(outcome) || CourtProceedings.CONDITIONAL_DISCHARGE.equals(outcome)
        || CourtProceedings.PARENTING_ORDER.equals(outcome);
  }

  /** "s444(1A)" for {@code s444-1A}; null for none. */
  private static String section(Map<String, HistoricVariableInstance> values) {
    String section = text(values, CourtProceedings.OFFENCE_SECTION.name());
    return section == null || section.isBlank() ? null : section.strip().replaceFirst("^s444-(\\w+)$", "s444($1)");
  }

  private static boolean prosecution(Map<String, HistoricVariableInstance> values) {
    String type = text(values, CourtProceedings.PROCEEDINGS_TYPE.name());
    return type == null ? section(values) != null : CourtProceedings.PROSECUTION.equals(type);
  }

  /**
   * What the court decided, with the section and the hearing, in the outcome's configured words:
   * "Convicted under s444(1A) at the hearing on 15 January 2027", "Prosecution under s444(1): Not
   * guilty / dismissed at the hearing on …", "Application refused at the hearing on …".
   */
  private String verdict(Map<String, HistoricVariableInstance> values) {
    String outcome = text(values, CourtProceedings.COURT_OUTCOME.name());
    LocalDate hearing = day(values, CourtProceedings.HEARING_DATE.name());
    String at = hearing == null ? "" : " at the hearing on " + dates.day(hearing);
    String section = section(values);
    String under = section == null ? "" : " under " + section;
    boolean prosecution = prosecution(values);
    // the outcome in the words the form offered (attendance.court.outcomes): one vocabulary
    String words = outcome == null ? null
        : court.outcomesOf(prosecution ? CourtProceedings.PROSECUTION : CourtProceedings.EDUCATION_SUPERVISION_ORDER).get(outcome);
    String when = "withdrawn".equals(outcome) ? (hearing == null ? "" : ", hearing of " + dates.day(hearing)) : at;
    if (!prosecution) {
      return (words == null ? "Outcome" : words) + when;
    }
    if (convicted(outcome)) {
      return "Convicted" + under + at;
    }
    return words == null ? "Outcome" + at : "Prosecution" + under + ": " + words + when;
  }

  /** What was ordered, in words ("fine of £400.00 and parenting order of 6 months"); null when nothing was. */
  private static String sentence(Map<String, HistoricVariableInstance> values) {
    String outcome = text(values, CourtProceedings.COURT_OUTCOME.name());
    if (outcome == null || "dismissed".equals(outcome) || "withdrawn".equals(outcome)
        || CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(outcome) && prosecution(values)) {
      // a prosecution's "education-supervision-order" is the s447(2) direction: its own row, no sentence
      return null;
    }
    String shown = text(values, CourtProceedings.COURT_OUTCOME_SHOWN.name());
    String words = shown == null || shown.isBlank() ? outcome.replace('-', ' ') : shown.strip();
    // the verdict says it is an order; the words may begin "education supervision order …"
    return words;
  }

  /** Whether a hearing was adjourned: a "Record court outcome" completed without the outcome that stands. */
  private static boolean adjourned(List<HistoricTaskInstance> tasks, Map<String, HistoricVariableInstance> values) {
    long hearings = tasks.stream()
        .filter(task -> CourtProceedings.RECORD_COURT_OUTCOME.id().equals(task.getTaskDefinitionKey()) && done(task)).count();
    return hearings > (text(values, CourtProceedings.COURT_OUTCOME.name()) != null ? 1 : 0);
  }

  /**
   * One court proceedings as the case page's Court section shows it (walk 13 #4), from the facts the
   * timeline reads (no other query): the proceedings and against whom; for a prosecution the
   * offence's section, its period, the last day to lay the information (s127) and the day it was
   * laid, the interview under caution; each adjourned hearing, the hearing, the outcome with the
   * conviction and what was ordered, and a s447 direction with the authority's decision.
   */
  private CasePage.CourtView courtView(String instance,
      List<HistoricTaskInstance> tasks, Map<String, HistoricVariableInstance> values, List<HistoricDetail> hearingDates,
      Step recorded) {
    List<CasePage.Fact> facts = new ArrayList<>();
    // an education supervision order made on the application: a senior practitioner records its extensions
    boolean orderMade = false;
    String orderEnded = null;
    boolean orderDischarged = false;
    String type = text(values, CourtProceedings.PROCEEDINGS_TYPE.name());
    String typeShown = text(values, CourtProceedings.PROCEEDINGS_TYPE_SHOWN.name());
    String parents = text(values, CourtProceedings.PARENT_NAMES.name());
    boolean prosecution = prosecution(values);
    String title = (prosecution ? "Prosecution" : "Education supervision order application")
        + (parents == null || parents.isBlank() ? "" : (prosecution ? " of " : " about ") + parents.strip());
    facts.add(new CasePage.Fact("Proceedings", typeShown != null && !typeShown.isBlank() ? typeShown
        : type == null ? "Prosecution (Education Act 1996 s444)" : CourtProceedings.proceedingsShown(type)));
    if (parents != null && !parents.isBlank()) {
      facts.add(new CasePage.Fact(prosecution ? "Parent prosecuted" : "Parents", parents.strip()));
    }
    LocalDate from = day(values, CourtProceedings.OFFENCE_FROM.name());
    LocalDate to = day(values, CourtProceedings.OFFENCE_TO.name());
    LocalDate laid = day(values, CourtProceedings.INFORMATION_LAID_ON.name());
    if (prosecution) {
      String sectionShown = text(values, CourtProceedings.OFFENCE_SECTION_SHOWN.name());
      String section = sectionShown != null && !sectionShown.isBlank() ? sectionShown
          : CourtProceedings.sectionShown(text(values, CourtProceedings.OFFENCE_SECTION.name()));
      facts.add(new CasePage.Fact("Offence section", section == null ? "Not chosen yet (chosen when the court case is prepared)"
          : "Education Act 1996 " + section));
      facts.add(new CasePage.Fact("Offence period", from == null || to == null ? "Not recorded"
          : dates.day(from) + " to " + dates.day(to)));
      LocalDate deadline = day(values, CourtProceedings.INFORMATION_DEADLINE.name());
      if (deadline != null) {
        facts.add(new CasePage.Fact("Last day to lay an information", dates.day(deadline) + " (Magistrates' Courts Act 1980 s127)"));
      }
      facts.add(new CasePage.Fact("Information laid on", laid == null ? "Not laid yet" : dates.day(laid)));
      LocalDate interviewed = day(values, CourtProceedings.INTERVIEW_DATE.name());
      String record = text(values, CourtProceedings.INTERVIEW_RECORD_REFERENCE.name());
      boolean askedFor = tasks.stream().anyMatch(task -> CourtProceedings.INTERVIEW_UNDER_CAUTION.id().equals(task.getTaskDefinitionKey()));
      String notHeld = text(values, CourtProceedings.INTERVIEW_NOT_HELD_REASON.name());
      boolean open = tasks.stream().anyMatch(task -> CourtProceedings.INTERVIEW_UNDER_CAUTION.id().equals(task.getTaskDefinitionKey())
          && task.getEndTime() == null);
      if (interviewed != null) {
        facts.add(new CasePage.Fact("Interview under caution",
            dates.day(interviewed) + (record == null || record.isBlank() ? "" : ", record: " + record.strip())));
      } else if (notHeld != null && !notHeld.isBlank()) {
        // recorded as not held: the timeline and the evidence list say so, and so does this row
        facts.add(new CasePage.Fact("Interview under caution", "Not held: " + notHeld.strip()));
      } else if (askedFor) {
        facts.add(new CasePage.Fact("Interview under caution", open ? "Not held yet" : "Not recorded"));
      }
    }
    for (HistoricTaskInstance task : tasks) {
      boolean hearing = CourtProceedings.RECORD_COURT_OUTCOME.id().equals(task.getTaskDefinitionKey()) && done(task);
      if (hearing && (recorded == null || !task.getEndTime().toInstant().equals(recorded.at()))) {
        facts.add(new CasePage.Fact("Adjourned hearing", adjournment(hearingDates, task)));
      }
    }
    LocalDate hearing = day(values, CourtProceedings.HEARING_DATE.name());
    facts.add(new CasePage.Fact("Hearing", hearing == null ? "Not set yet" : dates.day(hearing)));
    if (recorded == null) {
      facts.add(new CasePage.Fact("Outcome", "Not recorded yet"));
    } else {
      String by = recorded.entry().by();
      facts.add(new CasePage.Fact("Outcome", verdict(values)
          + (NOT_RECORDED.equals(by) ? "" : ". Recorded by " + by) + "."));
      String sentence = sentence(values);
      List<CasePage.Fact> extensionFacts = List.of();
      if (sentence != null) {
        LocalDate ends = day(values, CourtProceedings.PARENTING_ORDER_ENDS_ON.name());
        ends = ends == null ? day(values, CourtProceedings.ORDER_ENDS_ON.name()) : ends;
        // an education supervision order made on the application: its current end, after any extension
        java.util.Optional<uk.schoolattendance.court.SupervisionOrderExtensions.Order> order =
            prosecution || extensions == null || !CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(text(values, CourtProceedings.COURT_OUTCOME.name()))
                ? java.util.Optional.empty() : extensions.orderOf(instance);
        if (order.isPresent()) {
          ends = order.get().endsOn();
          extensionFacts = extensionFacts(order.get());
          orderMade = true;
          orderEnded = orderEnded(order.get());
          orderDischarged = order.get().dischargedOn() != null;
        }
        // a s447 direction (after "; ") has its own row
        int direction = sentence.indexOf("; ");
        facts.add(new CasePage.Fact(prosecution ? "Sentence" : "Order",
            Wording.sentence(direction < 0 ? sentence : sentence.substring(0, direction)) + (ends == null ? "" : "; the order runs until " + dates.day(ends)) + "."));
      }
      facts.addAll(extensionFacts);
      if (value(values, CourtProceedings.COSTS_AWARDED.name()) instanceof Number costs) {
        java.math.BigDecimal pounds = new java.math.BigDecimal(costs.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
        facts.add(new CasePage.Fact("Costs awarded to the local authority", pounds.signum() == 0 ? "None"
            : "£" + pounds.toPlainString() + " (Prosecution of Offences Act 1985 s18)"));
      }
      if (Boolean.TRUE.equals(value(values, CourtProceedings.SUPERVISION_ORDER_DIRECTED.name()))) {
        String decision = text(values, CourtProceedings.SUPERVISION_ORDER_DECISION.name());
        String reasons = text(values, CourtProceedings.SUPERVISION_ORDER_REASONS.name());
        LocalDate due = day(values, CourtProceedings.SUPERVISION_ORDER_DECISION_DUE.name());
        facts.add(new CasePage.Fact("Education supervision order direction (Education Act 1996 s447)",
            decision == null ? "The authority must decide by " + (due == null ? "the day set" : dates.day(due))
                : (CourtProceedings.APPLY.equals(decision) ? "The authority will apply" : "The authority decided not to apply")
                    + (reasons == null || reasons.isBlank() ? "" : ": " + reasons.strip())));
      }
    }
    return new CasePage.CourtView(title, facts, orderMade, orderEnded, orderDischarged);
  }

  /**
   * An education supervision order's extensions (Children Act 1989 Sch 3 para 15), each application
   * with its result, and the day the order now ends.
   */
  private List<CasePage.Fact> extensionFacts(uk.schoolattendance.court.SupervisionOrderExtensions.Order order) {
    List<CasePage.Fact> facts = new ArrayList<>();
    for (uk.schoolattendance.court.SupervisionOrderExtensions.Extension extension : order.extensions()) {
      facts.add(new CasePage.Fact("Extension applied for on " + dates.day(extension.appliedOn()),
          uk.schoolattendance.court.SupervisionOrderExtensions.EXTENDED.equals(extension.result())
              ? "Extended from " + dates.day(extension.endsOnBefore()) + " to " + dates.day(extension.newEndsOn())
                  + " (Children Act 1989 Sch 3 para 15)"
              : "Refused: the order still ends on " + dates.day(extension.endsOnBefore())));
    }
    if (order.dischargedOn() != null && uk.schoolattendance.court.SupervisionOrderExtensions.CARE_ORDER.equals(order.endedBy())) {
      facts.add(new CasePage.Fact("Education supervision order ends on", dates.day(order.dischargedOn())
          + " (a care order was made: Children Act 1989 Sch 3 para 15(6)(b))"));
    } else if (order.dischargedOn() != null) {
      facts.add(new CasePage.Fact("Education supervision order ends on", dates.day(order.dischargedOn())
          + " (discharged by the court, Children Act 1989 Sch 3 para 17)"));
    } else if (order.endsAtCompulsorySchoolAge()) {
      facts.add(new CasePage.Fact("Education supervision order ends on", dates.day(order.endsOn())
          + " (the child ceases to be of compulsory school age: Children Act 1989 Sch 3 para 15(6)(a), Education Act 1996 s8)"));
    } else {
      facts.add(new CasePage.Fact("Education supervision order ends on", dates.day(order.endsOn())
          + (order.endsOn().equals(order.firstEndsOn()) ? "" : " (extended; first made to end on " + dates.day(order.firstEndsOn()) + ")")));
    }
    // the attendance officers' reminder to consider extending it (SupervisionOrderReminder)
    // the engine's dates (its timer, then its task), not today's settings
    uk.schoolattendance.court.SupervisionOrderExtensions.Reminder reminder = order.reminder();
    facts.add(new CasePage.Fact("Reminder to consider extending the order", reminder == null ? "None waiting"
        : reminder.inTasklist() ? "Due now: with the attendance officers in Tasklist since " + dates.day(reminder.inTasklistSince())
            + (reminder.dueOn() == null ? "" : "; the task is due by " + dates.day(reminder.dueOn()))
        : reminder.dueOn() == null ? "Waiting" : "Due on " + dates.day(reminder.dueOn())));
    return facts;
  }

  /**
   * What became of an order that is no longer in force, in a line: "Discharged on 3 May 2027",
   * "Ended: care order made on 31 August 2027", "Ended at the end of compulsory school age on 25 June
   * 2027" or "Ended: its last day was 9 February 2028"; null while it is in force (today is on or
   * before its last day, and it was not discharged).
   */
  private String orderEnded(uk.schoolattendance.court.SupervisionOrderExtensions.Order order) {
    if (order.dischargedOn() != null) {
      return uk.schoolattendance.court.SupervisionOrderExtensions.CARE_ORDER.equals(order.endedBy())
          ? "Ended: care order made on " + dates.day(order.dischargedOn()) : "Discharged on " + dates.day(order.dischargedOn());
    }
    if (!order.endsOn().isBefore(dates.today())) {
      return null;
    }
    return order.endsAtCompulsorySchoolAge() ? "Ended at the end of compulsory school age on " + dates.day(order.endsOn())
        : "Ended: its last day was " + dates.day(order.endsOn());
  }

  /** The steps found so far, each with who did it by name. */
  private final class Steps {
    final List<Step> all = new ArrayList<>();
    final Map<String, String> names;

    Steps(Map<String, String> names) {
      this.names = names;
    }

    Step add(Date at, String title, String who, String text) {
      return add(at == null ? null : at.toInstant(), title, who, text);
    }

    Step add(Instant at, String title, String who, String text) {
      Instant when = at == null ? Instant.EPOCH : at;
      Step step = new Step(when, new CasePage.TimelineEntry(
          dates.moment(when), title,
          who == null ? NOT_RECORDED : who.isEmpty() ? "The system" : names.getOrDefault(who, who),
          text == null ? "" : text, "", ""));
      all.add(step);
      return step;
    }
  }

  /**
   * Completed by a person: not ended by the process (a period's end, a boundary event, a cancelled
   * case), whatever reason the engine gave for that.
   */
  private static boolean done(HistoricTaskInstance task) {
    return task.getEndTime() != null && "completed".equals(task.getDeleteReason());
  }

  private Instant at(LocalDate day) {
    return day.atTime(12, 0).atZone(dates.zone()).toInstant();
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second == null ? "" : Wording.sentence(second) + ".";
    }
    return first + (second == null ? "" : "; " + second) + ".";
  }

  private String pounds(BigDecimal amount) {
    return "£" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static Object value(Map<String, HistoricVariableInstance> values, String name) {
    HistoricVariableInstance variable = values.get(name);
    return variable == null ? null : variable.getValue();
  }

  private static String text(Map<String, HistoricVariableInstance> values, String name) {
    Object value = value(values, name);
    return value == null ? null : value.toString();
  }

  private LocalDate day(Map<String, HistoricVariableInstance> values, String name) {
    return dayOf(value(values, name));
  }

  private LocalDate dayOf(Object value) {
    try {
      return value == null ? null : DateValues.toLocalDate(value, dates.zone());
    } catch (RuntimeException notADay) {
      return null;
    }
  }
}
