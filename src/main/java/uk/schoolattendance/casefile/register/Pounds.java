package uk.schoolattendance.casefile.register;

import java.math.BigDecimal;
import java.util.List;
import uk.schoolattendance.casefile.FieldError;

/** An amount of money as a person types it ("80", "80.00", "£80.00"). */
final class Pounds {

  private Pounds() {}

  /**
   * The amount typed in the field {@code field}, positive, in pounds and pence; null (with the
   * error added) when it is not one. Blank is null with no error unless {@code required}.
   */
  static BigDecimal read(String raw, String field, String what, boolean required, List<FieldError> errors) {
    String text = raw == null ? "" : raw.strip().replace("£", "").replace(",", "").strip();
    if (text.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, "Enter " + what));
      }
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(text);
      if (amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    errors.add(new FieldError(field, capitalised(what) + " must be an amount in pounds and pence, for example 80.00"));
    return null;
  }

  private static String capitalised(String what) {
    return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
