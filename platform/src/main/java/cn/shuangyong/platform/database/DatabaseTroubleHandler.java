package cn.shuangyong.platform.database;

import cn.shuangyong.platform.web.Problem;
import cn.shuangyong.platform.web.ProblemResponses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure a request meets that no closer handler takes: when the database is away, full or
 * timed out ({@link DatabaseTrouble}), whichever layer wrapped it (a platform repository, the
 * login, a transaction that could not begin), the answer is 503 with {@code Retry-After} and one
 * WARN line; anything else is a bug and answered as Micronaut would (ERROR with the stack trace, a
 * 500 problem).
 */
@Produces
@Singleton
public class DatabaseTroubleHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseTroubleHandler.class);

  private final ProblemResponses problems;
  private final ErrorResponseProcessor<?> errors;

  public DatabaseTroubleHandler(ProblemResponses problems, ErrorResponseProcessor<?> errors) {
    this.problems = problems;
    this.errors = errors;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, RuntimeException failure) {
    Optional<DatabaseTrouble> trouble = DatabaseTrouble.of(failure);
    if (trouble.isEmpty()) {
      LOG.error("Unexpected error occurred: {}", failure.getMessage(), failure);
      return errors.processResponse(
          ErrorContext.builder(request)
              .cause(failure)
              .errorMessage("Internal Server Error: " + failure.getMessage())
              .build(),
          HttpResponse.serverError());
    }
    LOG.warn(
        "{} {} answered 503 {}: {}",
        request.getMethodName(),
        request.getPath().replaceAll("\\p{Cntrl}", "?"),
        trouble.get().messageKey(),
        innermostMessage(failure));
    MutableHttpResponse<Problem> response =
        problems.of(request, HttpStatus.SERVICE_UNAVAILABLE, trouble.get().messageKey());
    return response.header(
        HttpHeaders.RETRY_AFTER, Long.toString(trouble.get().retryAfter().toSeconds()));
  }

  /** The cause that says what happened ("Connection refused", "canceling statement …"). */
  static String innermostMessage(Throwable failure) {
    Throwable innermost = failure;
    for (int depth = 0; innermost.getCause() != null && depth < 32; depth++) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage();
    return (message == null ? innermost.getClass().getSimpleName() : message)
        .replaceAll("\\p{Cntrl}", " ");
  }
}
