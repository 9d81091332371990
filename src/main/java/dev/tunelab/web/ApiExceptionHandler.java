package dev.tunelab.web;

import dev.tunelab.searchspace.FieldProblem;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem detail that a person can act on. Bad input is a 400
 * listing each bad field in {@code errors}; unknown ids are 404s; actions the current status
 * forbids are 409s; anything else is a 500 that names an error id to find in the log, never a stack
 * trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("errors", e.problems().stream().map(ApiExceptionHandler::error).toList());
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Not possible now");
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return invalidInput(
        new InvalidInputException(
            e.getName(), "'" + e.getValue() + "' is not a valid " + expected));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String errorId = UUID.randomUUID().toString().substring(0, 8);
    log.error("Unexpected error {} while handling a request", errorId, e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Tunelab hit an unexpected error; the server log has the details under error id "
                + errorId);
    problem.setTitle("Internal error");
    problem.setProperty("errorId", errorId);
    return problem;
  }

  /**
   * Spring's own 4xx (wrong method, unsupported media type, unreadable body...) keep their status.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body == null && status.is4xxClientError()) {
      body = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private static Map<String, String> error(FieldProblem problem) {
    return Map.of("field", problem.field(), "message", problem.message());
  }
}
