package cn.shuangyong.platform.security;

import cn.shuangyong.platform.database.PlatformDataSource;
import io.micronaut.context.annotation.Value;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in UI sessions of every node, so that ending an account's sessions reaches the tabs
 * open on the other nodes too. Each sign-in in the UI opens a row with an id of its own; {@link
 * TokenService#revokeAllOf} revokes those ids through the same {@link RevocationList} as access
 * tokens, and each node's UI asks the list, from memory, at every request of a signed-in session.
 *
 * <p>A revoked id is kept for the UI's idle timeout ({@code shuangyong.ui.session-timeout}) and a
 * minute: a session that makes no request for that long has been closed for idleness anyway.
 */
@Singleton
public class UiSessionLedger {
  private static final Duration MARGIN = Duration.ofMinutes(1);
  private final TransactionOperations<Connection> transactions;
  private final Clock clock;
  private final Duration revocationLifetime;

  public UiSessionLedger(
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      Clock clock,
      @Value("${shuangyong.ui.session-timeout:30m}") Duration idleTimeout) {
    this.transactions = transactions;
    this.clock = clock;
    this.revocationLifetime = idleTimeout.plus(MARGIN);
  }

  /** A revoked session id and until when it must stay refused. */
  record Revoked(String id, Instant expiresAt) {}

  /** Opens the row of a UI sign-in of {@code username}; answers the session's id. */
  public String open(String username) {
    String id = "ui-" + UUID.randomUUID();
    Instant now = clock.instant();
    transactions.executeWrite(
        status -> {
          try (PreparedStatement insert =
              status
                  .getConnection()
                  .prepareStatement(
                      "insert into ui_session (id, user_id, signed_in_at)"
                          + " select ?, id, ? from app_user where lower(username) = lower(?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setString(3, username);
            insert.executeUpdate();
          }
          return null;
        });
    return id;
  }

  /** The session signed out or expired: nothing is left to revoke. */
  public void close(String id) {
    transactions.executeWrite(
        status -> {
          try (PreparedStatement delete =
              status.getConnection().prepareStatement("delete from ui_session where id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /**
   * In the caller's transaction: revokes every UI session of the account but {@code keepId} and
   * forgets them; answers what was revoked.
   */
  List<Revoked> revokeAllOf(
      Connection connection, long userId, @Nullable String keepId, Instant now)
      throws SQLException {
    Instant expiresAt = now.plus(revocationLifetime);
    List<Revoked> revoked = new ArrayList<>();
    try (PreparedStatement revoke =
        connection.prepareStatement(
            "with ended as (delete from ui_session where user_id = ? and id <> ? returning id)"
                + " insert into revoked_token (jti, expires_at, revoked_at)"
                + " select id, ?, ? from ended on conflict do nothing returning jti")) {
      revoke.setLong(1, userId);
      revoke.setString(2, keepId == null ? "" : keepId);
      revoke.setTimestamp(3, Timestamp.from(expiresAt));
      revoke.setTimestamp(4, Timestamp.from(now));
      try (ResultSet rs = revoke.executeQuery()) {
        while (rs.next()) {
          revoked.add(new Revoked(rs.getString(1), expiresAt));
        }
      }
    }
    return revoked;
  }
}
