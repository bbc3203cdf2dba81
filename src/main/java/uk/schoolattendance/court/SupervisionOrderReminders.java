package uk.schoolattendance.court;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.CompulsorySchoolAge;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * When the attendance officers are reminded to consider extending an education supervision order
 * ({@code supervisionOrderReminders} in bpmn/SupervisionOrderReminder.bpmn), and the one
 * {@link SupervisionOrderReminder} instance of each end of an order. Children Act 1989 Sch 3
 * para 15: the order ends a year after it is made unless extended (15(1), (2)); the authority may
 * apply no earlier than three months before it would expire (15(3)). The reminder comes
 * {@code reminder-months-before} the order's last day (3 unless configured, never earlier than the
 * application window opens) at the calendar's time of day; it goes the day after the last day.
 */
@Component("supervisionOrderReminders")
public class SupervisionOrderReminders {

  private final JdbcTemplate jdbc;
  private final SchoolCalendar calendar;
  private final SupervisionOrderExtensionProperties properties;
  private final CompulsorySchoolAge age;

  public SupervisionOrderReminders(JdbcTemplate jdbc, SchoolCalendar calendar, SupervisionOrderExtensionProperties properties,
      CompulsorySchoolAge age) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.properties = properties;
    this.age = age;
  }

  /**
   * Whether an order ending on {@code endsOn} may still be extended for a child born on {@code born}
   * (null: not known, so it may): not when the child ceases to be of compulsory school age on or
   * before that day, since the order then ceases to have effect whatever the court extends it to
   * (Children Act 1989 Sch 3 para 15(6)(a); Education Act 1996 s8).
   */
  public boolean extendable(LocalDate endsOn, LocalDate born) {
    return born == null || age.endsOn(born).isAfter(endsOn);
  }

  /**
   * The day the reminder of an order ending on {@code endsOn} (its last day) is due: counted, like
   * {@link #windowOpens}, from the day it would expire, the day after its last day.
   */
  public LocalDate remindOn(LocalDate endsOn) {
    return endsOn.plusDays(1).minusMonths(properties.reminderMonthsBefore());
  }

  /**
   * The first day the authority may apply to extend an order whose last day is {@code endsOn}: no
   * earlier than {@code application-window-months} before the date it would expire (para 15(3)). The
   * order runs to the end of its last day, so that date is read as the day after it (the later, safe
   * reading: last day 9 February 2028 gives 10 November 2027; 31 May gives 1 March, never 28 February).
   */
  public LocalDate windowOpens(LocalDate endsOn) {
    return endsOn.plusDays(1).minusMonths(properties.applicationWindowMonths());
  }

  /**
   * The task's due date: the court must have extended the order before it ends (para 15(2)), so the
   * application is due {@code apply-by-weeks-before} weeks before the last day (never before the
   * reminder comes), at the calendar's time of day.
   */
  public java.util.Date applyBy(Object endsOn) {
    LocalDate last = day(endsOn);
    LocalDate applyBy = last.minusWeeks(properties.applyByWeeksBefore());
    LocalDate remindOn = remindOn(last);
    return calendar.atTimeOfDay(applyBy.isBefore(remindOn) ? remindOn : applyBy);
  }

  /** The timer "Reminder due": {@link #remindOn} at the calendar's time of day. */
  public java.util.Date remindAt(Object endsOn) {
    return calendar.atTimeOfDay(remindOn(day(endsOn)));
  }

  /** The timer "Order ended": the day after the order's last day, at the calendar's time of day. */
  public java.util.Date endedAt(Object endsOn) {
    return calendar.atTimeOfDay(day(endsOn).plusDays(1));
  }

  /**
   * Starts the reminder of the order made in these proceedings for its end {@code endsOn}, unless
   * that end has one already (started once ever: the row's key refuses a second, and the start
   * is in the row's transaction). Returns whether it started one. None for an order that cannot be
   * extended because the child, born on {@code born} (null: not known), ceases to be of compulsory
   * school age by then ({@link #extendable}). A reminder model that is not deployed, or suspended,
   * throws, so the row rolls back with the caller's transaction.
   */
  public boolean orderInForce(RuntimeService runtime, CourtProceedingsRecord order, LocalDate endsOn, LocalDate born) {
    if (!extendable(endsOn, born)) {
      return false;
    }
    Integer known = jdbc.queryForObject(
        "SELECT COUNT(*) FROM supervision_order_reminder WHERE process_instance_id = ? AND ends_on = ?", Integer.class,
        order.processInstanceId(), Date.valueOf(endsOn));
    if (known != null && known > 0) {
      return false;
    }
    jdbc.update("INSERT INTO supervision_order_reminder (process_instance_id, ends_on, scheduled_on) VALUES (?, ?, ?)",
        order.processInstanceId(), Date.valueOf(endsOn), Date.valueOf(calendar.today()));
    Map<String, Object> variables = new HashMap<>();
    SupervisionOrderReminder.CASE_REFERENCE.put(variables, order.caseReference());
    SupervisionOrderReminder.PUPIL_UPN.put(variables, order.pupilUpn());
    SupervisionOrderReminder.PUPIL_NAME.put(variables, order.pupilName());
    SupervisionOrderReminder.COURT_PROCEEDINGS_ID.put(variables, order.processInstanceId());
    SupervisionOrderReminder.SUPERVISION_ORDER_ENDS_ON.put(variables, endsOn);
    SupervisionOrderReminder.SUPERVISION_ORDER_ENDS_ON_SHOWN.put(variables, Days.shown(endsOn));
    SupervisionOrderReminder.EXTENSION_WINDOW_OPENS_SHOWN.put(variables,
        Days.shown(windowOpens(endsOn)));
    runtime.createMessageCorrelation(SupervisionOrderReminder.SUPERVISION_ORDER_IN_FORCE.name())
        .processInstanceBusinessKey(order.caseReference()).setVariables(variables).correlateStartMessage();
    return true;
  }

  /** The order was extended: the reminder of its old end goes (if it still waits). */
  public void extended(RuntimeService runtime, String processInstanceId) {
    runtime.createMessageCorrelation(SupervisionOrderReminder.SUPERVISION_ORDER_EXTENDED.name())
        .processInstanceVariableEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), processInstanceId).correlateAll();
  }

  /** The order was discharged: its reminder goes (if it still waits). */
  public void discharged(RuntimeService runtime, String processInstanceId) {
    runtime.createMessageCorrelation(SupervisionOrderReminder.SUPERVISION_ORDER_DISCHARGED.name())
        .processInstanceVariableEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), processInstanceId).correlateAll();
  }

  private LocalDate day(Object value) {
    return DateValues.toLocalDate(value, calendar.properties().zone());
  }
}
