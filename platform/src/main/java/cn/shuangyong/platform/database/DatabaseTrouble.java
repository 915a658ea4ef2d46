package cn.shuangyong.platform.database;

import cn.shuangyong.platform.web.ProblemException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A database failure a client should simply retry, told apart from a bug: whatever wraps it
 * (Hikari, Micronaut Data, a transaction manager, our own exceptions), the cause chain holds a
 * {@link SQLException} whose SQLState or type says the database is away, full or timed out. Such a
 * failure is answered 503 with {@code Retry-After} (never a 500 with a stack trace), in one place
 * for requests ({@code DatabaseTroubleHandler}) and in {@code TenantScope} for tenant work.
 */
public enum DatabaseTrouble {
  /**
   * Stopped, restarting, unreachable or silent (SQLState class 08, 57P01–57P03, a read timeout).
   */
  UNREACHABLE("problem.database.unreachable", Duration.ofSeconds(5)),
  /** Every connection of the pool in use (Hikari's wait ran out) or the server's slots full. */
  BUSY("problem.database.busy", Duration.ofSeconds(2)),
  /** A lock wait or a statement ran past its limit (55P03, 57014). */
  TIMED_OUT("problem.database.timeout", Duration.ofSeconds(2));

  private static final int DEEPEST_CAUSE = 32;
  private static final String HIKARI_CLOSED_CONNECTION =
      "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  private final String messageKey;
  private final Duration retryAfter;

  DatabaseTrouble(String messageKey, Duration retryAfter) {
    this.messageKey = messageKey;
    this.retryAfter = retryAfter;
  }

  /** The trouble behind {@code failure}, if it is one: empty for a bug or a refused statement. */
  public static Optional<DatabaseTrouble> of(Throwable failure) {
    if (failure instanceof ProblemException) {
      return Optional.empty();
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    while (!pending.isEmpty() && seen.size() < DEEPEST_CAUSE) {
      Throwable next = pending.poll();
      if (next == null || !seen.add(next)) {
        continue;
      }
      Optional<DatabaseTrouble> trouble = classify(next);
      if (trouble.isPresent()) {
        return trouble;
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      // a failed rollback or close keeps the original failure as suppressed
      Collections.addAll(pending, next.getSuppressed());
    }
    return Optional.empty();
  }

  /** The 503 answer: this trouble's message and Retry-After. */
  public ProblemException problem() {
    return ProblemException.unavailable(retryAfter, messageKey);
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public String messageKey() {
    return messageKey;
  }

  private static Optional<DatabaseTrouble> classify(Throwable failure) {
    if (failure instanceof SQLException sql) {
      Optional<DatabaseTrouble> byState = ofState(sql.getSQLState());
      if (byState.isPresent()) {
        return byState;
      }
      if (sql instanceof SQLTransientConnectionException && !causedByDatabase(sql)) {
        // Hikari's "Connection is not available, request timed out": the pool is exhausted
        return Optional.of(BUSY);
      }
      if (sql.getSQLState() == null && thrownByPoolForBrokenConnection(sql)) {
        // the connection broke (08xxx) and the pool closed it; cleaning up after the first
        // failure then met the closed connection, and that failure replaced the first one
        return Optional.of(UNREACHABLE);
      }
      return Optional.empty();
    }
    if (failure instanceof ConnectException || failure instanceof SocketTimeoutException) {
      return Optional.of(UNREACHABLE);
    }
    return Optional.empty();
  }

  /** Hikari's "Connection is closed", thrown by the stand-in for a connection it closed. */
  private static boolean thrownByPoolForBrokenConnection(SQLException failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().startsWith(HIKARI_CLOSED_CONNECTION)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a later cause names the database itself (then that cause decides). */
  private static boolean causedByDatabase(SQLException failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException || cause instanceof java.io.IOException) {
        return true;
      }
      if (cause == cause.getCause()) {
        return false;
      }
    }
    return false;
  }

  private static Optional<DatabaseTrouble> ofState(String state) {
    if (state == null || state.length() != 5) {
      return Optional.empty();
    }
    if (state.startsWith("08")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")) {
      return Optional.of(UNREACHABLE);
    }
    return switch (state) {
      case "53300" -> Optional.of(BUSY);
      case "55P03", "57014" -> Optional.of(TIMED_OUT);
      default -> Optional.empty();
    };
  }
}
