package cn.shuangyong.platform.accounts.internal;

import cn.shuangyong.platform.database.PlatformDataSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The second factor of each account ({@code totp_factor}): the secret as the cipher stored it
 * (never the plain one), whether it was confirmed, and the last time step accepted.
 */
@Singleton
public class TotpStore {
  private final TransactionOperations<Connection> transactions;

  TotpStore(@Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /** An account's factor row: the encrypted secret and whether it is confirmed. */
  public record Factor(long userId, String encryptedSecret, @Nullable Instant confirmedAt) {
    public boolean confirmed() {
      return confirmedAt != null;
    }
  }

  public Optional<Factor> find(long userId) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement(
                      "select secret, confirmed_at from totp_factor where user_id = ?")) {
            select.setLong(1, userId);
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Factor>empty();
              }
              Timestamp confirmed = rs.getTimestamp(2);
              return Optional.of(
                  new Factor(
                      userId, rs.getString(1), confirmed == null ? null : confirmed.toInstant()));
            }
          }
        });
  }

  /** A new pending secret, replacing a pending one; false when a confirmed factor is there. */
  public boolean putPending(long userId, String encryptedSecret, Instant now) {
    return transactions.executeWrite(
        status -> {
          try (PreparedStatement upsert =
              status
                  .getConnection()
                  .prepareStatement(
                      "insert into totp_factor (user_id, secret, created_at) values (?, ?, ?)"
                          + " on conflict (user_id) do update set secret = excluded.secret,"
                          + " created_at = excluded.created_at, last_used_step = null"
                          + " where totp_factor.confirmed_at is null")) {
            upsert.setLong(1, userId);
            upsert.setString(2, encryptedSecret);
            upsert.setTimestamp(3, Timestamp.from(now));
            return upsert.executeUpdate() == 1;
          }
        });
  }

  /**
   * Claims a time step for the account: true only when no code of this or a later step was accepted
   * before (one statement, so two nodes cannot both accept one code). With {@code confirmNow} the
   * pending factor becomes confirmed by the same claim.
   */
  public boolean claimStep(long userId, long step, boolean confirmNow, Instant now) {
    return transactions.executeWrite(
        status -> {
          try (PreparedStatement update =
              status
                  .getConnection()
                  .prepareStatement(
                      "update totp_factor set last_used_step = ?,"
                          + " confirmed_at = case when ? then ? else confirmed_at end"
                          + " where user_id = ? and (last_used_step is null or last_used_step < ?)"
                          + " and (confirmed_at is not null) <> ?")) {
            update.setLong(1, step);
            update.setBoolean(2, confirmNow);
            update.setTimestamp(3, Timestamp.from(now));
            update.setLong(4, userId);
            update.setLong(5, step);
            update.setBoolean(6, confirmNow);
            return update.executeUpdate() == 1;
          }
        });
  }

  /** Removes the account's factor, pending or confirmed; whether there was one. */
  public boolean delete(long userId) {
    return transactions.executeWrite(
        status -> {
          try (PreparedStatement delete =
              status
                  .getConnection()
                  .prepareStatement("delete from totp_factor where user_id = ?")) {
            delete.setLong(1, userId);
            return delete.executeUpdate() == 1;
          }
        });
  }

  /** Whether the account has a confirmed second factor. */
  public boolean confirmed(long userId) {
    return find(userId).map(Factor::confirmed).orElse(false);
  }
}
