package cn.shuangyong.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/** Builds problem+json answers in the caller's language. */
@Singleton
public class ProblemResponses {
  private final Messages messages;

  public ProblemResponses(Messages messages) {
    this.messages = messages;
  }

  public MutableHttpResponse<Problem> of(
      HttpRequest<?> request, HttpStatus status, String messageKey, Object... arguments) {
    Locale locale = messages.localeOf(request);
    return respond(
        status,
        new Problem(
            typeOf(status),
            messages.get(locale, "problem.title." + status.getCode()),
            status.getCode(),
            messages.get(locale, messageKey, arguments),
            List.of()));
  }

  public MutableHttpResponse<Problem> validation(
      HttpRequest<?> request, HttpStatus status, List<ValidationException.FieldError> errors) {
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

  private static MutableHttpResponse<Problem> respond(HttpStatus status, Problem problem) {
    return HttpResponse.<Problem>status(status)
        .contentType(MediaType.of(Problem.MEDIA_TYPE))
        .body(problem);
  }

  private static String typeOf(HttpStatus status) {
    return "https://shuangyong.cn/problems/" + status.getCode();
  }
}
