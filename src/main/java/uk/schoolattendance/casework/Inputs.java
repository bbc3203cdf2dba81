package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Reads and checks the variables a person or client submits, refusing bad ones with an
 * {@link InvalidInputException} that names the variable. Values are normalised on the way
 * (a number as Tasklist submits it becomes Integer or Double, "true" becomes true), so the
 * rest of the process sees one type per variable.
 */
public final class Inputs {

  private Inputs() {}

  /**
   * Sets a variable only when its value changes. The engine writes a new history detail (and,
   * for Json, a new byte array) for every {@code setVariable}, even of the same value; a case
   * re-storing what it already holds pays for it in every step (docs/benchmarks.md).
   */
  public static void store(VariableScope scope, String name, Object value) {
    if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }

  public static String requiredText(VariableScope scope, String name, int maxLength) {
    String value = optionalText(scope, name, maxLength);
    if (value == null) {
      throw new InvalidInputException(name, "is required");
    }
    return value;
  }

  public static String optionalText(VariableScope scope, String name, int maxLength) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidInputException(name, "must be text");
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.length() > maxLength) {
      throw new InvalidInputException(name, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  public static String oneOf(VariableScope scope, String name, List<String> allowed, String defaultValue) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (defaultValue == null) {
        throw new InvalidInputException(name, "is required, one of " + String.join(", ", allowed));
      }
      store(scope, name, defaultValue);
      return defaultValue;
    }
    if (!(value instanceof String text) || !allowed.contains(text.trim())) {
      throw new InvalidInputException(
          name, "'" + value + "' is not allowed, use one of " + String.join(", ", allowed));
    }
    if (!text.equals(text.trim())) {
      scope.setVariable(name, text.trim());
    }
    return text.trim();
  }

  public static double percent(VariableScope scope, String name, boolean required) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw new InvalidInputException(name, "is required, a percentage from 0 to 100");
      }
      return Double.NaN;
    }
    double number = number(name, value);
    if (Double.isNaN(number) || number < 0 || number > 100) {
      throw new InvalidInputException(name, "must be a percentage from 0 to 100 (was " + value + ")");
    }
    store(scope, name, number);
    return number;
  }

  public static Integer integer(VariableScope scope, String name, int min, int max, Integer defaultValue) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (defaultValue == null) {
        throw new InvalidInputException(name, "is required, a whole number from " + min + " to " + max);
      }
      store(scope, name, defaultValue);
      return defaultValue;
    }
    double number = number(name, value);
    if (number != Math.rint(number) || number < min || number > max) {
      throw new InvalidInputException(
          name, "must be a whole number from " + min + " to " + max + " (was " + value + ")");
    }
    int result = (int) number;
    store(scope, name, result);
    return result;
  }

  public static Boolean bool(VariableScope scope, String name, boolean required) {
    Object value = scope.getVariable(name);
    Boolean result = null;
    if (value instanceof Boolean b) {
      result = b;
    } else if (value instanceof String s && !s.isBlank()) {
      if ("true".equalsIgnoreCase(s.trim()) || "yes".equalsIgnoreCase(s.trim())) {
        result = true;
      } else if ("false".equalsIgnoreCase(s.trim()) || "no".equalsIgnoreCase(s.trim())) {
        result = false;
      } else {
        throw new InvalidInputException(name, "must be true or false (was '" + s + "')");
      }
    } else if (value != null && !(value instanceof String)) {
      throw new InvalidInputException(name, "must be true or false (was " + value + ")");
    }
    if (result == null) {
      if (required) {
        throw new InvalidInputException(name, "is required, true or false");
      }
      return null;
    }
    store(scope, name, result);
    return result;
  }

  /** An optional date (a Date or an ISO-8601 string as Tasklist submits it), stored back as a Date. */
  public static LocalDate optionalDate(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    LocalDate day;
    try {
      day = DateValues.toLocalDate(value, zone);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "must be a date, e.g. 2026-11-30 (was '" + value + "')");
    }
    if (!(value instanceof Date)) {
      scope.setVariable(name, DateValues.toDate(day, zone));
    }
    return day;
  }

  private static double number(String name, Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(name, "must be a number (was '" + s + "')");
      }
    }
    throw new InvalidInputException(name, "must be a number (was " + value + ")");
  }
}
