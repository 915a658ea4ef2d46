package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.database.PlatformDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The append-only audit trail of the platform schema. Each event's seal is a keyed MAC ({@link
 * AuditSeal}, key outside the database) over its fields and the previous event's seal, so a row
 * changed, inserted or removed breaks the chain ({@link #verify()}), even when done by the
 * database's superuser. Appends from every node serialise on one transaction-scoped advisory lock
 * (the chain has one end): the newest seal is read and the row inserted under it, and the lock ends
 * with the commit, so ids follow the chain's order. Writes run in their own platform transaction,
 * never inside a tenant's: platform events (sign-in, provisioning, a supervisor's read) are
 * recorded here directly; a tenant's changes are written to the tenant's own {@code audit_outbox}
 * in the change's transaction ({@link TenantAudit}) and copied here by {@link AuditRelay} through
 * {@link #copy}, each once, with the time of the change.
 */
@Singleton
public class AuditLog {
  private static final long CHAIN_LOCK = 0x5359_4155_4449_54L; // "SYAUDIT"
  private static final String GENESIS = "0".repeat(64);

  static final int VERIFY_PAGE = 1_000;

  private final TransactionOperations<Connection> transactions;
  private final Clock clock;
  private final AuditSeal seal;
  private final Duration verifyBudget;
  private final List<CallerAddress> callers;
  private final AuditChanges changes;

  public AuditLog(
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      Clock clock,
      AuditSeal seal,
      @Value("${shuangyong.audit.verify-statement-timeout:30s}") Duration verifyBudget,
      List<CallerAddress> callers,
      AuditChanges changes) {
    this.callers = List.copyOf(callers);
    this.changes = changes;
    this.transactions = transactions;
    this.clock = clock;
    this.seal = seal;
    this.verifyBudget = verifyBudget;
  }

  /** What happened; {@code result} is SUCCESS, FAILURE or DENIED. */
  public record Entry(
      @Nullable String user,
      @Nullable String tenant,
      String action,
      @Nullable String target,
      String result,
      @Nullable String ip,
      @Nullable String detail) {

    /** The same entry with {@code address} as its source address. */
    public Entry withIp(@Nullable String address) {
      return new Entry(user, tenant, action, target, result, address, detail);
    }
  }

  /**
   * The entry with the served caller's address when its writer named none ({@link CallerAddress});
   * an entry outside any request (a job) keeps none.
   */
  Entry addressed(Entry entry) {
    if (entry.ip() != null) {
      return entry;
    }
    for (CallerAddress source : callers) {
      var address = source.current();
      if (address.isPresent()) {
        return entry.withIp(address.get());
      }
    }
    return entry;
  }

  /** A platform event, stamped now. */
  public void record(Entry entry) {
    transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          String previous = lockChain(connection);
          append(connection, previous, clock.instant(), addressed(entry), null);
          return null;
        });
  }

  /** An entry a tenant kept in its {@code audit_outbox}: its id there and when it happened. */
  public record Copied(long sourceId, Instant at, Entry entry) {}

  /**
   * Appends the tenant's entries that the trail does not hold yet (by tenant and source id), each
   * with its own time, in one platform transaction; answers the source ids the trail now holds, so
   * the caller may delete them in the tenant. Safe to repeat: a copy already made is skipped.
   */
  public Set<Long> copy(String tenant, List<Copied> entries) {
    if (entries.isEmpty()) {
      return Set.of();
    }
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          String previous = lockChain(connection);
          Set<Long> held = copiedAlready(connection, tenant, entries);
          Set<Long> copied = new TreeSet<>(held);
          for (Copied entry : entries) {
            if (!held.contains(entry.sourceId()) && copied.add(entry.sourceId())) {
              previous = append(connection, previous, entry.at(), entry.entry(), entry.sourceId());
            }
          }
          return copied;
        });
  }

  /**
   * Serialises appends (the chain has one end) and answers the seal of the newest event, or when
   * every event is archived the anchor the archive kept. The wait is bounded by the platform pool's
   * lock timeout; the lock is held for one insert (or one relay batch) and its commit.
   */
  static String lockChain(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
      lock.setLong(1, CHAIN_LOCK);
      lock.execute();
    }
    try (PreparedStatement last =
            connection.prepareStatement(
                "select coalesce((select hash from audit_event order by id desc limit 1),"
                    + " (select last_hash from audit_archive order by id desc limit 1))");
        ResultSet rs = last.executeQuery()) {
      rs.next();
      String newest = rs.getString(1);
      return newest == null ? GENESIS : newest;
    }
  }

  private static Set<Long> copiedAlready(Connection connection, String tenant, List<Copied> entries)
      throws SQLException {
    Long[] ids = entries.stream().map(Copied::sourceId).toArray(Long[]::new);
    try (PreparedStatement select =
        connection.prepareStatement(
            "select source_id from audit_event where tenant_code = ? and source_id = any(?)")) {
      select.setString(1, tenant);
      select.setArray(2, connection.createArrayOf("bigint", ids));
      Set<Long> held = new TreeSet<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          held.add(rs.getLong(1));
        }
      }
      return held;
    }
  }

  /** Inserts one event after {@code previous}; answers its hash. */
  private String append(
      Connection connection, String previous, Instant when, Entry entry, @Nullable Long sourceId)
      throws SQLException {
    Instant at = when.truncatedTo(ChronoUnit.MICROS);
    String hash = seal.seal(message(previous, at, entry, sourceId));
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            insert into audit_event (at, username, tenant_code, action, target, result, ip,
                                     detail, source_id, prev_hash, hash, seal)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setString(2, entry.user());
      insert.setString(3, entry.tenant());
      insert.setString(4, entry.action());
      insert.setString(5, entry.target());
      insert.setString(6, entry.result());
      insert.setString(7, entry.ip());
      insert.setString(8, entry.detail());
      insert.setObject(9, sourceId);
      insert.setString(10, previous);
      insert.setString(11, hash);
      insert.setString(12, seal.algorithm());
      insert.executeUpdate();
    }
    return hash;
  }

  /** Filters of the audit search; a null field does not filter. */
  public record Query(
      @Nullable List<String> tenants,
      @Nullable String tenant,
      @Nullable String user,
      @Nullable String action,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable String result) {

    /** Without a result filter. */
    public Query(
        @Nullable List<String> tenants,
        @Nullable String tenant,
        @Nullable String user,
        @Nullable String action,
        @Nullable Instant from,
        @Nullable Instant to) {
      this(tenants, tenant, user, action, from, to, null);
    }
  }

  public record Page(List<AuditEvent> items, long total) {}

  /** How a search is ordered: by {@code at} (then id) or {@code id}, ascending or not. */
  public record Order(String field, boolean ascending) {
    String sql(String alias) {
      String direction = ascending ? " asc" : " desc";
      return "at".equals(field)
          ? alias + "at" + direction + ", " + alias + "id" + direction
          : alias + "id" + direction;
    }
  }

  /** A page of the events the query selects, newest first. */
  public Page search(Query query, int page, int size) {
    return search(query, page, size, null);
  }

  /** A page of the events the query selects, in {@code order} (null: newest first). */
  public Page search(Query query, int page, int size, @Nullable Order order) {
    Order sorted = order == null ? new Order("id", false) : order;
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
    if (query.result() != null) {
      where.append(" and result = ?");
      parameters.add(query.result());
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
                      // the page's display names and tenant names in the same query
                      "select e.id, e.at, e.username, e.tenant_code, e.action, e.target,"
                          + " e.result, e.ip, u.display_name, t.name, e.detail from (select * from"
                          + " audit_event"
                          + where
                          + " order by "
                          + sorted.sql("")
                          + " limit ? offset ?) e"
                          + " left join app_user u on lower(u.username) = lower(e.username)"
                          + " left join tenant t on t.code = e.tenant_code order by "
                          + sorted.sql("e."),
                      paged);
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              items.add(event(rs));
            }
          }
          return new Page(items, total);
        });
  }

  /**
   * One event of a search's row; a detail holding a change ({@link AuditChanges}) answers its
   * states as {@code before} and {@code after} and its note as the detail.
   */
  private AuditEvent event(ResultSet rs) throws SQLException {
    String detail = rs.getString(11);
    AuditChanges.Change change = changes.read(detail).orElse(null);
    String userName = rs.getString(9);
    return new AuditEvent(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        userName,
        rs.getString(10),
        change == null ? detail : change.note(),
        userName,
        change == null ? null : change.before(),
        change == null ? null : change.after());
  }

  /**
   * What {@link #verify()} found: how many events it checked, and the id of the first one that was
   * altered, inserted, or follows a deleted one (null when the chain is whole).
   */
  @Serdeable
  public record Verification(long checked, @Nullable Long firstBrokenId) {}

  /**
   * Recomputes the keyed chain from the archive's anchor (or the beginning): names the first event
   * whose seal is not the seal of its content and link (changed, or inserted without the key),
   * whose link is not the seal before it (an event deleted before it), or that was sealed by
   * another algorithm (a row from before the keyed chain, or one re-sealed with a plain hash).
   * Reads in pages of {@value #VERIFY_PAGE} by id, each in a read transaction of its own bounded by
   * {@code shuangyong.audit.verify-statement-timeout}, so neither memory nor one statement grows
   * with the trail. The newest events removed leave a shorter chain that is whole: the platform
   * role cannot delete at all, the owner only archived events (the trigger).
   */
  public Verification verify() {
    Anchor anchor = anchor();
    String previous = anchor.hash();
    long after = anchor.lastId();
    long checked = 0;
    while (true) {
      List<Row> page = page(after);
      for (Row row : page) {
        checked++;
        if (!anchor.valid()
            || !seal.algorithm().equals(row.seal())
            || !previous.equals(row.previous())
            || !seal.matches(
                message(previous, row.at(), row.entry(), row.sourceId()), row.hash())) {
          return new Verification(checked, row.id());
        }
        previous = row.hash();
        after = row.id();
      }
      if (page.size() < VERIFY_PAGE) {
        return new Verification(checked, null);
      }
    }
  }

  /** The id of the first broken event, or -1 when the chain is whole. */
  public long verifyChain() {
    Long broken = verify().firstBrokenId();
    return broken == null ? -1 : broken;
  }

  private record Row(
      long id,
      Instant at,
      Entry entry,
      @Nullable Long sourceId,
      String previous,
      String hash,
      @Nullable String seal) {}

  private List<Row> page(long after) {
    return transactions.executeRead(
        status -> {
          Connection connection = status.getConnection();
          try (Statement budget = connection.createStatement()) {
            budget.execute("set local statement_timeout = " + verifyBudget.toMillis());
          }
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select id, at, username, tenant_code, action, target, result, ip, detail,"
                      + " prev_hash, hash, source_id, seal from audit_event where id > ?"
                      + " order by id limit "
                      + VERIFY_PAGE)) {
            select.setLong(1, after);
            List<Row> rows = new ArrayList<>(VERIFY_PAGE);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Row(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        new Entry(
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9)),
                        rs.getObject(12, Long.class),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(13)));
              }
            }
            return rows;
          }
        });
  }

  /**
   * Where the chain in the table begins: after the newest archive, at the seal of the last event it
   * moved to its file, if that archive row's own seal holds; else at the genesis.
   */
  private Anchor anchor() {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
                  status
                      .getConnection()
                      .prepareStatement(
                          "select first_id, last_id, events, last_hash, file, sha256, seal"
                              + " from audit_archive order by id desc limit 1");
              ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
              return new Anchor(0, GENESIS, true);
            }
            AuditArchiveRecord archive =
                new AuditArchiveRecord(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6));
            boolean valid = seal.matches(archive.message(), rs.getString(7));
            return new Anchor(archive.lastId(), archive.lastHash(), valid);
          }
        });
  }

  private record Anchor(long lastId, String hash, boolean valid) {}

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

  /**
   * What an event's seal covers: the previous seal, its time (microseconds, what timestamptz
   * keeps), its fields, and for an entry copied from a tenant its id there.
   */
  static byte[] message(String previous, Instant at, Entry entry, @Nullable Long sourceId) {
    String fields =
        String.join(
            "\u001f",
            previous,
            Long.toString(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000),
            String.valueOf(entry.user()),
            String.valueOf(entry.tenant()),
            entry.action(),
            String.valueOf(entry.target()),
            entry.result(),
            String.valueOf(entry.ip()),
            String.valueOf(entry.detail()));
    String canonical = sourceId == null ? fields : fields + "\u001f" + sourceId;
    return canonical.getBytes(StandardCharsets.UTF_8);
  }
}
