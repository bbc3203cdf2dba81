package uk.schoolattendance.casefile.register;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.notices.RegisterQuery;

/**
 * The register's notices for its page, each with what is due next and by when: a prepared
 * notice must be posted by its task's due date; an issued one paid by the reduced, then the final
 * deadline; an unpaid one decided on before the time limit for laying an information runs out.
 * The database sorts them by that deadline, soonest first; notices with nothing due last, newest
 * first ({@link PenaltyNoticeRegister#byDeadline}), and pages them.
 */
@Component
class RegisterRows {

  /** The notices one page of the register lists. */
  static final int PAGE_SIZE = 100;

  private final PenaltyNoticeRegister register;
  private final TaskService taskService;
  private final UkDates dates;
  private final PenaltyNoticeProperties properties;

  RegisterRows(PenaltyNoticeRegister register, TaskService taskService, UkDates dates, PenaltyNoticeProperties properties) {
    this.properties = properties;
    this.register = register;
    this.taskService = taskService;
    this.dates = dates;
  }

  /**
   * Page {@code page} (from 0) of {@link #PAGE_SIZE} notices matching the filters, soonest
   * deadline first (the register's order: {@link PenaltyNoticeRegister#byDeadline}).
   */
  List<RegisterRow> page(String state, String search, int page) {
    return rows(register.byDeadline(RegisterQuery.ofPage(state, search, page, PAGE_SIZE), dates.today()));
  }

  /**
   * Page {@code page} (from 0) of {@link #PAGE_SIZE} letters to post, for the print queue: the
   * prepared notices within the limit, soonest due first (the register's order).
   */
  List<RegisterRow> lettersToPost(int page) {
    return rows(register.byDeadline(RegisterQuery.ofPrintQueue(false, properties.limit(), page, PAGE_SIZE), dates.today()));
  }

  /** How many letters wait to be posted: the prepared notices within the limit (every page of the print queue). */
  long countLettersToPost() {
    return register.count(RegisterQuery.ofPrintQueue(false, properties.limit(), 0, 1));
  }

  /**
   * The first {@link #PAGE_SIZE} prepared notices beyond the limit (held back: not to be printed),
   * soonest due first. Usually few (a notice recorded late moves one there), but a lowered {@code
   * attendance.penalty-notices.limit} can hold back most of them: bounded, with {@link
   * #countHeldBack} for the rest.
   */
  List<RegisterRow> heldBack() {
    return rows(register.byDeadline(RegisterQuery.ofPrintQueue(true, properties.limit(), 0, PAGE_SIZE), dates.today()));
  }

  /** How many prepared notices are held back beyond the limit, listed or not. */
  long countHeldBack() {
    return register.count(RegisterQuery.ofPrintQueue(true, properties.limit(), 0, 1));
  }

  /** Every notice matching the filters, in the page's order, one at a time: for the CSV export. */
  void each(String state, String search, Consumer<NoticeCsv.Line> each) {
    register.eachByDeadlineWithRefunds(RegisterQuery.ofPage(state, search, 0, Integer.MAX_VALUE), dates.today(),
        (notice, refund) -> each.accept(new NoticeCsv.Line(notice, refund)));
  }

  long count(String state, String search) {
    return register.count(RegisterQuery.ofPage(state, search, 0, 1));
  }

  List<RegisterRow> rows(List<PenaltyNoticeEntry> notices) {
    Map<String, LocalDate> postBy = postBy(notices.stream()
        .filter(notice -> PenaltyNoticeEntry.PREPARED.equals(notice.status()) && notice.processInstanceId() != null)
        .map(PenaltyNoticeEntry::processInstanceId)
        .toList());
    LocalDate today = dates.today();
    // paid notices with money still owed back to the payer (an overpayment): one query for the page
    Map<String, java.math.BigDecimal> refunds = register.refundsOwed(notices.stream()
        .filter(notice -> PenaltyNoticeEntry.PAID.equals(notice.status()) || PenaltyNoticeEntry.WITHDRAWN.equals(notice.status()))
        .map(PenaltyNoticeEntry::noticeNumber)
        .toList());
    return notices.stream()
        .map(notice -> row(notice, postBy.get(notice.processInstanceId()), today, refunds.get(notice.noticeNumber())))
        .toList();
  }

  /** The day each prepared notice's "Post or hand over the notice" task is due, by process instance. */
  private Map<String, LocalDate> postBy(List<String> processInstanceIds) {
    Map<String, LocalDate> due = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return due;
    }
    for (Task task :
        taskService.createTaskQuery()
            .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
            .taskDefinitionKey(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id())
            .listPage(0, processInstanceIds.size())) {
      if (task.getDueDate() != null) {
        due.put(task.getProcessInstanceId(), dates.localDay(task.getDueDate().toInstant()));
      }
    }
    return due;
  }

  private RegisterRow row(PenaltyNoticeEntry notice, LocalDate postBy, LocalDate today, java.math.BigDecimal refundDue) {
    LocalDate deadline = null;
    String next = "";
    switch (notice.status()) {
      case PenaltyNoticeEntry.PREPARED -> {
        deadline = postBy;
        next = postBy == null ? "Post or hand over" : "Post or hand over by " + dates.day(postBy);
      }
      case PenaltyNoticeEntry.ISSUED -> {
        // the notice's own terms decide what is due next (the reduced amount while it applies)
        List<PenaltyNoticeEntry.AmountDue> due = notice.amountsDueFrom(today);
        deadline = due.isEmpty() ? notice.finalDeadline() : due.get(0).by();
        next = due.isEmpty()
            ? (deadline == null ? "" : "The time to pay ended on " + dates.day(deadline))
            : NoticeWords.pounds(due.get(0).amount()) + " due by " + dates.day(deadline);
      }
      case PenaltyNoticeEntry.UNPAID -> {
        deadline = notice.informationDeadline();
        String passed = NoticeWords.timeLimitPassed(notice, today, dates.day(deadline));
        next = passed != null ? passed
            : deadline == null ? "Decide on non-payment" : "Decide on non-payment: a prosecution must start by " + dates.day(deadline);
      }
      case PenaltyNoticeEntry.WITHDRAWN -> next = PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy())
          || notice.withdrawnOn() == null ? "" : "Withdrawn by its issuer on " + dates.day(notice.withdrawnOn());
      default -> next = "";
    }
    if (refundDue != null) {
      next = next.isEmpty() ? "Refund due: " + NoticeWords.pounds(refundDue) : next + ". Refund due: " + NoticeWords.pounds(refundDue);
    }
    return new RegisterRow(
        notice.noticeNumber(), NoticePageController.href(notice.noticeNumber()), notice.pupilName(), notice.parentName(),
        notice.schoolUrn(), notice.status(), NoticeWords.state(notice), NoticeWords.tag(notice.status()), next,
        deadline, deadline != null && deadline.isBefore(today), NoticeWords.issuer(notice.issuedBy()),
        notice.beyondLimit(properties.limit()));
  }
}
