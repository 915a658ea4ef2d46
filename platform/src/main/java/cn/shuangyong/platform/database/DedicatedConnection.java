package cn.shuangyong.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * One connection of the platform login role kept outside the pools, for a background check that
 * must not depend on them: an exhausted pool, or a pool still backing off after an outage (Hikari
 * waits up to 5 s between attempts to refill), would otherwise make a healthy database look away.
 * It connects again on the next use after a failure, bounded by the driver's connect, login and
 * socket timeouts.
 *
 * <p>Not thread-safe: one owner thread uses it.
 */
public final class DedicatedConnection implements AutoCloseable {
  private final String url;
  private final Properties login = new Properties();
  private Connection connection;

  /**
   * @param applicationName what {@code pg_stat_activity} shows for it
   * @param connectWithin connect and login timeout
   * @param answerWithin the socket timeout: a silent server fails a statement after this
   * @param options PostgreSQL session options ({@code -c key=value …}), or empty
   */
  public DedicatedConnection(
      DatabaseLogin database,
      String applicationName,
      Duration connectWithin,
      Duration answerWithin,
      String options) {
    this.url = database.url();
    login.setProperty("user", database.username());
    login.setProperty("password", database.password());
    login.setProperty("connectTimeout", Long.toString(seconds(connectWithin)));
    login.setProperty("loginTimeout", Long.toString(seconds(connectWithin)));
    login.setProperty("socketTimeout", Long.toString(seconds(answerWithin)));
    login.setProperty("ApplicationName", applicationName);
    login.setProperty("currentSchema", database.schema());
    if (!options.isEmpty()) {
      login.setProperty("options", options);
    }
  }

  /** The open connection, connecting first if there is none or it was closed. */
  public Connection get() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url, login);
    }
    return connection;
  }

  /** Drops the connection after a failure: the next {@link #get} connects anew. */
  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // it is being dropped anyway
      }
      connection = null;
    }
  }

  /** Whole seconds, rounded up: the driver's timeouts count in seconds. */
  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
