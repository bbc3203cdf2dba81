package uk.schoolattendance.system;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Clear 4xx answers for the project's API ({@code /api}): RFC 9457 problem details naming the field. */
@RestControllerAdvice(basePackages = "uk.schoolattendance")
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("urn:attendance:invalid-input"));
    problem.setProperty("field", e.getField());
    problem.setProperty("rule", e.getRule());
    return problem;
  }
}
