package cn.shuangyong.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds problem+json answers in the caller's language, and logs each client error (4xx) in one
 * INFO line: method, path, status and message key(s). A client error is the caller's mistake, not
 * the server's: no ERROR, no stack trace. Unexpected errors (5xx) keep Micronaut's ERROR with the
 * stack trace.
 */
@Singleton
public class ProblemResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
  private final Messages messages;

  public ProblemResponses(Messages messages) {
    this.messages = messages;
  }

  public MutableHttpResponse<Problem> of(
      HttpRequest<?> request, HttpStatus status, String messageKey, Object... arguments) {
    return typed(request, status, typeOf(status), messageKey, arguments);
  }

  /** A problem whose {@code type} says more than its status (a client tells them apart by it). */
  public MutableHttpResponse<Problem> typed(
      HttpRequest<?> request,
      HttpStatus status,
      String type,
      String messageKey,
      Object... arguments) {
    logClientError(request, status, messageKey);
    Locale locale = messages.localeOf(request);
    return respond(
        status,
        new Problem(
            type,
            messages.get(locale, "problem.title." + status.getCode()),
            status.getCode(),
            messages.get(locale, messageKey, arguments),
            List.of()));
  }

  public MutableHttpResponse<Problem> validation(
      HttpRequest<?> request, HttpStatus status, List<ValidationException.FieldError> errors) {
    logClientError(
        request,
        status,
        errors.stream().map(e -> e.field() + ": " + e.messageKey()).toList().toString());
    Locale locale = messages.localeOf(request);
    List<Problem.FieldMessage> fieldMessages =
        errors.stream()
            .map(
                e ->
                    new Problem.FieldMessage(
                        e.field(), messages.get(locale, e.messageKey(), e.arguments())))
            .toList();
    return respond(
        status,
        new Problem(
            typeOf(status),
            messages.get(locale, "problem.title." + status.getCode()),
            status.getCode(),
            messages.get(locale, "problem.validation"),
            fieldMessages));
  }

  /** One line per client error; control characters of the path cannot forge log lines. */
  static void logClientError(HttpRequest<?> request, HttpStatus status, String keys) {
    if (status.getCode() < 500 && LOG.isInfoEnabled()) {
      LOG.info(
          "{} {} answered {} {}",
          request.getMethodName(),
          request.getPath().replaceAll("\\p{Cntrl}", "?"),
          status.getCode(),
          keys.replaceAll("\\p{Cntrl}", "?"));
    }
  }

  private static MutableHttpResponse<Problem> respond(HttpStatus status, Problem problem) {
    return HttpResponse.<Problem>status(status)
        .contentType(MediaType.of(Problem.MEDIA_TYPE))
        .body(problem);
  }

  private static String typeOf(HttpStatus status) {
    return "https://shuangyong.cn/problems/" + status.getCode();
  }
}
