package cn.shuangyong.tenants.outage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.database.OwnerDatabase;
import cn.shuangyong.platform.database.OwnerRoleCheck;
import cn.shuangyong.platform.database.PoolTuning;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner connection (a superuser here, as on a development box) can take the connections
 * PostgreSQL keeps for superusers: its pool is sized for the migrations alone, never grows past
 * that, even under concurrent provisioning, and serving requests never touches it. Measured in
 * {@code pg_stat_activity} by the pool's {@code application_name}, from outside the application.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerPoolTest implements TestPropertyProvider {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerPoolTest.class);
  private static final String OWNER = PoolTuning.applicationName(PoolTuning.OWNER_POOL);
  private static final int MIGRATION_THREADS = 2;

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private Api api;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = TestInfrastructure.get().properties();
    properties.put("shuangyong.db.migration-threads", Integer.toString(MIGRATION_THREADS));
    return properties;
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
  }

  @AfterAll
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void theOwnerPoolIsSizedForTheMigrationsAndKeepsNothingIdle() throws SQLException {
    HikariDataSource owner = (HikariDataSource) context.getBean(OwnerDatabase.class).dataSource();
    assertThat(owner.getMaximumPoolSize())
        .isEqualTo(OwnerDatabase.CONNECTIONS_PER_MIGRATION * MIGRATION_THREADS + 1);
    assertThat(owner.getMinimumIdle()).isZero();
    assertThat(context.getBean(OwnerDatabase.class).concurrentMigrations())
        .isEqualTo(MIGRATION_THREADS);
    try (Connection connection = TestInfrastructure.get().ownerConnection();
        Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
      role.next();
      // the start warned about it (OwnerRoleCheck's WARN line)
      assertThat(context.getBean(OwnerRoleCheck.class).superuser()).isEqualTo(role.getBoolean(1));
    }
  }

  @Test
  void aBurstOfRequestsNeverUsesAnOwnerConnection() throws Exception {
    Map<String, String> tokens =
        Map.of(
            "/api/v1/tenants/pinghu/needs", api.login("pinghu.staff", DemoProvince.PASSWORD),
            "/api/v1/tenants/pinghu/garrison-units",
                api.login("pinghu.admin", DemoProvince.PASSWORD),
            "/api/v1/tenants/hangzhou/needs", api.login("hangzhou.admin", DemoProvince.PASSWORD),
            "/api/v1/tenants", api.login("zj.supervisor", DemoProvince.PASSWORD),
            "/api/v1/me", api.login("pinghu.liaison", DemoProvince.PASSWORD));
    Timestamp burstStarted = databaseNow();
    AtomicBoolean bursting = new AtomicBoolean(true);
    Future<Integer> sampled = threads.submit(() -> mostOwnerConnectionsWhile(bursting));
    AtomicInteger served = new AtomicInteger();
    List<Future<?>> clients = new ArrayList<>();
    for (int client = 0; client < 8; client++) {
      clients.add(
          threads.submit(
              () -> {
                for (int round = 0; round < 10; round++) {
                  tokens.forEach(
                      (path, token) -> {
                        Answer answer = api.get(path, token);
                        assertThat(answer.status()).as(path + " " + answer.text()).isEqualTo(200);
                        served.incrementAndGet();
                      });
                }
                return null;
              }));
    }
    for (Future<?> client : clients) {
      client.get(60, TimeUnit.SECONDS);
    }
    bursting.set(false);
    LOG.info(
        "{} requests served, at most {} owner connections open meanwhile, none used",
        served.get(),
        sampled.get(5, TimeUnit.SECONDS));
    assertThat(served).hasValue(8 * 10 * tokens.size());
    // no owner connection was opened or ran a statement while the requests were served
    assertThat(ownerConnectionsBusySince(burstStarted)).isZero();
  }

  @Test
  void concurrentProvisioningStaysWithinTheOwnerPool() throws Exception {
    HikariDataSource owner = (HikariDataSource) context.getBean(OwnerDatabase.class).dataSource();
    String admin = api.login("admin", DemoProvince.PASSWORD);
    AtomicBoolean provisioning = new AtomicBoolean(true);
    Future<Integer> sampled = threads.submit(() -> mostOwnerConnectionsWhile(provisioning));
    List<Future<Answer>> created = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String code = "ownerpool" + i;
      created.add(
          threads.submit(
              () ->
                  api.post(
                      "/api/v1/tenants",
                      Map.of(
                          "code",
                          code,
                          "name",
                          "测试" + code,
                          "level",
                          "COUNTY",
                          "parent",
                          "jiaxing"),
                      admin)));
    }
    for (Future<Answer> answer : created) {
      Answer tenant = answer.get(60, TimeUnit.SECONDS);
      assertThat(tenant.status()).as(tenant.text()).isEqualTo(201);
      assertThat(tenant.string("status")).as(tenant.text()).isEqualTo("ACTIVE");
    }
    provisioning.set(false);
    int most = sampled.get(5, TimeUnit.SECONDS);
    LOG.info(
        "at most {} owner connections (pool maximum {}) during 6 concurrent provisionings",
        most,
        owner.getMaximumPoolSize());
    assertThat(most).isBetween(1, owner.getMaximumPoolSize());
  }

  /** The most owner connections of this database seen at once, sampled every few milliseconds. */
  private int mostOwnerConnectionsWhile(AtomicBoolean running) throws SQLException {
    int most = 0;
    try (Connection connection = TestInfrastructure.get().ownerConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from pg_stat_activity"
                    + " where datname = current_database() and application_name = ?")) {
      count.setString(1, OWNER);
      while (running.get()) {
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          most = Math.max(most, rows.getInt(1));
        }
        sleep(5);
      }
    }
    return most;
  }

  private int ownerConnectionsBusySince(Timestamp since) throws SQLException {
    try (Connection connection = TestInfrastructure.get().ownerConnection();
        PreparedStatement busy =
            connection.prepareStatement(
                "select count(*) from pg_stat_activity"
                    + " where datname = current_database() and application_name = ?"
                    + " and (backend_start >= ? or query_start >= ? or state <> 'idle')")) {
      busy.setString(1, OWNER);
      busy.setTimestamp(2, since);
      busy.setTimestamp(3, since);
      try (ResultSet rows = busy.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static Timestamp databaseNow() throws SQLException {
    try (Connection connection = TestInfrastructure.get().ownerConnection();
        Statement statement = connection.createStatement();
        ResultSet now = statement.executeQuery("select clock_timestamp()")) {
      now.next();
      return now.getTimestamp(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
