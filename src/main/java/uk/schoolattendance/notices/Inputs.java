package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Reads process variables as the notices and court processes need them, refusing bad values
 * with an {@link InvalidInputException} that names the variable (the command rolls back).
 */
public final class Inputs {

  /** A Unique Pupil Number's shape: a check letter, 11 digits, a digit or letter (not I, O, S). */
  public static final java.util.regex.Pattern UPN =
      java.util.regex.Pattern.compile("[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]");

  private Inputs() {}

  /** A required Unique Pupil Number. */
  public static String requiredUpn(VariableScope scope, String name) {
    String upn = requiredText(scope, name, 13);
    if (!UPN.matcher(upn).matches()) {
      throw new InvalidInputException(name, "must be a Unique Pupil Number: a check letter and 12 characters");
    }
    return upn;
  }

  public static String requiredText(VariableScope scope, String name, int maxLength) {
    Object value = scope.getVariable(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidInputException(name, "is required");
    }
    if (text.length() > maxLength) {
      throw new InvalidInputException(name, "must be at most " + maxLength + " characters");
    }
    return text.trim();
  }

  public static String optionalText(VariableScope scope, String name, int maxLength) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String text && text.isBlank())) {
      return null;
    }
    return requiredText(scope, name, maxLength);
  }

  public static String oneOf(VariableScope scope, String name, Set<String> allowed) {
    Object value = scope.getVariable(name);
    if (!(value instanceof String text) || !allowed.contains(text)) {
      throw new InvalidInputException(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return text;
  }

  public static LocalDate requiredDate(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new InvalidInputException(name, "is required (a date, e.g. 2026-11-30)");
    }
    try {
      return DateValues.toLocalDate(value, zone);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "must be a date, e.g. 2026-11-30: " + e.getMessage());
    }
  }

  public static LocalDate optionalDate(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String text && text.isBlank())) {
      return null;
    }
    return requiredDate(scope, name, zone);
  }

  public static Integer optionalCount(VariableScope scope, String name, int max) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
        || number.intValue() < 0 || number.intValue() > max) {
      throw new InvalidInputException(name, "must be a whole number from 0 to " + max);
    }
    return number.intValue();
  }

  /** Pounds as sent (Double, Integer or Long; text is a wrong type like any other), to two decimal places. */
  public static BigDecimal requiredPounds(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    BigDecimal amount;
    try {
      if (value instanceof Number number) {
        amount = new BigDecimal(number.toString());
      } else if (value instanceof String) {
        throw new InvalidInputException(name, "must be a number (an amount in pounds, e.g. 80.00), not text");
      } else {
        throw new InvalidInputException(name, "is required (an amount in pounds, e.g. 80.00)");
      }
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be an amount in pounds, e.g. 80.00");
    }
    if (amount.signum() <= 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException(name, "must be a positive amount in pounds and pence");
    }
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  public static boolean requiredBoolean(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.parseBoolean((String) value);
    }
    throw new InvalidInputException(name, "is required (true or false)");
  }
}
