package cn.shuangyong.platform.security;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.kv.KeyValueStore;
import cn.shuangyong.platform.kv.KeyValueStoreUnavailableException;
import cn.shuangyong.platform.users.PasswordHasher;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The one credential check behind both the API login and the UI login: the lockout counter, the
 * login-attempt record and the audit are shared. Five consecutive failures lock an account for 15
 * minutes; an unknown name is counted and locked the same way, so it cannot be told apart.
 */
@Singleton
public class CredentialCheck {
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  public enum Outcome {
    SUCCESS,
    INVALID,
    LOCKED
  }

  public record Result(
      Outcome outcome, @Nullable CurrentUser user, @Nullable Instant lockedUntil) {}

  public enum Channel {
    API,
    UI
  }

  private final UserDirectory users;
  private final PasswordHasher hasher;
  private final KeyValueStore store;
  private final AuditLog audit;
  private final TransactionOperations<Connection> transactions;
  private final Clock clock;

  public CredentialCheck(
      UserDirectory users,
      PasswordHasher hasher,
      KeyValueStore store,
      AuditLog audit,
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.store = store;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Result check(String username, String password, @Nullable String ip, Channel channel) {
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
    users.recordFailures(user, 0, null);
    return finish(name, ip, channel, Outcome.SUCCESS, "ok", users.toCurrentUser(user), null);
  }

  private Result unknownUser(
      String name, String password, @Nullable String ip, Channel channel, Instant now) {
    hasher.burnOneCheck(password == null ? "" : password);
    String lockKey = "login:locked:" + name;
    try {
      var lockedUntil = store.get(lockKey).map(Instant::parse);
      if (lockedUntil.isPresent()) {
        return finish(name, ip, channel, Outcome.LOCKED, "locked", null, lockedUntil.get());
      }
      long failures = store.increment("login:failures:" + name, LOCK_DURATION);
      if (failures >= MAX_FAILURES) {
        Instant until = now.plus(LOCK_DURATION);
        store.put(lockKey, until.toString(), LOCK_DURATION);
        store.delete("login:failures:" + name);
        return finish(name, ip, channel, Outcome.LOCKED, "locked-now", null, until);
      }
    } catch (KeyValueStoreUnavailableException e) {
      // without the shared store an unknown name is simply refused
    }
    return finish(name, ip, channel, Outcome.INVALID, "bad-credentials", null, null);
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
            user == null ? null : user.tenant(),
            outcome == Outcome.SUCCESS ? "LOGIN" : "LOGIN_FAILED",
            channel.name(),
            outcome == Outcome.SUCCESS ? "SUCCESS" : "FAILURE",
            ip,
            reason));
    return new Result(outcome, user, lockedUntil);
  }
}
