package cn.shuangyong.platform.database;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node at a time for the startup steps that look whether something exists and create it when it
 * does not (the demo province, the first platform admin): nodes starting together on a fresh
 * database would otherwise both find nothing and both insert, and one of them crash on the
 * duplicate. A PostgreSQL session advisory lock on a platform connection of its own, held while the
 * step runs; the next node waits, then finds the step done. A node that dies releases the lock with
 * its connection. The wait is as long as another node's step may take (loading the demo province
 * takes seconds), not the platform pool's lock and statement timeouts, which are for requests: the
 * session sets its own for the wait ({@link #WAIT}), and its socket's read timeout too (the pool's
 * is the statement timeout + 5 s: past it a waiting node gave up its start with "Read timed out"
 * whenever another node's step took longer), and resets them before it goes back to the pool.
 */
@Singleton
public class StartupLock {
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  private static final String KEY = "shuangyong-startup-data";

  /** The longest a node waits for another node's startup step before it gives up its start. */
  static final Duration WAIT = Duration.ofMinutes(5);

  private final DataSource dataSource;

  StartupLock(
      DatabaseBootstrap platformReady,
      @Named(PlatformDataSource.NAME) DataSource dataSource,
      DataSourceResolver resolver) {
    // the pool itself: a session lock wants its own connection, outside any transaction
    this.dataSource = resolver.resolve(dataSource);
  }

  /** Runs {@code step} while no other node runs a startup step. */
  public void exclusively(String step, Runnable work) {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      int networkTimeout = connection.getNetworkTimeout();
      connection.setNetworkTimeout(Runnable::run, (int) WAIT.plusSeconds(5).toMillis());
      try (Statement wait = connection.createStatement()) {
        wait.execute(
            "set lock_timeout = "
                + WAIT.toMillis()
                + "; set statement_timeout = "
                + WAIT.toMillis());
      }
      call(connection, "pg_advisory_lock");
      long waited = (System.nanoTime() - started) / 1_000_000;
      if (waited > 100) {
        LOG.info("{}: waited {} ms for another node's startup step", step, waited);
      }
      try {
        work.run();
      } finally {
        call(connection, "pg_advisory_unlock");
        try (Statement reset = connection.createStatement()) {
          reset.execute("reset lock_timeout; reset statement_timeout");
        }
        connection.setNetworkTimeout(Runnable::run, networkTimeout);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(step + ": the startup lock could not be taken", e);
    }
  }

  private static void call(Connection connection, String function) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select " + function + "(hashtext(?))")) {
      statement.setString(1, KEY);
      statement.execute();
    }
  }
}
