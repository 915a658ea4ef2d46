package cn.shuangyong.platform.testing;

import cn.shuangyong.platform.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import redis.embedded.RedisServer;

/**
 * The one switch that decides which real PostgreSQL and Redis the tests talk to, chosen once per
 * test JVM with {@code -Dtest.infra=auto|docker|external|embedded}:
 *
 * <ul>
 *   <li>{@code docker}: Testcontainers (postgres:17, redis:7);
 *   <li>{@code external}: the servers named by {@code SHUANGYONG_TEST_PG_URL} (default
 *       127.0.0.1:5432, user postgres) and {@code SHUANGYONG_TEST_REDIS_URI} (default
 *       127.0.0.1:6379), in a fresh database with run-unique role names, dropped afterwards;
 *   <li>{@code embedded}: an embedded PostgreSQL 17 and an embedded redis-server;
 *   <li>{@code auto} (default): docker when a Docker engine answers, else external when both
 *       servers answer, else embedded.
 * </ul>
 *
 * Tests are the same whichever serves them.
 */
public final class TestInfrastructure {
  private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
  private static TestInfrastructure instance;

  private final String mode;
  private final Map<String, Object> properties = new HashMap<>();
  private final String jdbcUrl;
  private final String adminUser;
  private final String adminPassword;

  public static synchronized TestInfrastructure get() {
    if (instance == null) {
      instance = new TestInfrastructure(System.getProperty("test.infra", "auto"));
    }
    return instance;
  }

