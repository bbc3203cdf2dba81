package uk.schoolattendance.court;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * At start-up, every education supervision order still in force that has no reminder for its
 * current end gets one ({@link SupervisionOrderReminders#orderInForce}): the orders made before
 * reminders existed, and any whose start was lost. Each in its own transaction; the other node of a
 * cluster doing the same at once is refused by the reminder's key, and that order is left to it.
 */
@Component
public class OrdersInForceReminded {

  private static final Logger LOG = LoggerFactory.getLogger(OrdersInForceReminded.class);

  private final CourtProceedingsRepository proceedings;
  private final SupervisionOrderExtensions extensions;
  private final SupervisionOrderReminders reminders;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final SchoolCalendar calendar;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  public OrdersInForceReminded(CourtProceedingsRepository proceedings, SupervisionOrderExtensions extensions,
      SupervisionOrderReminders reminders, RuntimeService runtime, PlatformTransactionManager transactions,
      SchoolCalendar calendar, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.proceedings = proceedings;
    this.extensions = extensions;
    this.reminders = reminders;
    this.runtime = runtime;
    this.transaction = new TransactionTemplate(transactions);
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  @EventListener
  @Order(40)
  public void onStart(ApplicationReadyEvent event) {
    int started = remindOrdersInForce();
    if (started > 0) {
      LOG.info("Education supervision orders in force without a reminder: {} reminder(s) started", started);
    }
  }

  /** Starts the missing reminders of the orders in force today; returns how many it started. */
  public int remindOrdersInForce() {
    return remindOrdersInForce(null);
  }

  /**
   * The same for the given court proceedings only ({@code null}: all), so that a test reminds its own
   * orders and starts no timers for other tests' orders.
   */
  public int remindOrdersInForce(Collection<String> only) {
    List<String> made = jdbc.queryForList("SELECT process_instance_id FROM court_proceedings WHERE proceedings_type = ?"
            + " AND court_outcome = ? AND order_ends_on IS NOT NULL AND process_instance_id NOT IN"
            + " (SELECT process_instance_id FROM supervision_order_discharge) ORDER BY process_instance_id", String.class,
        CourtProceedings.EDUCATION_SUPERVISION_ORDER, CourtProceedings.EDUCATION_SUPERVISION_ORDER);
    int started = 0;
    for (String id : made) {
      if (only != null && !only.contains(id)) {
        continue;
      }
      try {
        if (Boolean.TRUE.equals(transaction.execute(status -> remind(id)))) {
          started++;
        }
      } catch (DataIntegrityViolationException theOtherNodeFirst) {
        // rolled back, start and all: the other node's reminder is the one
      }
    }
    return started;
  }

  /**
   * In the caller's transaction: the proceedings' row is locked first, as recording an extension or
   * a discharge locks it, so an extension being recorded now is waited for and its new end read,
   * never the old end reminded of beside it.
   */
  private boolean remind(String id) {
    jdbc.queryForList("SELECT process_instance_id FROM court_proceedings WHERE process_instance_id = ? FOR UPDATE", id);
    Integer discharged = jdbc.queryForObject("SELECT COUNT(*) FROM supervision_order_discharge WHERE process_instance_id = ?",
        Integer.class, id);
    if (discharged != null && discharged > 0) {
      return false;
    }
    CourtProceedingsRecord order = proceedings.find(id).orElseThrow();
    LocalDate ends = extensions.extensionsOf(id).stream().filter(e -> SupervisionOrderExtensions.EXTENDED.equals(e.result()))
        .map(SupervisionOrderExtensions.Extension::newEndsOn).reduce((first, second) -> second).orElse(order.orderEndsOn());
    return !ends.isBefore(calendar.today()) && reminders.orderInForce(runtime, order, ends, extensions.bornOf(id));
  }
}
