package uk.schoolattendance.court;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.process.AsTheApplication;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.CompulsorySchoolAge;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.security.CurrentUser;

/**
 * Extensions of an education supervision order (Children Act 1989 Sch 3 para 15): the order lasts
 * one year from the day it is made (para 15(1)); the court may extend it on the authority's
 * application (para 15(2)) made in the three months before it would end (para 15(3)), by up to
 * three years at a time (para 15(5)), more than once (para 15(4)); it ends when the child ceases to
 * be of compulsory school age (para 15(6)). A senior practitioner records
 * each application with its result; the order's current end is the last extension's new end.
 */
@Component
public class SupervisionOrderExtensions {

  public static final String EXTENDED = "extended";
  public static final String REFUSED = "refused";
  public static final List<String> RESULTS = List.of(EXTENDED, REFUSED);
  /** The court discharged the order (Children Act 1989 Sch 3 para 17(1)). */
  public static final String DISCHARGE = "discharge";
  /** A care order was made with respect to the child: the order ceased to have effect (para 15(6)(b)). */
  public static final String CARE_ORDER = "care-order";
  /** Why an order ended before its time, as recorded with {@link #discharge}. */
  public static final List<String> ENDED_BY = List.of(DISCHARGE, CARE_ORDER);

  /** One application to extend the order and its result. */
  public record Extension(
      long id, LocalDate appliedOn, LocalDate endsOnBefore, String result, LocalDate newEndsOn, String recordedBy,
      LocalDate recordedOn) {}

  /**
   * An order the family court made on the authority's application, with its end now, its extensions,
   * the day the court discharged it (null while it was not), why ({@code endedBy}: {@link #DISCHARGE} or
   * {@link #CARE_ORDER}; null while it was not) and its reminder (null when none waits).
   * {@code compulsorySchoolAgeEndsOn}: the last day of the child's compulsory school age, when the
   * date of birth is known (else null); the order ceases then if not before (para 15(6)(a)), so
   * {@code endsOn} is never later.
   */
  public record Order(
      String processInstanceId, String caseReference, String pupilName, LocalDate madeOn, LocalDate firstEndsOn,
      LocalDate endsOn, List<Extension> extensions, LocalDate dischargedOn, Reminder reminder,
      LocalDate compulsorySchoolAgeEndsOn, String endedBy) {

    /**
     * Whether the order is cut short, before the end the court gave it, because the child ceases
     * to be of compulsory school age (para 15(6)(a)).
     */
    public boolean endsAtCompulsorySchoolAge() {
      LocalDate given = extensions.stream().filter(e -> EXTENDED.equals(e.result())).map(Extension::newEndsOn)
          .reduce((first, second) -> second).orElse(firstEndsOn);
      return dischargedOn == null && compulsorySchoolAgeEndsOn != null && compulsorySchoolAgeEndsOn.equals(endsOn)
          && given.isAfter(endsOn);
    }
  }

  /**
   * The waiting reminder to consider extending the order, as the engine holds it (not as the settings
   * would compute it today: a reminder scheduled before a council changed them keeps its day).
   * While it waits, {@code dueOn} is the Europe/London day of its "Reminder due" timer; once it is in
   * Tasklist ({@code inTasklist}), the task's due date (null if it has none), and
   * {@code inTasklistSince} the day the task was made (null while it waits).
   */
  public record Reminder(LocalDate dueOn, boolean inTasklist, LocalDate inTasklistSince) {}

