package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The keyed chain holds against the database superuser: a row altered, deleted or inserted directly
 * in PostgreSQL, and the rest re-chained the way an attacker without the key would (a plain SHA-256
 * over the same fields), is named by verify. And appends from two nodes at once chain correctly.
 * Each test runs on a database of its own, so what it breaks stays broken there only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSealTest {
  private final TestInfrastructure infra = TestInfrastructure.get();
  private final List<Map<String, String>> databases = new ArrayList<>();
  private final List<ApplicationContext> nodes = new ArrayList<>();

  @AfterAll
  void stop() {
    nodes.forEach(ApplicationContext::close);
    databases.forEach(infra::dropDatabase);
  }

  @Test
  void aRowAlteredAndReChainedWithPlainHashesIsNamed() throws Exception {
    Node node = node(freshDatabase());
    List<Long> ids = events(node.audit(), 5);
    assertThat(node.audit().verify()).isEqualTo(new AuditLog.Verification(5, null));
    List<Object[]> rows = rows(node, ids.get(2));
    rows.get(0)[detail()] = "forged";
    rewriteWithPlainHashes(node, rows, previousHash(node, ids.get(2)));
    assertThat(node.audit().verify().firstBrokenId()).isEqualTo(ids.get(2));
  }

  @Test
  void aDeletedRowIsNamedAtTheNextOneEvenWhenReChained() throws Exception {
    Node node = node(freshDatabase());
    List<Long> ids = events(node.audit(), 5);
    String before = previousHash(node, ids.get(2));
    List<Object[]> after = rows(node, ids.get(3));
    asOwner(node, "delete from platform.audit_event where id >= ?", ids.get(2));
    rewriteWithPlainHashes(node, after, before);
    AuditLog.Verification verification = node.audit().verify();
    assertThat(verification.firstBrokenId()).isEqualTo(ids.get(3));
  }

  @Test
  void aDeletedRowIsNamedWithoutReChainingToo() throws Exception {
    Node node = node(freshDatabase());
    List<Long> ids = events(node.audit(), 4);
    asOwner(node, "delete from platform.audit_event where id = ?", ids.get(1));
    assertThat(node.audit().verify().firstBrokenId()).isEqualTo(ids.get(2));
  }

  @Test
  void anInsertedRowIsNamed() throws Exception {
    Node node = node(freshDatabase());
    List<Long> ids = events(node.audit(), 3);
    Object[] last = rows(node, ids.get(2)).get(0);
    Object[] forged = last.clone();
    forged[0] = ids.get(2) + 1;
    forged[detail()] = "a sign-in that never happened";
    List<Object[]> inserted = new ArrayList<>();
    inserted.add(forged);
    rewriteWithPlainHashes(node, inserted, (String) last[hash()]);
    assertThat(node.audit().verify()).isEqualTo(new AuditLog.Verification(4, ids.get(2) + 1));
  }

  @Test
  void appendsFromTwoNodesAtOnceChainCorrectly() throws Exception {
    Map<String, String> database = freshDatabase();
    Node first = node(database);
    Node second = node(database);
    int threads = 8;
    int perThread = 60;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        AuditLog audit = (t % 2 == 0 ? first : second).audit();
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    audit.record(
                        new AuditLog.Entry(
                            "node" + thread, null, "LOAD", "n" + i, "SUCCESS", "10.0.0.1", null));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "audit appends: %d from %d threads on 2 nodes in %.2f s = %.0f/s%n",
        threads * perThread, threads, seconds, threads * perThread / seconds);
    assertThat(first.audit().verify())
        .isEqualTo(new AuditLog.Verification(threads * perThread, null));
  }

  private record Node(ApplicationContext context, AuditLog audit, Map<String, String> database) {}

  private Map<String, String> freshDatabase() {
    Map<String, String> database = infra.freshDatabase();
    databases.add(database);
    return database;
  }

  private Node node(Map<String, String> database) {
    ApplicationContext context = ApplicationContext.run(Map.<String, Object>copyOf(database));
    nodes.add(context);
    return new Node(context, context.getBean(AuditLog.class), database);
  }

  private static List<Long> events(AuditLog audit, int count) {
    for (int i = 0; i < count; i++) {
      audit.record(
          new AuditLog.Entry("chain", null, "SIGN_IN", "t" + i, "SUCCESS", "10.1.1." + i, "d" + i));
    }
    return audit
        .search(new AuditLog.Query(null, null, "chain", "SIGN_IN", null, null), 0, 100)
        .items()
        .stream()
        .map(AuditEvent::id)
        .sorted()
        .toList();
  }

  private static final String COLUMNS =
      "id, at, username, tenant_code, action, target, result, ip, detail, source_id, prev_hash,"
          + " hash, seal";

  private static int detail() {
    return 8;
  }

  private static int hash() {
    return 11;
  }

  /** The rows from {@code id} on, oldest first. */
  private static List<Object[]> rows(Node node, long id) throws SQLException {
    try (Connection c = owner(node);
        PreparedStatement select =
            c.prepareStatement(
                "select " + COLUMNS + " from platform.audit_event where id >= ? order by id")) {
      select.setLong(1, id);
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Object[] row = new Object[13];
          for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static String previousHash(Node node, long id) throws SQLException {
    return (String) rows(node, id).get(0)[10];
  }

  /**
   * What an attacker with the superuser's rights but without the key does: replaces the rows from
   * the first given one on with the given content, each chained to the one before it by a plain
   * SHA-256 of the same fields, claiming the seal's algorithm.
   */
  private static void rewriteWithPlainHashes(Node node, List<Object[]> rows, String previous)
      throws Exception {
    try (Connection c = owner(node)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("alter table platform.audit_event disable trigger audit_event_append_only");
        try (PreparedStatement delete =
            c.prepareStatement("delete from platform.audit_event where id >= ?")) {
          delete.setLong(1, ((Number) rows.get(0)[0]).longValue());
          delete.executeUpdate();
        }
        for (Object[] row : rows) {
          row[10] = previous;
          row[11] = plainHash(row);
          previous = (String) row[11];
          try (PreparedStatement insert =
              c.prepareStatement(
                  "insert into platform.audit_event ("
                      + COLUMNS
                      + ") overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?)")) {
            for (int i = 0; i < row.length; i++) {
              insert.setObject(i + 1, row[i]);
            }
            insert.executeUpdate();
          }
        }
        s.execute("alter table platform.audit_event enable trigger audit_event_append_only");
      }
      c.commit();
    }
  }

  private static String plainHash(Object[] row) throws Exception {
    Instant at = ((java.sql.Timestamp) row[1]).toInstant();
    AuditLog.Entry entry =
        new AuditLog.Entry(
            (String) row[2],
            (String) row[3],
            (String) row[4],
            (String) row[5],
            (String) row[6],
            (String) row[7],
            (String) row[8]);
    Long sourceId = row[9] == null ? null : ((Number) row[9]).longValue();
    byte[] message = AuditLog.message((String) row[10], at, entry, sourceId);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message));
  }

  private static void asOwner(Node node, String sql, long id) throws SQLException {
    try (Connection c = owner(node)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement change = c.prepareStatement(sql)) {
        s.execute("alter table platform.audit_event disable trigger audit_event_append_only");
        change.setLong(1, id);
        change.executeUpdate();
        s.execute("alter table platform.audit_event enable trigger audit_event_append_only");
      }
      c.commit();
    }
  }

  private static Connection owner(Node node) throws SQLException {
    Map<String, String> database = node.database();
    return DriverManager.getConnection(
        database.get("datasources.default.url"),
        database.get("datasources.default.username"),
        database.get("datasources.default.password"));
  }
}
