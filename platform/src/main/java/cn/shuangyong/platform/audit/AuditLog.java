package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.database.PlatformDataSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The append-only audit trail of the platform schema. Each event's hash covers its fields and the
 * previous event's hash, so a changed or removed row breaks the chain ({@link #verifyChain()}).
 * Writes run in their own platform transaction, never inside a tenant's.
 */
@Singleton
public class AuditLog {
  private static final long CHAIN_LOCK = 0x5359_4155_4449_54L; // "SYAUDIT"
  private static final String GENESIS = "0".repeat(64);

  private final TransactionOperations<Connection> transactions;
  private final Clock clock;

  public AuditLog(
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What happened; {@code result} is SUCCESS, FAILURE or DENIED. */
  public record Entry(
      @Nullable String user,
      @Nullable String tenant,
      String action,
      @Nullable String target,
      String result,
      @Nullable String ip,
      @Nullable String detail) {}

  public void record(Entry entry) {
    transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          try (PreparedStatement lock =
              connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.execute();
          }
          String previous = GENESIS;
          try (PreparedStatement last =
                  connection.prepareStatement(
                      "select hash from audit_event order by id desc limit 1");
              ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
              previous = rs.getString(1);
            }
          }
          Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
          String hash = hash(previous, at, entry);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  """
                  insert into audit_event (at, username, tenant_code, action, target, result, ip,
                                           detail, prev_hash, hash)
                  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, entry.user());
            insert.setString(3, entry.tenant());
            insert.setString(4, entry.action());
            insert.setString(5, entry.target());
            insert.setString(6, entry.result());
            insert.setString(7, entry.ip());
            insert.setString(8, entry.detail());
            insert.setString(9, previous);
            insert.setString(10, hash);
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** Filters of the audit search; a null field does not filter. */
  public record Query(
      @Nullable List<String> tenants,
      @Nullable String tenant,
      @Nullable String user,
      @Nullable String action,
      @Nullable Instant from,
      @Nullable Instant to) {}

  public record Page(List<AuditEvent> items, long total) {}

  public Page search(Query query, int page, int size) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> parameters = new ArrayList<>();
    if (query.tenants() != null) {
      where.append(" and tenant_code = any(?)");
      parameters.add(query.tenants().toArray(String[]::new));
    }
    if (query.tenant() != null) {
      where.append(" and tenant_code = ?");
      parameters.add(query.tenant());
    }
    if (query.user() != null) {
      where.append(" and lower(username) = lower(?)");
      parameters.add(query.user());
    }
    if (query.action() != null) {
      where.append(" and action = ?");
      parameters.add(query.action());
    }
    if (query.from() != null) {
      where.append(" and at >= ?");
      parameters.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      where.append(" and at < ?");
      parameters.add(Timestamp.from(query.to()));
    }
    return transactions.executeRead(
        status -> {
          Connection connection = status.getConnection();
          long total;
          try (PreparedStatement count =
              bind(connection, "select count(*) from audit_event" + where, parameters)) {
            try (ResultSet rs = count.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<AuditEvent> items = new ArrayList<>();
          List<Object> paged = new ArrayList<>(parameters);
          paged.add(size);
          paged.add((long) page * size);
          try (PreparedStatement select =
                  bind(
                      connection,
                      "select id, at, username, tenant_code, action, target, result, ip"
                          + " from audit_event"
                          + where
                          + " order by id desc limit ? offset ?",
                      paged);
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              items.add(
                  new AuditEvent(
                      rs.getLong(1),
                      rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8)));
            }
          }
          return new Page(items, total);
        });
  }

  /**
   * Recomputes the whole chain from the first event: answers the id of the first event whose
   * content no longer gives its hash (changed) or whose link does not name the hash recomputed
   * before it (an event removed before it, or one rewritten with a new hash), or -1 when intact.
   * The newest events removed leave a shorter chain that is intact: the chain cannot show that (the
   * platform role may not delete at all; only the owner can, with the trigger off).
   */
  public long verifyChain() {
    return transactions.executeRead(
        status -> {
          String previous = GENESIS;
          try (PreparedStatement select =
                  status
                      .getConnection()
                      .prepareStatement(
                          "select id, at, username, tenant_code, action, target, result, ip,"
                              + " detail, prev_hash, hash from audit_event order by id");
              ResultSet rs = fetchInBatches(select).executeQuery()) {
            while (rs.next()) {
              Entry entry =
                  new Entry(
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9));
              String expected = hash(previous, rs.getTimestamp(2).toInstant(), entry);
              if (!previous.equals(rs.getString(10)) || !expected.equals(rs.getString(11))) {
                return rs.getLong(1);
              }
              previous = expected;
            }
          }
          return -1L;
        });
  }

  /** Streams the rows (inside a transaction) instead of loading the whole trail at once. */
  private static PreparedStatement fetchInBatches(PreparedStatement select) throws SQLException {
    select.setFetchSize(1_000);
    return select;
  }

  private static PreparedStatement bind(Connection connection, String sql, List<Object> values)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof String[] array) {
        statement.setArray(i + 1, connection.createArrayOf("text", array));
      } else {
        statement.setObject(i + 1, value);
      }
    }
    return statement;
  }

  private static String hash(String previous, Instant at, Entry entry) {
    String canonical =
        String.join(
            "\u001f",
            previous,
            // microseconds: what timestamptz keeps
            Long.toString(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000),
            String.valueOf(entry.user()),
            String.valueOf(entry.tenant()),
            entry.action(),
            String.valueOf(entry.target()),
            entry.result(),
            String.valueOf(entry.ip()),
            String.valueOf(entry.detail()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