  /**
   * How many times recording a discharge or an extension is tried when the engine meets a
   * concurrent change of the same reminder (its timer firing at that moment): each try is a new
   * transaction, so a failed one leaves nothing recorded.
   */
  static final int ATTEMPTS = 3;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SupervisionOrderExtensions.class);

  private final JdbcTemplate jdbc;
  private final CourtProceedingsRepository proceedings;
  private final SupervisionOrderExtensionProperties properties;
  private final SchoolCalendar calendar;
  private final CurrentUser currentUser;
  private final HistoryService history;
  private final CompulsorySchoolAge age;
  private final SupervisionOrderReminders reminders;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final TransactionTemplate transactions;

  public SupervisionOrderExtensions(JdbcTemplate jdbc, CourtProceedingsRepository proceedings,
      SupervisionOrderExtensionProperties properties, SchoolCalendar calendar, CurrentUser currentUser,
      HistoryService history, CompulsorySchoolAge age, SupervisionOrderReminders reminders, RuntimeService runtime,
      TaskService tasks, IdentityService identity, ManagementService management, PlatformTransactionManager transactionManager) {
    this.management = management;
    this.transactions = new TransactionTemplate(transactionManager);
    this.reminders = reminders;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.history = history;
    this.age = age;
    this.jdbc = jdbc;
    this.proceedings = proceedings;
    this.properties = properties;
    this.calendar = calendar;
    this.currentUser = currentUser;
  }

  /** The education supervision orders made in the case's proceedings, each with its current end. */
  public List<Order> ordersOf(String caseReference) {
    return proceedings.forCase(caseReference).stream()
        .filter(SupervisionOrderExtensions::isOrder)
        .map(this::order)
        .sorted(Comparator.comparing(Order::madeOn, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  /** The order of these proceedings, if the court made one. */
  public Optional<Order> orderOf(String processInstanceId) {
    return proceedings.find(processInstanceId).filter(SupervisionOrderExtensions::isOrder).map(this::order);
  }

  /**
   * Records an application to extend the case's order in force and its result: {@code extended}
   * with the new end ({@code newEndsOn}), or {@code refused}. Refused, changing nothing, for anyone
   * but a senior practitioner, for a case with no order in force, for an application outside the
   * order's last months ({@code attendance.court.supervision-order-extension.application-window-months})
   * or in the future, for a new end not after the current one, more than {@code max-years} after
   * it (para 15(5)) or after the child ceases to be of compulsory school age (para 15(6)). The
   * order extended is the one whose last months hold {@code appliedOn}, even when it has ended
   * since. Applications for one case are recorded one at a time (the proceedings' rows are locked).
   * Tried again, in a new transaction, when the reminder's timer fires at the same moment ({@link #retried}).
   */
  public Order record(String caseReference, Object appliedOnRaw, Object resultRaw, Object newEndsOnRaw) {
    return retried(() -> recordOnce(caseReference, appliedOnRaw, resultRaw, newEndsOnRaw));
  }

  private Order recordOnce(String caseReference, Object appliedOnRaw, Object resultRaw, Object newEndsOnRaw) {
    if (!currentUser.extendsSupervisionOrders()) {
      throw new AuthorizationException(
          "recording an extension of an education supervision order is for senior practitioners");
    }
    if (caseReference == null || proceedings.forCase(caseReference).isEmpty()) {
      throw new NotFoundException("no court proceedings for case " + caseReference);
    }
    // one application at a time per case: a second waits here and then chains on the first's new end
    jdbc.queryForList("SELECT process_instance_id FROM court_proceedings WHERE case_reference = ? FOR UPDATE", caseReference);
    List<Order> orders = ordersOf(caseReference).stream().filter(o -> o.dischargedOn() == null).toList();
    LocalDate today = calendar.today();
    if (orders.isEmpty()) {
      throw new InvalidInputException("caseReference", "the case has no education supervision order in force to extend");
    }
    LocalDate appliedOn = uk.schoolattendance.process.Inputs.required("appliedOn",
        uk.schoolattendance.process.Inputs.day("appliedOn", appliedOnRaw, calendar.properties().zone()),
        "is required: the day the authority applied to the court (e.g. 2028-01-20)");
    // the order whose last months hold the application, even if it has ended since (para 15(2) asks
    // the court to extend before expiry, not the recording); otherwise the latest, to name its window
    Order order = orders.stream().filter(o -> !appliedOn.isBefore(windowOpens(o)) && !appliedOn.isAfter(o.endsOn()))
        .reduce((first, second) -> second).orElse(orders.get(orders.size() - 1));
    LocalDate ends = order.endsOn();
    LocalDate windowOpens = windowOpens(order);
    if (appliedOn.isBefore(windowOpens) || appliedOn.isAfter(ends)) {
      throw new InvalidInputException("appliedOn", "an application to extend the order is made in the "
          + properties.applicationWindowMonths() + " months before it ends (Children Act 1989 Sch 3 para 15(3)): from "
          + Days.shown(windowOpens) + " to " + Days.shown(ends) + ", not " + Days.shown(appliedOn));
    }
    if (appliedOn.isAfter(today)) {
      throw new InvalidInputException("appliedOn", "must not be in the future (today is " + Days.shown(today) + ")");
    }
    String result = uk.schoolattendance.process.Inputs.required("result",
        uk.schoolattendance.process.Inputs.oneOf("result", resultRaw, RESULTS), "is required: " + String.join(" or ", RESULTS));
    LocalDate newEndsOn = uk.schoolattendance.process.Inputs.day("newEndsOn", newEndsOnRaw, calendar.properties().zone());
    if (EXTENDED.equals(result)) {
      uk.schoolattendance.process.Inputs.required("newEndsOn", newEndsOn, "is required with an extension: the day the order now ends");
      LocalDate latest = ends.plusYears(properties.maxYears());
      if (!newEndsOn.isAfter(ends)) {
        throw new InvalidInputException("newEndsOn", "must be after the order's current end, " + Days.shown(ends));
      }
      if (newEndsOn.isAfter(latest)) {
        throw new InvalidInputException("newEndsOn", "no one extension may be for more than " + properties.maxYears()
            + " years (Children Act 1989 Sch 3 para 15(5)): at the latest " + Days.shown(latest) + ", not " + Days.shown(newEndsOn));
      }
      LocalDate born = bornOf(order.processInstanceId());
      if (born != null && newEndsOn.isAfter(age.endsOn(born))) {
        throw new InvalidInputException("newEndsOn", "the order ends when the child ceases to be of compulsory school age,"
            + " on " + Days.shown(age.endsOn(born)) + " (Children Act 1989 Sch 3 para 15(6); Education Act 1996 s8): not "
            + Days.shown(newEndsOn));
      }
    } else if (newEndsOn != null) {
      throw new InvalidInputException("newEndsOn", "is given only when the court extended the order; a refused application leaves it ending on "
          + Days.shown(ends));
    }
    jdbc.update("INSERT INTO supervision_order_extension (process_instance_id, applied_on, ends_on_before, result, new_ends_on,"
            + " recorded_by, recorded_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
        order.processInstanceId(), Date.valueOf(appliedOn), Date.valueOf(ends), result,
        newEndsOn == null ? null : Date.valueOf(newEndsOn), currentUser.userId(), Date.valueOf(today));
    if (EXTENDED.equals(result)) {
      // the reminder moves with the end: the old end's goes, the new end gets its own (once)
      CourtProceedingsRecord made = proceedings.find(order.processInstanceId()).orElseThrow();
      AsTheApplication.call(identity, () -> {
        reminders.extended(runtime, order.processInstanceId());
        return !newEndsOn.isBefore(today) && reminders.orderInForce(runtime, made, newEndsOn, bornOf(order.processInstanceId())); // a new end already past: none
      });
    }
    return orderOf(order.processInstanceId()).orElseThrow();
  }

  /**
   * Records the family court's discharge of the case's order in force (Children Act 1989 Sch 3
   * para 17(1)) on {@code dischargedOn}: the order ends, and its reminder with it. Refused, changing
   * nothing, for anyone but a senior practitioner, for a case with no order, for a day in the future
   * or before the order was made, and for an order already discharged or ended by then (its last
   * day, or the day the child ceased to be of compulsory school age: para 15(6)(a)). Tried again, in
   * a new transaction, when the reminder's timer fires at the same moment ({@link #retried}): the
   * discharge is recorded once.
   */
  public Order discharge(String caseReference, Object dischargedOnRaw) {
    return discharge(caseReference, dischargedOnRaw, null);
  }

  /**
   * As {@link #discharge(String, Object)}, saying why the order ended on that day: {@code endedBy}
   * {@link #DISCHARGE} (the default: the court discharged it, para 17(1)) or {@link #CARE_ORDER} (a
   * care order was made with respect to the child, para 15(6)(b)).
   */
  public Order discharge(String caseReference, Object dischargedOnRaw, Object endedByRaw) {
    return retried(() -> dischargeOnce(caseReference, dischargedOnRaw, endedByRaw));
  }

  /**
   * Runs {@code work} in a transaction of its own; if the engine meets a concurrent change of the
   * reminder instance (an {@link OptimisticLockingException}: its timer fired while the discharge or
   * extension was told to it), the whole transaction rolls back, the row written with it too, and
   * the work is tried again from the start, up to {@link #ATTEMPTS} times: the person's action
   * succeeds, and is recorded once. Inside a caller's transaction it runs once (that transaction
   * cannot be retried from here).
   */
  <T> T retried(java.util.function.Supplier<T> work) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return work.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> work.get());
      } catch (OptimisticLockingException conflict) {
        if (attempt >= ATTEMPTS) {
          throw conflict;
        }
        LOG.info("The supervision order reminder was changed by another transaction (its timer firing, say); nothing was recorded;"
            + " trying again ({} of {}): {}", attempt + 1, ATTEMPTS, conflict.getMessage());
      }
    }
  }

  private Order dischargeOnce(String caseReference, Object dischargedOnRaw, Object endedByRaw) {
    if (!currentUser.extendsSupervisionOrders()) {
      throw new AuthorizationException("recording the discharge of an education supervision order is for senior practitioners");
    }
    if (caseReference == null || proceedings.forCase(caseReference).isEmpty()) {
      throw new NotFoundException("no court proceedings for case " + caseReference);
    }
    jdbc.queryForList("SELECT process_instance_id FROM court_proceedings WHERE case_reference = ? FOR UPDATE", caseReference);
    LocalDate dischargedOn = uk.schoolattendance.process.Inputs.required("dischargedOn",
        uk.schoolattendance.process.Inputs.day("dischargedOn", dischargedOnRaw, calendar.properties().zone()),
        "is required: the day the court discharged the order (e.g. 2027-06-14)");
    String endedBy = uk.schoolattendance.process.Inputs.oneOf("endedBy", endedByRaw, ENDED_BY);
    endedBy = endedBy == null ? DISCHARGE : endedBy;
    LocalDate today = calendar.today();
    if (dischargedOn.isAfter(today)) {
      throw new InvalidInputException("dischargedOn", "must not be in the future (today is " + Days.shown(today) + ")");
    }
    List<Order> orders = ordersOf(caseReference);
    if (orders.isEmpty()) {
      throw new InvalidInputException("dischargedOn", "the case has no education supervision order to discharge");
    }
    // the latest order made by that day: an earlier day is before any order was made
    Order order = orders.stream().filter(o -> o.madeOn() == null || !dischargedOn.isBefore(o.madeOn())).reduce((first, second) -> second)
        .orElseThrow(() -> new InvalidInputException("dischargedOn", "the day of the discharge, " + Days.shown(dischargedOn)
            + ", is before the order was made on " + Days.shown(orders.get(0).madeOn())));
    if (order.dischargedOn() != null) {
      throw new InvalidInputException("dischargedOn", "the order was already discharged on " + Days.shown(order.dischargedOn()));
    }
    if (dischargedOn.isAfter(order.endsOn())) {
      throw new InvalidInputException("dischargedOn", "the order had already ended on " + Days.shown(order.endsOn())
          + (order.endsAtCompulsorySchoolAge()
              ? ", when the child ceased to be of compulsory school age (Children Act 1989 Sch 3 para 15(6)(a))" : "")
          + ": there is nothing to discharge on " + Days.shown(dischargedOn));
    }
    jdbc.update("INSERT INTO supervision_order_discharge (process_instance_id, discharged_on, recorded_by, recorded_on, ended_by)"
        + " VALUES (?, ?, ?, ?, ?)", order.processInstanceId(), Date.valueOf(dischargedOn), currentUser.userId(), Date.valueOf(today),
        endedBy);
    AsTheApplication.call(identity, () -> {
      reminders.discharged(runtime, order.processInstanceId());
      return null;
    });
    return orderOf(order.processInstanceId()).orElseThrow();
  }

  /**
   * The first day an application may be made: three months before the day the order would
   * otherwise expire (para 15(3)), the day after its last day ({@link SupervisionOrderReminders#windowOpens}).
   */
  private LocalDate windowOpens(Order order) {
    return reminders.windowOpens(order.endsOn());
  }

  /** The pupil's date of birth as the proceedings were given it, or null. */
  LocalDate bornOf(String processInstanceId) {
    HistoricVariableInstance born = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(CourtProceedings.PUPIL_DATE_OF_BIRTH.name()).disableCustomObjectDeserialization().listPage(0, 1).stream()
        .findFirst().orElse(null);
    return born == null ? null : uk.schoolattendance.process.Inputs.day(
        CourtProceedings.PUPIL_DATE_OF_BIRTH.name(), born.getValue(), calendar.properties().zone());
  }

  static boolean isOrder(CourtProceedingsRecord record) {
    return CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(record.proceedingsType())
        && CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(record.courtOutcome()) && record.orderEndsOn() != null;
  }

  private Order order(CourtProceedingsRecord record) {
    List<Extension> extensions = extensionsOf(record.processInstanceId());
    LocalDate ends = extensions.stream().filter(e -> EXTENDED.equals(e.result())).map(Extension::newEndsOn)
        .reduce((first, second) -> second).orElse(record.orderEndsOn());
    java.util.Map.Entry<LocalDate, String> ended = jdbc.query(
        "SELECT discharged_on, ended_by FROM supervision_order_discharge WHERE process_instance_id = ?",
        (rs, n) -> java.util.Map.entry(rs.getDate(1).toLocalDate(), rs.getString(2)), record.processInstanceId())
        .stream().findFirst().orElse(null);
    LocalDate discharged = ended == null ? null : ended.getKey();
    // the order ceases when the child ceases to be of compulsory school age (para 15(6)(a))
    LocalDate born = bornOf(record.processInstanceId());
    LocalDate endsNow = age.orderEndsOn(ends, born);
    return new Order(record.processInstanceId(), record.caseReference(), record.pupilName(), record.hearingDate(),
        record.orderEndsOn(), discharged == null ? endsNow : discharged, extensions, discharged, reminder(record.processInstanceId()),
        born == null ? null : age.endsOn(born), ended == null ? null : ended.getValue());
  }

  /** The order's waiting reminder, read as the application (the case page's viewer reads the order). */
  private Reminder reminder(String processInstanceId) {
    return AsTheApplication.call(identity, () -> {
      ProcessInstance waiting = runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
          .variableValueEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), processInstanceId).active()
          .listPage(0, 1).stream().findFirst().orElse(null);
      if (waiting == null) {
        return null;
      }
      // the engine's own dates: the settings may have changed since this reminder was scheduled
      org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceId(waiting.getId())
          .taskDefinitionKey(SupervisionOrderReminder.CONSIDER_EXTENDING.id()).listPage(0, 1).stream().findFirst().orElse(null);
      if (task != null) {
        return new Reminder(londonDay(task.getDueDate()), true, londonDay(task.getCreateTime()));
      }
      java.util.Date timer = management.createJobQuery().processInstanceId(waiting.getId())
          .activityId(SupervisionOrderReminder.REMINDER_DUE).timers().listPage(0, 1).stream().findFirst()
          .map(org.camunda.bpm.engine.runtime.Job::getDuedate).orElse(null);
      return new Reminder(londonDay(timer), false, null);
    });
  }

  /** The calendar day (Europe/London, {@code attendance.calendar.zone}) of an engine date, or null. */
  private LocalDate londonDay(java.util.Date date) {
    return date == null ? null : date.toInstant().atZone(calendar.properties().zone()).toLocalDate();
  }

  /** The applications to extend the order of these proceedings, oldest first. */
  public List<Extension> extensionsOf(String processInstanceId) {
    return jdbc.query("SELECT * FROM supervision_order_extension WHERE process_instance_id = ? ORDER BY extension_id",
        (rs, n) -> new Extension(rs.getLong("extension_id"), rs.getDate("applied_on").toLocalDate(),
            rs.getDate("ends_on_before").toLocalDate(), rs.getString("result"),
            rs.getDate("new_ends_on") == null ? null : rs.getDate("new_ends_on").toLocalDate(), rs.getString("recorded_by"),
            rs.getDate("recorded_on").toLocalDate()),
        processInstanceId);
  }
}