  private TestInfrastructure(String requested) {
    String suffix = HexFormat.of().formatHex(randomBytes(4));
    mode = resolve(requested.toLowerCase(Locale.ROOT));
    LOG.info("test infrastructure: {} (asked for {})", mode, requested);
    String redisUri;
    switch (mode) {
      case "docker" -> {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine");
        postgres.start();
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redis.start();
        jdbcUrl = postgres.getJdbcUrl();
        adminUser = postgres.getUsername();
        adminPassword = postgres.getPassword();
        redisUri = "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
      }
      case "external" -> {
        String server = env("SHUANGYONG_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        adminUser = env("SHUANGYONG_TEST_PG_USER", "postgres");
        adminPassword = env("SHUANGYONG_TEST_PG_PASSWORD", "");
        String database = "sy_test_" + suffix;
        execute(server, "create database " + database);
        jdbcUrl = server.substring(0, server.lastIndexOf('/') + 1) + database;
        redisUri = env("SHUANGYONG_TEST_REDIS_URI", "redis://127.0.0.1:6379");
        String appUser = "sy_app_" + suffix;
        String platformUser = "sy_platform_" + suffix;
        String rolePrefix = "t" + suffix + "_";
        properties.put("shuangyong.db.app-user", appUser);
        properties.put("shuangyong.db.platform-user", platformUser);
        properties.put("shuangyong.db.role-prefix", rolePrefix);
        List<String> logins = List.of(appUser, platformUser);
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> dropExternal(server, database, logins, rolePrefix)));
      }
      case "embedded" -> {
        Path directory = temporaryDirectory();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory, false);
        jdbcUrl = postgres.jdbcUrl();
        adminUser = EmbeddedPostgresServer.SUPERUSER;
        adminPassword = postgres.superuserPassword();
        int port = freePort();
        RedisServer redis = startEmbeddedRedis(port);
        redisUri = "redis://127.0.0.1:" + port;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stopQuietly(redis);
                      postgres.close();
                    }));
      }
      default ->
          throw new IllegalArgumentException("test.infra must be auto|docker|external|embedded");
    }
    properties.put("datasources.default.url", jdbcUrl);
    // tests run each job themselves: no scheduled round runs behind their back
    properties.put("shuangyong.jobs.scheduled", "false");
    properties.put("datasources.default.username", adminUser);
    properties.put("datasources.default.password", adminPassword);
    properties.put("shuangyong.redis.uri", redisUri);
    properties.put("shuangyong.security.jwt-secret", HexFormat.of().formatHex(randomBytes(32)));
    properties.put("shuangyong.audit.key", HexFormat.of().formatHex(randomBytes(32)));
    properties.put("shuangyong.privacy.key", HexFormat.of().formatHex(randomBytes(32)));
    properties.put("shuangyong.security.bcrypt-cost", "4");
    // limits that no ordinary test reaches (the limit tests set their own), in buckets of this
    // run only (the Redis is shared by every test run on the machine)
    properties.put("shuangyong.rate-limit.key-prefix", "rl-" + suffix + ":");
    properties.put("shuangyong.rate-limit.sign-in-per-address", "1000000");
    properties.put("shuangyong.rate-limit.sign-in-per-account", "1000000");
    properties.put("shuangyong.rate-limit.api-per-address", "100000000");
    properties.put("shuangyong.rate-limit.api-per-account", "100000000");
    properties.put(
        "shuangyong.storage.directory", temporaryDirectory().resolve("attachments").toString());
    properties.put("shuangyong.db.app-password", HexFormat.of().formatHex(randomBytes(16)));
    properties.put("shuangyong.db.platform-password", HexFormat.of().formatHex(randomBytes(16)));
  }

  /** Micronaut properties that point an application context at these servers. */
  public Map<String, String> properties() {
    Map<String, String> copy = new HashMap<>();
    properties.forEach((k, v) -> copy.put(k, String.valueOf(v)));
    return copy;
  }

  public String mode() {
    return mode;
  }

  /** A connection as the owner (superuser), for raw per-schema counts in isolation tests. */
  public Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, adminUser, adminPassword);
  }

  /**
   * Properties for another, empty database on the same server, with login and tenant role names of
   * its own (roles are cluster-wide: a fresh start must not find the first database's roles): what
   * a cluster of nodes sees on its very first start. Dropped with {@link #dropDatabase}.
   */
  public Map<String, String> freshDatabase() {
    String suffix = HexFormat.of().formatHex(randomBytes(4));
    String database = "sy_fresh_" + suffix;
    try (Connection connection = ownerConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    Map<String, String> fresh = properties();
    fresh.put(
        "datasources.default.url", jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + database);
    fresh.put("shuangyong.db.app-user", "sy_app_" + suffix);
    fresh.put("shuangyong.db.platform-user", "sy_platform_" + suffix);
    fresh.put("shuangyong.db.role-prefix", "t" + suffix + "_");
    return fresh;
  }

  /** Drops a database of {@link #freshDatabase} and the roles it was given. */
  public void dropDatabase(Map<String, String> fresh) {
    String url = fresh.get("datasources.default.url");
    String database = url.substring(url.lastIndexOf('/') + 1);
    List<String> logins =
        List.of(fresh.get("shuangyong.db.app-user"), fresh.get("shuangyong.db.platform-user"));
    dropExternal(jdbcUrl, database, logins, fresh.get("shuangyong.db.role-prefix"));
  }

  public String redisUri() {
    return (String) properties.get("shuangyong.redis.uri");
  }

  private static String resolve(String requested) {
    if (!requested.equals("auto")) {
      return requested;
    }
    if (dockerAvailable()) {
      return "docker";
    }
    boolean postgres =
        answers("127.0.0.1", 5432) || System.getenv("SHUANGYONG_TEST_PG_URL") != null;
    boolean redis =
        answers("127.0.0.1", 6379) || System.getenv("SHUANGYONG_TEST_REDIS_URI") != null;
    return postgres && redis ? "external" : "embedded";
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static RedisServer startEmbeddedRedis(int port) {
    try {
      RedisServer redis =
          RedisServer.newRedisServer()
              .port(port)
              .setting("bind 127.0.0.1")
              .setting("save \"\"")
              .build();
      redis.start();
      return redis;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the embedded redis-server", e);
    }
  }

  private static void stopQuietly(RedisServer redis) {
    try {
      redis.stop();
    } catch (IOException e) {
      LOG.warn("embedded redis did not stop: {}", e.getMessage());
    }
  }

  private void dropExternal(
      String server, String database, List<String> logins, String rolePrefix) {
    try (Connection connection = DriverManager.getConnection(server, adminUser, adminPassword);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
      try (var roles =
          connection
              .createStatement()
              .executeQuery(
                  "select rolname from pg_roles where rolname like '"
                      + rolePrefix
                      + "%' or rolname in ('"
                      + String.join("', '", logins)
                      + "')")) {
        while (roles.next()) {
          try (Statement drop = connection.createStatement()) {
            drop.execute("drop role if exists \"" + roles.getString(1) + "\"");
          }
        }
      }
    } catch (SQLException e) {
      LOG.warn("could not clean up test database {}: {}", database, e.getMessage());
    }
  }

  private void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url, adminUser, adminPassword);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("shuangyong-test-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
