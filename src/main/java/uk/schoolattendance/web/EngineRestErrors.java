package uk.schoolattendance.web;

import jakarta.annotation.Priority;
import org.glassfish.jersey.server.ParamException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import uk.schoolattendance.notices.PaymentDetailsMissing;
import uk.schoolattendance.process.ForbiddenInputException;
import uk.schoolattendance.schools.CalendarNotConfigured;

/**
 * Engine REST API: bad input the engine reports as a failure still answers 400 with the message
 * naming the field and the rule, instead of Camunda's 500: an {@link InvalidInputException} thrown
 * deep in a listener, a delegate or an expression, a Java-serialized object variable, a password
 * that breaks the policy. A completion refused because the council's payment details are not set
 * ({@link PaymentDetailsMissing}, "Post or hand over the notice") answers 409 as the project's API
 * does: the request is well formed, nothing the client could send would be taken, and it is the
 * notice's state (no letter may go while it would name no way to pay) that refuses it; the message
 * names each missing property. Input this user may not give ({@link ForbiddenInputException}: a
 * school starting a case for another school) answers 403 naming the field by its label, as the
 * project's API does. Everything else is answered as Camunda does; {@link
 * EngineRestErrorSanitizer} then hides the details of any 5xx. Registered ahead of Camunda's own
 * mappers for the same types.
 */
final class EngineRestErrors {

  /** Engine messages that mean "the client sent something we refuse", not "we failed". */
  private static final List<String> BAD_INPUT_MESSAGES =
      List.of(
          "Java serialization format is prohibited",
          "Password does not match policy",
          "cannot be deleted because is part of a running process");

  private EngineRestErrors() {}

  static Response toResponse(Throwable exception) {
    AuthorizationException refused = causeOfType(exception, AuthorizationException.class);
    if (refused != null) {
      // Some endpoints wrap a refusal ("Task id is null", 400): it is still a refusal
      return ExceptionHandlerHelper.getInstance().getResponse(refused);
    }
    PaymentDetailsMissing notReady = causeOfType(exception, PaymentDetailsMissing.class);
    if (notReady != null) {
      return answer(Response.Status.CONFLICT, PaymentDetailsMissing.class.getSimpleName(), notReady.getMessage());
    }
    CalendarNotConfigured noTermDates = causeOfType(exception, CalendarNotConfigured.class);
    if (noTermDates != null) {
      // a timer or due date past the configured term dates: the administrator adds the year
      return answer(Response.Status.SERVICE_UNAVAILABLE, CalendarNotConfigured.class.getSimpleName(),
          noTermDates.getMessage());
    }
    ForbiddenInputException forbidden = causeOfType(exception, ForbiddenInputException.class);
    if (forbidden != null) {
      // well-formed input this user may not give (a school naming another school): 403, as /api/cases answers it
      return answer(Response.Status.FORBIDDEN, AuthorizationException.class.getSimpleName(), forbidden.getMessage());
    }
    String badInput = badInputMessage(exception);
    if (badInput != null) {
      return answer(Response.Status.BAD_REQUEST, BadUserRequestException.class.getSimpleName(), badInput);
    }
    NullValueException missing = causeOfType(exception, NullValueException.class);
    if (missing != null) {
      String message = withoutClassName(missing.getMessage());
      return message.startsWith("Cannot find")
          ? answer(Response.Status.NOT_FOUND, "NotFoundException", message)
          : answer(Response.Status.BAD_REQUEST, BadUserRequestException.class.getSimpleName(), message);
    }
    Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
    if (response.getStatus() < 500 && response.getEntity() instanceof ExceptionDto dto) {
      dto.setMessage(withoutClassName(dto.getMessage()));
    }
    return response;
  }

  static Response answer(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** "org.camunda.bpm.engine.SomeException: Cannot correlate…" becomes "Cannot correlate…". */
  static String withoutClassName(String message) {
    return message == null ? "" : message.replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
  }

  static <T extends Throwable> T causeOfType(Throwable exception, Class<T> type) {
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < 20; depth++) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      cause = cause.getCause();
    }
    return null;
  }

  static String badInputMessage(Throwable exception) {
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < 20; depth++) {
      if (cause instanceof BadUserRequestException badInput) {
        return badInput.getMessage();
      }
      String message = cause.getMessage();
      if (message != null && BAD_INPUT_MESSAGES.stream().anyMatch(message::contains)) {
        int code = message.lastIndexOf("ENGINE-");
        return code < 0 ? message : message.substring(code);
      }
      cause = cause.getCause();
    }
    return null;
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  /** A query parameter of the wrong type (maxResults=ten): Jersey's answer would be 404. */
  @Priority(1)
  public static class ParameterExceptions implements ExceptionMapper<ParamException> {
    @Override
    public Response toResponse(ParamException exception) {
      String name = exception.getParameterName();
      String rule =
          "firstResult".equals(name) || "maxResults".equals(name)
              ? "must be a whole number"
              : "has a value of the wrong type";
      return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", name + ": " + rule);
    }
  }

  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }
}
