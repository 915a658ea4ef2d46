package cn.shuangyong.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;

/**
 * A real PostgreSQL (17, pinned) started from its Maven-packaged binaries, for the one-command run
 * and for tests on machines without Docker. Unlike the library's default it keeps fsync and
 * synchronous commit on (the data directory holds real data), listens on loopback only, and its
 * superuser needs a password: one generated at the first start and kept in {@value #PASSWORD_FILE}
 * of the data directory, readable by the platform's own user only (POSIX 600). The library's
 * default, every local connection let in as the superuser without a password, is how an audit row
 * could be rewritten by anyone on the machine.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  public static final String DATABASE = "shuangyong";
  public static final String SUPERUSER = "postgres";
  public static final String PASSWORD_FILE = "postgres-superuser.password";
  static final String LOOPBACK = "127.0.0.1";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** Password authentication for every connection; nothing but loopback is listened on anyway. */
  static final String HBA =
      """
      # written by Shuangyong Cloud at every start: the superuser's password, never trust
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      host    all   all   ::1/128        scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  /** Starts on a free port over {@code dataDirectory}/postgres, creating it on first use. */
  public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
    try {
      Files.createDirectories(dataDirectory);
      Path data = dataDirectory.resolve("postgres");
      Path runtime = dataDirectory.resolve("postgres-runtime");
      Files.createDirectories(runtime);
      boolean existingCluster = Files.exists(data.resolve("PG_VERSION"));
      Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
      boolean newPassword = !Files.exists(passwordFile);
      String password = newPassword ? createPasswordFile(passwordFile) : readPassword(passwordFile);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(runtime.toFile())
              // initdb: these come after the library's "-A trust", and the last one counts
              .setLocaleConfig("auth", "scram-sha-256")
              .setLocaleConfig("pwfile", passwordFile.toString())
              .setConnectConfig("password", password)
              .setServerConfig("listen_addresses", LOOPBACK)
              .setServerConfig("password_encryption", "scram-sha-256")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              .setServerConfig("full_page_writes", durable ? "on" : "off")
              .setServerConfig("max_connections", "200")
              .setServerConfig("max_locks_per_transaction", "256")
              .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, password);
      server.secure(data, existingCluster && newPassword);
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
    return "jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  /** The superuser's password, as kept in {@value #PASSWORD_FILE}. */
  public String superuserPassword() {
    return password;
  }

  /**
   * Writes the password-only {@code pg_hba.conf} and reloads it. A data directory made before the
   * password existed (trust for everyone) first gets the superuser's new password.
   */
  private void secure(Path data, boolean setPassword) throws IOException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      if (setPassword) {
        statement.execute("set password_encryption = 'scram-sha-256'");
        statement.execute(
            "alter role " + SUPERUSER + " password '" + password.replace("'", "''") + "'");
      }
      Path hba = data.resolve("pg_hba.conf");
      if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
        Files.writeString(hba, HBA, StandardCharsets.UTF_8);
        statement.execute("select pg_reload_conf()");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot secure the embedded PostgreSQL", e);
    }
  }

  private static String createPasswordFile(Path file) throws IOException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    try {
      // created with its permissions, so it is never readable by others, not even for a moment
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return readPassword(file);
    }
    Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    return password;
  }

  private static String readPassword(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    String password = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (password.isEmpty()) {
      throw new IllegalStateException(file + " is empty: remove it only with the data directory");
    }
    return password;
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
