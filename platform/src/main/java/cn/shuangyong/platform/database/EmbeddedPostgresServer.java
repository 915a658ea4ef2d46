package cn.shuangyong.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL (17, pinned) started from its Maven-packaged binaries, for the one-command run
 * and for tests on machines without Docker. Unlike the library's default it keeps fsync and
 * synchronous commit on: the data directory holds real data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  public static final String DATABASE = "shuangyong";
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts on a free port over {@code dataDirectory}/postgres, creating it on first use. */
  public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
    try {
      Path data = dataDirectory.resolve("postgres");
      Path runtime = dataDirectory.resolve("postgres-runtime");
      Files.createDirectories(runtime);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(runtime.toFile())
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              .setServerConfig("full_page_writes", durable ? "on" : "off")
              .setServerConfig("max_connections", "200")
              .setServerConfig("max_locks_per_transaction", "256")
              .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
      server.createDatabaseIfMissing();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
    }
  }

  /**
   * The URL without a user: the library's own URL carries {@code ?user=postgres}, which would
   * override the login role of every pool on it (the tenant pool must log in as the application
   * role, not as the superuser).
   */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      statement.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + DATABASE, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
