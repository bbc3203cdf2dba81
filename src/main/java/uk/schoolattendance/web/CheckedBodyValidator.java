package uk.schoolattendance.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Runs a body's {@link CheckedBody#check()} and reports a refused field as a violation on that field.
 * Public with a public constructor: Bean Validation creates it without Spring as well.
 */
public class CheckedBodyValidator implements ConstraintValidator<Checked, CheckedBody> {

  @Override
  public boolean isValid(CheckedBody body, ConstraintValidatorContext context) {
    if (body == null) {
      return true;
    }
    try {
      body.check();
      return true;
    } catch (InvalidInputException refused) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(escape(refused.getRule()))
          .addPropertyNode(refused.getField())
          .addConstraintViolation();
      return false;
    }
  }

  /** The rule is text, never a message template ({@code {…}} and {@code ${…}} are not interpolated). */
  private static String escape(String rule) {
    return rule.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
