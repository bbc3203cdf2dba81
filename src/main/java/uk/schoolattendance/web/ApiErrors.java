package uk.schoolattendance.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.CalendarNotConfigured;

/**
 * Clear answers for the project's API ({@code /api}): RFC 9457 problem details. Bad input is a
 * 400 naming the {@code field} and the {@code rule}; an unknown path 404, a wrong method 405; an
 * unexpected failure 500 with a reference and nothing else (no message, no stack trace, no SQL).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem = badInput(e.getField(), e.getRule());
    if (e.getLabel() != null) {
      // the field's label on the task's form leads the text, as in Tasklist; the JSON keeps its shape
      problem.setDetail(e.getMessage());
      problem.setProperty("label", e.getLabel());
    }
    e.details().forEach(problem::setProperty);
    return problem;
  }

  /** Well-formed input this user may not give, refused where it is checked: 403 naming the field, as {@link FieldForbidden}. */
  @ExceptionHandler(uk.schoolattendance.process.ForbiddenInputException.class)
  ProblemDetail forbiddenInput(uk.schoolattendance.process.ForbiddenInputException e) {
    ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    problem.setProperty("field", e.getField());
    problem.setProperty("rule", e.getRule());
    if (e.getLabel() != null) {
      problem.setProperty("label", e.getLabel());
    }
    return problem;
  }

  @ExceptionHandler(FieldForbidden.class)
  ProblemDetail fieldForbidden(FieldForbidden e) {
    ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    problem.setProperty("field", e.field());
    problem.setProperty("rule", e.rule());
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String expected = type == null ? "a valid value" : describe(type);
    return badInput(e.getName(), "must be " + expected);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return badInput(e.getParameterName(), "is required");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    FieldError error = e.getBindingResult().getFieldError();
    if (error == null) {
      return badInput("body", "is not valid");
    }
    return badInput(error.getField(), String.valueOf(error.getDefaultMessage()));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameter(HandlerMethodValidationException e) {
    return e.getParameterValidationResults().stream()
        .findFirst()
        .map(
            result ->
                badInput(
                    result.getMethodParameter().getParameterName(),
                    result.getResolvableErrors().isEmpty()
                        ? "is not valid"
                        : String.valueOf(result.getResolvableErrors().get(0).getDefaultMessage())))
        .orElseGet(() -> badInput("request", "is not valid"));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return e.getConstraintViolations().stream()
        .findFirst()
        .map(v -> badInput(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .orElseGet(() -> badInput("request", "is not valid"));
  }

  /**
   * A body that is not JSON, or not of the documented shape: a field of the wrong type is named
   * ({@code attendancePercent: must be a number}); anything else is the body's fault.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch.getPath());
      Class<?> type = mismatch.getTargetType();
      if (field != null && type != null && !java.util.Collection.class.isAssignableFrom(type) && !type.isRecord()) {
        return badInput(field, "must be " + describe(type));
      }
    }
    return badInput("body", "must be well-formed JSON of the documented shape");
  }

  /** {@code parents[0].name} from Jackson's path; null when the path has no field name. */
  private static String path(java.util.List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() || path.charAt(0) == '[' ? null : path.toString();
  }

  @ExceptionHandler(BadUserRequestException.class)
  ProblemDetail engineBadInput(BadUserRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("urn:attendance:invalid-input"));
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail engineNotFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", "No such resource, or not visible to you.");
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail notFound(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", "No resource at " + e.getResourcePath() + ".");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return problem(
        HttpStatus.METHOD_NOT_ALLOWED,
        "Method not allowed",
        e.getMethod() + " is not allowed here; allowed: " + e.getSupportedHttpMethods() + ".");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json.");
  }

  /** The term dates end before this day: configuration to add, said in words, not an anonymous 500. */
  @ExceptionHandler(CalendarNotConfigured.class)
  ProblemDetail calendarNotConfigured(CalendarNotConfigured e) {
    LOG.warn("{}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Term dates not configured", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    if (e instanceof ErrorResponse answer && answer.getStatusCode().is4xxClientError()) {
      return answer.getBody();
    }
    CalendarNotConfigured noTermDates = EngineRestErrors.causeOfType(e, CalendarNotConfigured.class);
    if (noTermDates != null) {
      // thrown inside the engine (a timer's or a due date's expression), wrapped in its exception
      return calendarNotConfigured(noTermDates);
    }
    String reference = UUID.randomUUID().toString();
    LOG.error("Unexpected failure of the API ({})", reference, e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The request could not be completed. Reference for the administrator: " + reference);
  }

  private static ProblemDetail badInput(String field, String rule) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + rule);
    problem.setTitle("Invalid input");
    problem.setType(URI.create("urn:attendance:invalid-input"));
    problem.setProperty("field", field);
    problem.setProperty("rule", rule);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date (yyyy-MM-dd)";
    }
    return "a valid " + type.getSimpleName();
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
