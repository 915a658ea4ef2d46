package cn.shuangyong.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * An error answered as RFC 7807 problem JSON: the status, a message key of the bundle for the title
 * and detail, and the key's arguments.
 */
public class ProblemException extends RuntimeException {
  private final HttpStatus status;
  private final String messageKey;
  private final transient Object[] arguments;
  @Nullable private final Duration retryAfter;

  public ProblemException(HttpStatus status, String messageKey, Object... arguments) {
    this(status, null, messageKey, arguments);
  }

  private ProblemException(
      HttpStatus status, @Nullable Duration retryAfter, String messageKey, Object... arguments) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    this.arguments = arguments;
    this.retryAfter = retryAfter;
  }

  /**
   * 503 with {@code Retry-After}: the service cannot answer now but will (the database is away, the
   * tenant's share of connections is in use, its schema is being migrated on this node).
   */
  public static ProblemException unavailable(
      Duration retryAfter, String messageKey, Object... arguments) {
    return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, retryAfter, messageKey, arguments);
  }

  public static ProblemException notFound() {
    return new ProblemException(HttpStatus.NOT_FOUND, "problem.not-found");
  }

  public static ProblemException forbidden() {
    return new ProblemException(HttpStatus.FORBIDDEN, "problem.forbidden");
  }

  public static ProblemException conflict(String messageKey, Object... arguments) {
    return new ProblemException(HttpStatus.CONFLICT, messageKey, arguments);
  }

  /** 413: an upload over its limit; the key's arguments name the limit. */
  public static ProblemException tooLarge(String messageKey, Object... arguments) {
    return new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, messageKey, arguments);
  }

  /** How long a client should wait before it tries again, when the problem says so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public HttpStatus status() {
    return status;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
