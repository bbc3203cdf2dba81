package uk.schoolattendance.court;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Extending an education supervision order, {@code attendance.court.supervision-order-extension}
 * (Children Act 1989 Sch 3 para 15).
 *
 * @param applicationWindowMonths the authority applies within this many months before the order
 *     would end (para 15(3): three)
 * @param maxYears no one extension may be for more than this many years from the order's current end
 *     (para 15(5): three); an order may be extended more than once (para 15(4))
 * @param reminderMonthsBefore the attendance officers are reminded to consider an extension this many
 *     months before the order ends (default: the whole window, three); never more than
 *     {@code applicationWindowMonths}, since no application may be made earlier (para 15(3))
 * @param applyByWeeksBefore the reminder task is due this many weeks before the order's last day (a
 *     local choice, default 6): the court must have extended the order before it ends (para 15(2)),
 *     so an application on the last day is too late; never earlier than the reminder itself
 */
@ConfigurationProperties(prefix = "attendance.court.supervision-order-extension")
public record SupervisionOrderExtensionProperties(Integer applicationWindowMonths, Integer maxYears, Integer reminderMonthsBefore,
    Integer applyByWeeksBefore) {

  public SupervisionOrderExtensionProperties {
    applicationWindowMonths = applicationWindowMonths == null ? 3 : applicationWindowMonths;
    maxYears = maxYears == null ? 3 : maxYears;
    if (applicationWindowMonths < 1 || maxYears < 1) {
      throw new IllegalStateException("attendance.court.supervision-order-extension: application-window-months and max-years"
          + " must be at least 1");
    }
    reminderMonthsBefore = reminderMonthsBefore == null ? applicationWindowMonths : reminderMonthsBefore;
    if (reminderMonthsBefore < 1 || reminderMonthsBefore > applicationWindowMonths) {
      throw new IllegalStateException("attendance.court.supervision-order-extension.reminder-months-before must be from 1 to"
          + " application-window-months (" + applicationWindowMonths + "): no application to extend may be made earlier than"
          + " that before the order ends (Children Act 1989 Sch 3 para 15(3)); was " + reminderMonthsBefore);
    }
    applyByWeeksBefore = applyByWeeksBefore == null ? 6 : applyByWeeksBefore;
    if (applyByWeeksBefore < 1) {
      throw new IllegalStateException("attendance.court.supervision-order-extension.apply-by-weeks-before must be at least 1:"
          + " the court must extend the order before it ends (Children Act 1989 Sch 3 para 15(2)); was " + applyByWeeksBefore);
    }
  }

  public static SupervisionOrderExtensionProperties defaults() {
    return new SupervisionOrderExtensionProperties(null, null, null, null);
  }
}
