package uk.schoolattendance.process;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Calendar days in law (deadlines, offence periods, receipt, hearings) as people read them:
 * {@code 28 May 2027}. A day is stored as its ISO text ({@link VariableType#DAY}); a form shows
 * it in a disabled field bound to a text variable holding this display value (forms never
 * interpolate values into text), and letters print it the same way.
 */
public final class Days {

  /** The UK way of writing a day in letters and forms: 28 May 2027. */
  public static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private Days() {}

  /** The day as people read it, or null. */
  public static String shown(LocalDate day) {
    return day == null ? null : UK.format(day);
  }

  /** A period as people read it: "1 September 2026 to 16 October 2026" (null when either end is). */
  public static String shown(LocalDate from, LocalDate to) {
    return from == null || to == null ? null : shown(from) + " to " + shown(to);
  }

  /** Sets a day variable and the text variable a form shows it in. */
  public static void set(VariableScope scope, ProcessVariable<LocalDate> day, ProcessVariable<String> shownIn, LocalDate value) {
    day.set(scope, value);
    shownIn.set(scope, shown(value));
  }
}
