package cn.shuangyong.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of the one-command run: its superuser has a password generated at the
 * first start, kept in the data directory for the platform's user only, and a connection without it
 * is refused; it listens on loopback only. A data directory from before (trust for everyone) is
 * secured at its next start.
 */
class EmbeddedPostgresSecurityTest {

  @Test
  void theSuperuserNeedsItsGeneratedPasswordAndOnlyLoopbackIsListenedOn(@TempDir Path directory)
      throws Exception {
    String password;
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false)) {
      Path file = directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
      password = Files.readString(file).trim();
      assertThat(password).hasSizeGreaterThanOrEqualTo(32).isEqualTo(server.superuserPassword());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");

      assertRefusedWithout(server);
      assertRefusedWith(server, "wrong-password");
      try (Connection connection = connect(server, password);
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("show listen_addresses")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
      }
    }
    // a restart keeps the same password and the same refusal
    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(directory, false)) {
      assertThat(again.superuserPassword()).isEqualTo(password);
      assertRefusedWithout(again);
      try (Connection connection = connect(again, password)) {
        assertThat(connection.isValid(1)).isTrue();
      }
    }
  }

  @Test
  void aDataDirectoryFromBeforeThePasswordIsSecuredAtItsNextStart(@TempDir Path directory)
      throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false)) {
      assertThat(server.port()).isPositive();
    }
    // what a directory made by the earlier version looks like: trust for everyone, no password
    Files.writeString(
        directory.resolve("postgres").resolve("pg_hba.conf"),
        "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
    Files.delete(directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE));

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false)) {
      assertRefusedWithout(server);
      try (Connection connection = connect(server, server.superuserPassword())) {
        assertThat(connection.isValid(1)).isTrue();
      }
    }
  }

  private static void assertRefusedWithout(EmbeddedPostgresServer server) {
    assertThatThrownBy(() -> connect(server, null).close())
        .isInstanceOf(SQLException.class)
        // the server asks for a password (SCRAM), which the client does not have: no session
        .satisfies(
            e -> assertThat(((SQLException) e).getSQLState()).isIn("28000", "28P01", "08004"));
  }

  private static void assertRefusedWith(EmbeddedPostgresServer server, String password) {
    assertThatThrownBy(() -> connect(server, password).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  private static Connection connect(EmbeddedPostgresServer server, String password)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", EmbeddedPostgresServer.SUPERUSER);
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }
}
