package cn.shuangyong.platform.idempotency;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The SQL of the key tables: {@code idempotency_key} in each tenant's schema (unscoped: the schema
 * is the tenant) and in the platform schema (scoped by the caller). Runs on the connection of the
 * transaction that also makes the record, so the key and the record commit or roll back together.
 */
final class IdempotencyKeys {
  /** The answer kept for a key: status, body (JSON) and Location; null status while in flight. */
  record Stored(
      String fingerprint,
      @Nullable Integer status,
      @Nullable String body,
      @Nullable String location) {}

  private final String table;
  @Nullable private final String scope;

  private IdempotencyKeys(String table, @Nullable String scope) {
    this.table = table;
    this.scope = scope;
  }

  /** The keys of the tenant whose transaction runs (its search_path names its schema). */
  static IdempotencyKeys ofTenant() {
    return new IdempotencyKeys("idempotency_key", null);
  }

  /** The platform's keys of one caller. */
  static IdempotencyKeys ofPlatform(String scope) {
    return new IdempotencyKeys("idempotency_key", scope);
  }

  /**
   * Claims the key for this request, or answers what an earlier request stored with it. A key older
   * than its lifetime is taken over as if new. A concurrent request with the same key waits here,
   * on the unique index, until the first one's transaction ends: then it finds the stored answer
   * (the first committed) or claims the key itself (the first rolled back).
   */
  Optional<Stored> claim(Connection c, String key, String fingerprint, Instant now)
      throws SQLException {
    String columns = scope == null ? "key" : "scope, key";
    String values = scope == null ? "?" : "?, ?";
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into "
                + table
                + " ("
                + columns
                + ", fingerprint, created_at, expires_at) values ("
                + values
                + ", ?, ?, ?) on conflict ("
                + columns
                + ") do update set fingerprint = excluded.fingerprint, status = null,"
                + " body = null, location = null, created_at = excluded.created_at,"
                + " expires_at = excluded.expires_at where "
                + table
                + ".expires_at <= excluded.created_at returning id")) {
      int i = bindKey(insert, key);
      insert.setString(i++, fingerprint);
      insert.setTimestamp(i++, Timestamp.from(now));
      insert.setTimestamp(i, Timestamp.from(now.plus(Idempotency.LIFETIME)));
      try (ResultSet claimed = insert.executeQuery()) {
        if (claimed.next()) {
          return Optional.empty();
        }
      }
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "select fingerprint, status, body, location from " + table + " where " + where())) {
      bindKey(select, key);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return Optional.of(
            new Stored(
                rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3), rs.getString(4)));
      }
    }
  }

  /** Keeps the answer given to the request that claimed the key. */
  void answer(
      Connection c, String key, int status, @Nullable String body, @Nullable String location)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "update " + table + " set status = ?, body = ?, location = ? where " + where())) {
      update.setInt(1, status);
      update.setString(2, body);
      update.setString(3, location);
      int i = 4;
      if (scope != null) {
        update.setString(i++, scope);
      }
      update.setString(i, key);
      update.executeUpdate();
    }
  }

  /** Forgets the keys past their lifetime; answers how many. */
  static int purge(Connection c, String table, Instant now) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("delete from " + table + " where expires_at <= ?")) {
      delete.setTimestamp(1, Timestamp.from(now));
      return delete.executeUpdate();
    }
  }

  private String where() {
    return scope == null ? "key = ?" : "scope = ? and key = ?";
  }

  /** Binds scope (when any) and key from the first parameter; answers the next index. */
  private int bindKey(PreparedStatement statement, String key) throws SQLException {
    int i = 1;
    if (scope != null) {
      statement.setString(i++, scope);
    }
    statement.setString(i++, key);
    return i;
  }
}
