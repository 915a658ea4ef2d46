package cn.shuangyong.platform.testing;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Nodes (application contexts) starting at the same moment on one database, as a first deploy of
 * several nodes does; what each start threw, if anything.
 *
 * <p>{@link #interleaved} makes the race that a real cluster hits now and then happen every time:
 * the table that a startup step inserts into is locked against writes (reads go on) until every
 * node is waiting for it or for another node, so each node has looked before any has inserted.
 */
public final class NodesStartingTogether {
  private final Map<String, String> database;

  public NodesStartingTogether(Map<String, String> database) {
    this.database = database;
  }

  /** Starts {@code count} nodes at once with these extra properties; the crashes, by node. */
  public List<String> start(int count, Map<String, Object> extra) throws Exception {
    return run(count, extra, null);
  }

  /**
   * As {@link #start}, with {@code table} locked against writes until {@code count} sessions of the
   * database wait for a lock (the table's, or a startup lock held by another node), at most 20 s.
   */
  public List<String> interleaved(int count, Map<String, Object> extra, String table)
      throws Exception {
    return run(count, extra, table);
  }

  private List<String> run(int count, Map<String, Object> extra, String lockedTable)
      throws Exception {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    ExecutorService nodes = Executors.newFixedThreadPool(count);
    try (Connection holder = owner()) {
      if (lockedTable != null) {
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
          statement.execute("lock table " + lockedTable + " in share mode");
        }
      }
      CyclicBarrier together = new CyclicBarrier(count);
      List<Future<ApplicationContext>> started = new ArrayList<>();
      for (int node = 0; node < count; node++) {
        started.add(
            nodes.submit(
                () -> {
                  together.await();
                  return ApplicationContext.builder()
                      .properties(properties)
                      .deduceEnvironment(false)
                      .start();
                }));
      }
      if (lockedTable != null) {
        awaitWaiters(count, holder);
        holder.commit();
      }
      List<String> crashes = new ArrayList<>();
      for (Future<ApplicationContext> node : started) {
        try {
          node.get(180, TimeUnit.SECONDS).close();
        } catch (ExecutionException e) {
          crashes.add(rootOf(e).toString());
        }
      }
      return crashes;
    } finally {
      nodes.shutdownNow();
    }
  }

  /** A count of the database's rows that {@code sql} selects. */
  public int count(String sql) throws SQLException {
    try (Connection connection = owner();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private void awaitWaiters(int count, Connection holder) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection observer = owner();
        PreparedStatement waiting =
            observer.prepareStatement(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getInt(1) >= count) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
  }

  private Connection owner() throws SQLException {
    return DriverManager.getConnection(
        database.get("datasources.default.url"),
        database.get("datasources.default.username"),
        database.get("datasources.default.password"));
  }

  private static Throwable rootOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
