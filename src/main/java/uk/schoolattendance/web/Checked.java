package uk.schoolattendance.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation of a request body of the project's API by the one input normaliser: the body
 * ({@link CheckedBody}) checks its fields with {@code uk.schoolattendance.process.Inputs}, and a
 * refused field becomes a constraint violation on that field, answered as a problem naming the
 * field and the rule (the API's errors).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CheckedBodyValidator.class)
public @interface Checked {

  String message() default "is not valid";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
