package uk.schoolattendance.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The one input normaliser: every value a person or a client sends (a process start, a task
 * completion, a message, a body of the project's API, a correction) is trimmed first, then
 * checked, and the normalised value is what is stored and what every later rule reads. A bad
 * value is refused with an {@link InvalidInputException} naming the field and the rule (the
 * command rolls back; the APIs answer 400).
 *
 * <p>The value functions ({@code text(field, raw, …)}) check a raw value; the scope functions
 * ({@code text(scope, variable, …)}) read a variable through its contract, check it and write the
 * normalised value back when it differs (a number sent as text becomes a number, {@code " 100002"}
 * becomes {@code "100002"}, {@code "yes"} becomes {@code true}).
 */
public final class Inputs {

  /** The longest free text a process keeps (a reason, notes): the engine's text column holds 4000. */
  public static final int TEXT_MAX = 4000;

  private static final Pattern URN = Pattern.compile("\\d{6}");

  private Inputs() {}

  // ------------------------------------------------------------------ values

  /** Text, trimmed; null when absent or blank. */
  public static String text(String field, Object raw, int maxLength) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String text)) {
      throw new InvalidInputException(field, "must be text");
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.length() > maxLength) {
      throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  public static String requiredText(String field, Object raw, int maxLength) {
    return required(field, text(field, raw, maxLength), "is required");
  }

  /** One of the allowed values, trimmed; null when absent or blank. */
  public static String oneOf(String field, Object raw, Collection<String> allowed) {
    String value = raw instanceof String ? text(field, raw, 200) : raw == null ? null : String.valueOf(raw);
    if (value != null && !allowed.contains(value)) {
      throw new InvalidInputException(field, "'" + value + "' is not allowed, use one of " + String.join(", ", allowed));
    }
    return value;
  }

  /** A percentage from 0 to 100; null when absent or blank. */
  public static Double percent(String field, Object raw) {
    Double number = number(field, raw);
    if (number != null && (number.isNaN() || number < 0 || number > 100)) {
      throw new InvalidInputException(field, "must be a percentage from 0 to 100 (was " + display(raw) + ")");
    }
    return number;
  }

  /** A whole number from {@code min} to {@code max}; null when absent or blank. */
  public static Integer wholeNumber(String field, Object raw, int min, int max) {
    Double number = number(field, raw);
    if (number == null) {
      return null;
    }
    if (number.isNaN() || number != Math.rint(number) || number < min || number > max) {
      throw new InvalidInputException(
          field, "must be a whole number from " + min + " to " + max + " (was " + display(raw) + ")");
    }
    return number.intValue();
  }

  /** True or false (also "yes"/"no" as radio buttons submit them); null when absent or blank. */
  public static Boolean yesNo(String field, Object raw) {
    if (raw == null || raw instanceof Boolean) {
      return (Boolean) raw;
    }
    if (raw instanceof String text) {
      String value = text.trim().toLowerCase(Locale.ROOT);
      if (value.isEmpty()) {
        return null;
      }
      if (value.equals("true") || value.equals("yes")) {
        return true;
      }
      if (value.equals("false") || value.equals("no")) {
        return false;
      }
    }
    throw new InvalidInputException(field, "must be true or false (was " + display(raw) + ")");
  }

  /** A calendar day from a Date or an ISO-8601 text; null when absent or blank. */
  public static LocalDate day(String field, Object raw, ZoneId zone) {
    if (raw == null || raw instanceof String text && text.isBlank()) {
      return null;
    }
    try {
      return DateValues.toLocalDate(raw instanceof String text ? text.trim() : raw, zone);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "must be a date, e.g. 2026-11-30 (was " + display(raw) + ")");
    }
  }

  /** A positive amount in pounds and pence, exactly as sent (a Double through its decimal text; text is refused). */
  public static BigDecimal pounds(String field, Object raw) {
    BigDecimal amount;
    try {
      if (raw instanceof Double || raw instanceof Float) {
        amount = new BigDecimal(Double.toString(((Number) raw).doubleValue()));
      } else if (raw instanceof Number number) {
        amount = new BigDecimal(number.toString());
      } else if (raw instanceof String text && !text.isBlank()) {
        // text is a wrong type like any other (a payment of "80.00" was accepted: issue #11)
        throw new InvalidInputException(field, "must be a number (an amount in pounds, e.g. 80.00), not text");
      } else if (raw == null || raw instanceof String) {
        return null;
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "must be an amount in pounds, e.g. 80.00");
    }
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException(field, "must be a positive amount in pounds and pence");
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A Unique Pupil Number, trimmed and in capitals, with a valid DfE check letter. */
  public static String upn(String field, Object raw) {
    String upn = requiredText(field, raw, 20).toUpperCase(Locale.ROOT);
    String problem = Upn.problem(upn);
    if (problem != null) {
      throw new InvalidInputException(field, problem);
    }
    return upn;
  }

  /** A school's URN: six digits, trimmed. Whether the authority serves it is the school directory's rule. */
  public static String schoolUrn(String field, Object raw) {
    String urn = requiredText(field, raw, 20);
    if (!URN.matcher(urn).matches()) {
      throw new InvalidInputException(field, "must be the school's 6-digit URN");
    }
    return urn;
  }

  /** Text in a fixed shape (a notice number, a reference), trimmed; null when absent or blank. */
  public static String shaped(String field, Object raw, Pattern shape, String rule) {
    String value = text(field, raw, 64);
    if (value != null && !shape.matcher(value).matches()) {
      throw new InvalidInputException(field, rule);
    }
    return value;
  }

  public static <T> T required(String field, T value, String rule) {
    if (value == null) {
      throw new InvalidInputException(field, rule);
    }
    return value;
  }

  // ------------------------------------------------------------------ variables

  public static String optionalText(VariableScope scope, ProcessVariable<String> variable, int maxLength) {
    return store(scope, variable, text(variable.name(), variable.raw(scope), maxLength));
  }

  public static String requiredText(VariableScope scope, ProcessVariable<String> variable, int maxLength) {
    return required(variable.name(), optionalText(scope, variable, maxLength), "is required");
  }

  /** One of the allowed values; when absent the default is stored, or, without one, it is required. */
  public static String oneOf(
      VariableScope scope, ProcessVariable<String> variable, Collection<String> allowed, String defaultValue) {
    String value = oneOf(variable.name(), variable.raw(scope), allowed);
    if (value == null && defaultValue == null) {
      throw new InvalidInputException(variable.name(), "is required, one of " + String.join(", ", allowed));
    }
    variable.set(scope, value == null ? defaultValue : value);
    return value == null ? defaultValue : value;
  }

  public static String optionalOneOf(VariableScope scope, ProcessVariable<String> variable, Collection<String> allowed) {
    return store(scope, variable, oneOf(variable.name(), variable.raw(scope), allowed));
  }

  public static Double percent(VariableScope scope, ProcessVariable<Double> variable, boolean required) {
    Double value = store(scope, variable, percent(variable.name(), variable.raw(scope)));
    return required ? required(variable.name(), value, "is required, a percentage from 0 to 100") : value;
  }

  /** A whole number; when absent the default is stored, or, without one, it is required. */
  public static Integer wholeNumber(
      VariableScope scope, ProcessVariable<Integer> variable, int min, int max, Integer defaultValue) {
    Integer value = wholeNumber(variable.name(), variable.raw(scope), min, max);
    if (value == null && defaultValue == null) {
      throw new InvalidInputException(variable.name(), "is required, a whole number from " + min + " to " + max);
    }
    return store(scope, variable, value == null ? defaultValue : value);
  }

  public static Integer optionalWholeNumber(VariableScope scope, ProcessVariable<Integer> variable, int min, int max) {
    return store(scope, variable, wholeNumber(variable.name(), variable.raw(scope), min, max));
  }

  public static Boolean yesNo(VariableScope scope, ProcessVariable<Boolean> variable, boolean required) {
    Boolean value = store(scope, variable, yesNo(variable.name(), variable.raw(scope)));
    return required ? required(variable.name(), value, "is required, true or false") : value;
  }

  /** An optional date; a text date is stored back as a Date at the start of its day. */
  public static LocalDate optionalDate(VariableScope scope, ProcessVariable<Date> variable, ZoneId zone) {
    Object raw = variable.raw(scope);
    LocalDate day = day(variable.name(), raw, zone);
    if (!(raw instanceof Date)) {
      store(scope, variable, day == null ? null : DateValues.toDate(day, zone));
    }
    return day;
  }

  public static LocalDate requiredDate(VariableScope scope, ProcessVariable<Date> variable, ZoneId zone) {
    return required(variable.name(), optionalDate(scope, variable, zone), "is required (a date, e.g. 2026-11-30)");
  }

  /**
   * An optional calendar day in law (a Date read in {@code zone}, or an ISO date or date-time), stored
   * as its ISO text (contract: the "Date" columns are calendar days).
   */
  public static LocalDate optionalDay(VariableScope scope, ProcessVariable<LocalDate> variable, ZoneId zone) {
    LocalDate day = day(variable.name(), variable.raw(scope), zone);
    if (day != null || variable.raw(scope) != null) {
      variable.set(scope, day);
    }
    return day;
  }

  public static LocalDate requiredDay(VariableScope scope, ProcessVariable<LocalDate> variable, ZoneId zone) {
    return required(variable.name(), optionalDay(scope, variable, zone), "is required (a date, e.g. 2026-11-30)");
  }

  /** A required amount in pounds, stored back exactly as it was read. */
  public static BigDecimal requiredPounds(VariableScope scope, ProcessVariable<BigDecimal> variable) {
    BigDecimal amount = pounds(variable.name(), variable.raw(scope));
    required(variable.name(), amount, "is required (an amount in pounds, e.g. 80.00)");
    return store(scope, variable, amount);
  }

  public static String upn(VariableScope scope, ProcessVariable<String> variable) {
    return store(scope, variable, upn(variable.name(), variable.raw(scope)));
  }

  public static String schoolUrn(VariableScope scope, ProcessVariable<String> variable) {
    return store(scope, variable, schoolUrn(variable.name(), variable.raw(scope)));
  }

  /** Stores the normalised value; a blank text where a value was optional becomes no value. */
  private static <T> T store(VariableScope scope, ProcessVariable<T> variable, T value) {
    if (value != null || variable.raw(scope) instanceof String blank && blank.isBlank()) {
      variable.set(scope, value);
    }
    return value;
  }

  private static Double number(String field, Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    if (raw instanceof String text) {
      if (text.isBlank()) {
        return null;
      }
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(field, "must be a number (was '" + text + "')");
      }
    }
    throw new InvalidInputException(field, "must be a number (was " + display(raw) + ")");
  }

  private static String display(Object raw) {
    return raw instanceof String text ? "'" + text + "'" : String.valueOf(raw);
  }
}
