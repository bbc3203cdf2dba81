package uk.schoolattendance.process;

import java.time.LocalDate;

/**
 * The time limit of a prosecution (Magistrates' Courts Act 1980 s127): the information must be
 * laid within {@code limitMonths} (6, configurable) of the offence period's last day. One rule for
 * the case's legal route, the court proceedings and the notices' decision dates.
 */
public final class ProsecutionTimeLimit {

  private ProsecutionTimeLimit() {}

  /** The last day the information may be laid for an offence ending {@code offenceTo}. */
  public static LocalDate informationDeadline(LocalDate offenceTo, int limitMonths) {
    return offenceTo.plusMonths(limitMonths);
  }

  /**
   * Whether the time limit has passed on {@code today}: the deadline is the last day an information
   * may be laid, so it passes only the day after. The one rule for refusing a prosecution and for
   * saying one is no longer possible.
   */
  public static boolean passed(LocalDate deadline, LocalDate today) {
    return today.isAfter(deadline);
  }

  /** The deadline, or refused naming {@code field} when {@code today} is past it. */
  public static LocalDate requireInTime(String field, LocalDate offenceTo, int limitMonths, LocalDate today) {
    LocalDate deadline = informationDeadline(offenceTo, limitMonths);
    if (passed(deadline, today)) {
      throw new InvalidInputException(
          field,
          "a prosecution for an offence ending " + Days.shown(offenceTo) + " is time-barred: the information had to be laid by "
              + Days.shown(deadline) + " (Magistrates' Courts Act 1980 s127)");
    }
    return deadline;
  }
}
