package cn.shuangyong.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * The framework's own errors (unknown route, wrong method, missing body, unreadable JSON, …) as
 * problem JSON in the caller's language instead of Micronaut's default error body.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
  private final Messages messages;

  public ProblemErrorResponseProcessor(Messages messages) {
    this.messages = messages;
  }

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    Locale locale = messages.localeOf(context.getRequest());
    String detailKey =
        switch (status.getCode()) {
          case 400 -> "problem.bad-request";
          case 401 -> "problem.unauthorized";
          case 403 -> "problem.forbidden";
          case 404 -> "problem.not-found";
          case 405 -> "problem.method-not-allowed";
          case 413 -> "problem.too-large";
          case 415 -> "problem.unsupported-media-type";
          default -> status.getCode() >= 500 ? "problem.internal" : "problem.bad-request";
        };
    ProblemResponses.logClientError(context.getRequest(), status, detailKey);
    List<Problem.FieldMessage> errors =
        status.getCode() == 400
            ? context.getErrors().stream()
                .map(
                    e ->
                        new Problem.FieldMessage(
                            e.getPath().orElse(""), messages.get(locale, "validation.unreadable")))
                .toList()
            : List.of();
    Problem problem =
        new Problem(
            "https://shuangyong.cn/problems/" + status.getCode(),
            messages.get(locale, "problem.title." + status.getCode()),
            status.getCode(),
            messages.get(locale, detailKey),
            errors);
    return response.contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
  }
}
