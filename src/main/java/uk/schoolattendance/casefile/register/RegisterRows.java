package uk.schoolattendance.casefile.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Sorted by that deadline, soonest first; notices with nothing due last, newest first.
 */
@Component
class RegisterRows {

  /** The most notices one page lists (the CSV has them all). */
  static final int LIMIT = 1000;
  private static final int BATCH = 500;

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

  /** Up to {@link #LIMIT} notices in this state (every state when null), soonest deadline first. */
  List<RegisterRow> rows(String state) {
    return rows(register.search(new RegisterQuery(null, null, null, state, 0, LIMIT)));
  }

  /** Every notice in this state (every state when null), for the CSV export. */
  List<PenaltyNoticeEntry> all(String state) {
    List<PenaltyNoticeEntry> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      List<PenaltyNoticeEntry> batch = register.search(new RegisterQuery(null, null, null, state, page, BATCH));
      all.addAll(batch);
      if (batch.size() < BATCH) {
        return all;
      }
    }
  }

  long count(String state) {
    return register.count(new RegisterQuery(null, null, null, state, 0, 1));
  }

  List<RegisterRow> rows(List<PenaltyNoticeEntry> notices) {
    Map<String, LocalDate> postBy = postBy(notices.stream()
        .filter(notice -> PenaltyNoticeEntry.PREPARED.equals(notice.status()) && notice.processInstanceId() != null)
        .map(PenaltyNoticeEntry::processInstanceId)
        .toList());
    LocalDate today = dates.today();
    return notices.stream()
        .map(notice -> row(notice, postBy.get(notice.processInstanceId()), today))
        .sorted(Comparator.comparing(RegisterRow::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
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

  private RegisterRow row(PenaltyNoticeEntry notice, LocalDate postBy, LocalDate today) {
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
        next = deadline == null ? "Decide on non-payment" : "Decide on non-payment: a prosecution must start by " + dates.day(deadline);
      }
      default -> next = "";
    }
    return new RegisterRow(
        notice.noticeNumber(), NoticePageController.href(notice.noticeNumber()), notice.pupilName(), notice.parentName(),
        notice.schoolUrn(), notice.status(), NoticeWords.state(notice.status()), NoticeWords.tag(notice.status()), next,
        deadline, deadline != null && deadline.isBefore(today), NoticeWords.issuer(notice.issuedBy()),
        notice.beyondLimit(properties.limit()));
  }
}
