package cn.shuangyong.platform.security;

import cn.shuangyong.platform.accounts.api.SecondFactorService;
import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.users.PasswordHasher;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The one credential check behind both the API login and the UI login: the lockout counter, the
 * login-attempt record and the audit are shared. Five consecutive failures lock an account for 15
 * minutes; an unknown name is counted and locked the same way, in PostgreSQL like an account (not
 * in Redis, whose outage once left unknown names unlocked while real ones locked), so it cannot be
 * told apart.
 */
@Singleton
public class CredentialCheck {
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  public enum Outcome {
    SUCCESS,
    INVALID,
    LOCKED,
    /** The password is right and the account has a second factor: ask for its code. */
    TOTP_REQUIRED,
    /** The password is right and the code is not (wrong, malformed, or used before): counted. */
    TOTP_INVALID
  }

  public record Result(
      Outcome outcome, @Nullable CurrentUser user, @Nullable Instant lockedUntil) {}

  public enum Channel {
    API,
    UI
  }

  private final UserDirectory users;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final TransactionOperations<Connection> transactions;
  private final Clock clock;
  private final SecondFactorService secondFactors;

  public CredentialCheck(
      UserDirectory users,
      PasswordHasher hasher,
      AuditLog audit,
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      Clock clock,
      SecondFactorService secondFactors) {
    this.secondFactors = secondFactors;
    this.users = users;
    this.hasher = hasher;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Result check(String username, String password, @Nullable String ip, Channel channel) {
    return check(username, password, null, ip, channel);
  }

  /**
   * The password, then (for an account with a second factor) the TOTP code: a missing code answers
   * {@link Outcome#TOTP_REQUIRED} and leaves the failure count as it is (so a known password cannot
   * reset the count between guesses of the code); a wrong, malformed or replayed one is a failed
   * attempt like a wrong password ({@link Outcome#TOTP_INVALID}, locking at the fifth).
   */
  public Result check(
      String username,
      String password,
      @Nullable String totp,
      @Nullable String ip,
      Channel channel) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    var account = name.isEmpty() ? java.util.Optional.<UserAccount>empty() : users.find(name);
    if (account.isEmpty()) {
      return unknownUser(name, password, ip, channel, now);
    }
    UserAccount user = account.get();
    if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
      hasher.burnOneCheck(password == null ? "" : password);
      return finish(name, ip, channel, Outcome.LOCKED, "locked", null, user.lockedUntil());
    }
    if (!user.enabled() || password == null || !hasher.matches(password, user.passwordHash())) {
      int failures = user.failedAttempts() + 1;
      Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCK_DURATION) : null;
      users.recordFailures(user, lockedUntil == null ? failures : 0, lockedUntil);
      return lockedUntil == null
          ? finish(name, ip, channel, Outcome.INVALID, "bad-credentials", null, null)
          : finish(name, ip, channel, Outcome.LOCKED, "locked-now", null, lockedUntil);
    }
    if (secondFactors.enrolled(user.id())) {
      if (totp == null || totp.isBlank()) {
        return finish(name, ip, channel, Outcome.TOTP_REQUIRED, "totp-required", null, null);
      }
      if (!secondFactors.acceptSignInCode(user.id(), totp)) {
        int failures = user.failedAttempts() + 1;
        Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCK_DURATION) : null;
        users.recordFailures(user, lockedUntil == null ? failures : 0, lockedUntil);
        return lockedUntil == null
            ? finish(name, ip, channel, Outcome.TOTP_INVALID, "totp-invalid", null, null)
            : finish(
                name, ip, channel, Outcome.LOCKED, "totp-invalid-locked-now", null, lockedUntil);
      }
    }
    users.recordFailures(user, 0, null);
    return finish(name, ip, channel, Outcome.SUCCESS, "ok", users.toCurrentUser(user), null);
  }

  /**
   * An unknown name, counted and locked in PostgreSQL exactly as an account is ({@code
   * unknown_login} mirrors {@code app_user.failed_attempts} and {@code locked_until}): the same
   * statuses, headers and lock times whatever Redis does, so the answers never tell real names
   * apart. One row lock per name: concurrent failures are all counted.
   */
  private Result unknownUser(
      String name, String password, @Nullable String ip, Channel channel, Instant now) {
    hasher.burnOneCheck(password == null ? "" : password);
    if (name.isEmpty()) {
      return finish(name, ip, channel, Outcome.INVALID, "bad-credentials", null, null);
    }
    UnknownName counted =
        transactions.executeWrite(status -> countFailure(status.getConnection(), name, now));
    return switch (counted.outcome()) {
      case LOCKED ->
          finish(
              name,
              ip,
              channel,
              Outcome.LOCKED,
              counted.lockedNow() ? "locked-now" : "locked",
              null,
              counted.lockedUntil());
      default -> finish(name, ip, channel, Outcome.INVALID, "bad-credentials", null, null);
    };
  }

  private record UnknownName(Outcome outcome, boolean lockedNow, @Nullable Instant lockedUntil) {}

  private static UnknownName countFailure(Connection connection, String name, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into unknown_login (name, updated_at) values (?, ?) on conflict do nothing")) {
      insert.setString(1, name);
      insert.setTimestamp(2, Timestamp.from(now));
      insert.executeUpdate();
    }
    int failures;
    Instant lockedUntil;
    try (PreparedStatement select =
        connection.prepareStatement(
            "select failed_attempts, locked_until from unknown_login where name = ? for update")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        failures = rs.getInt(1);
        Timestamp until = rs.getTimestamp(2);
        lockedUntil = until == null ? null : until.toInstant();
      }
    }
    if (lockedUntil != null && lockedUntil.isAfter(now)) {
      return new UnknownName(Outcome.LOCKED, false, lockedUntil);
    }
    failures++;
    Instant lockNow = failures >= MAX_FAILURES ? now.plus(LOCK_DURATION) : null;
    try (PreparedStatement update =
        connection.prepareStatement(
            "update unknown_login set failed_attempts = ?, locked_until = ?, updated_at = ?"
                + " where name = ?")) {
      update.setInt(1, lockNow == null ? failures : 0);
      update.setTimestamp(2, lockNow == null ? null : Timestamp.from(lockNow));
      update.setTimestamp(3, Timestamp.from(now));
      update.setString(4, name);
      update.executeUpdate();
    }
    return lockNow == null
        ? new UnknownName(Outcome.INVALID, false, null)
        : new UnknownName(Outcome.LOCKED, true, lockNow);
  }

  private Result finish(
      String name,
      @Nullable String ip,
      Channel channel,
      Outcome outcome,
      String reason,
      @Nullable CurrentUser user,
      @Nullable Instant lockedUntil) {
    transactions.executeWrite(
        status -> {
          try (PreparedStatement insert =
              status
                  .getConnection()
                  .prepareStatement(
                      "insert into login_attempt (username, at, success, reason, ip, channel)"
                          + " values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setBoolean(3, outcome == Outcome.SUCCESS);
            insert.setString(4, reason);
            insert.setString(5, ip);
            insert.setString(6, channel.name());
            insert.executeUpdate();
          }
          return null;
        });
    audit.record(
        new AuditLog.Entry(
            name,
            user != null ? user.tenant() : tenantOfAccount(name),
            action(outcome, reason),
            channel.name(),
            // the password step of a sign-in held for its code went well: no failure to count
            outcome == Outcome.SUCCESS || outcome == Outcome.TOTP_REQUIRED ? "SUCCESS" : "FAILURE",
            ip,
            reason));
    return new Result(outcome, user, lockedUntil);
  }

  /** The audit action: a sign-in, a failed code of the second factor, or another failure. */
  private static String action(Outcome outcome, String reason) {
    if (outcome == Outcome.SUCCESS) {
      return "LOGIN";
    }
    if (outcome == Outcome.TOTP_REQUIRED) {
      return "LOGIN_TOTP_REQUIRED";
    }
    return reason.startsWith("totp-invalid") ? "LOGIN_TOTP_FAILED" : "LOGIN_FAILED";
  }

  /**
   * The tenant of the account a failed sign-in named, so that its city admin sees the attempts on
   * its own accounts in the audit trail; null for a platform account or an unknown name.
   */
  @Nullable
  private String tenantOfAccount(String name) {
    return name.isEmpty() ? null : users.find(name).map(UserAccount::tenantCode).orElse(null);
  }
}
