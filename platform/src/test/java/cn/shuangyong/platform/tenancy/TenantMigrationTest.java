package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.ProblemException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant migrations on several nodes: nodes migrating one tenant at once, a node whose own trouble
 * must not take a tenant offline for the others, and a restart that migrates only the tenants
 * behind the newest schema while serving the others at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantMigrationTest implements TestPropertyProvider {
  /** The first version of the tenant stream: what a tenant records before later migrations. */
  private static final String OLDER_VERSION = "2026.11.25.1000";

  @Inject ApplicationContext context;
  @Inject TenantProvisioner provisioner;
  @Inject TenantDirectory directory;
  @Inject TenantSchemaStream stream;
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  private final ExecutorService background = Executors.newCachedThreadPool();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    // this node notices at once what another node wrote into the registry
    properties.put("shuangyong.tenancy.active-cache-ttl", "1ms");
    return properties;
  }

  @AfterAll
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void concurrentMigrationsOfOneTenantAllSucceed() throws Exception {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("migprov", AdministrativeLevel.PROVINCE, null);
    List<Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tenants.add(fixtures.tenant("mig_city" + i, "migprov"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Tenant>> results = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (Tenant tenant : tenants) {
        results.add(pool.submit(() -> provisioner.migrate(tenant, "test")));
      }
    }
    for (Future<Tenant> result : results) {
      Tenant outcome = result.get();
      assertThat(outcome.status())
          .as(outcome.code() + ": " + outcome.statusDetail())
          .isEqualTo(TenantStatus.ACTIVE);
      assertThat(outcome.schemaVersion()).as("kept when nothing is pending").isNotNull();
    }
    pool.shutdown();
  }

  /**
   * A second node whose owner pool is too small to migrate (two connections: enough for the
   * platform's Flyway, but a tenant's migration holds one for its lock and Flyway wants two more)
   * starts next to this one while a tenant is behind (a new migration deployed). Its trouble is its
   * own: the tenant stays ACTIVE in the registry, this node serves it, and the crippled node
   * retries in the background and says so in its /health.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aNodeThatCannotMigrateATenantLeavesItActiveForTheOtherNodes() throws Exception {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("migshared", "mig_shared");
    fixtures.user("mig.admin", Role.PLATFORM_ADMIN, null, null, null, null);
    recordVersion("mig_shared", OLDER_VERSION);
    Map<String, Object> crippled =
        Map.of(
            "datasources.default.maximum-pool-size", 2,
            "datasources.default.connection-timeout", 250,
            "shuangyong.tenancy.migration-retry-delay", "200ms");
    try (Node node = startNode(crippled)) {
      TenantReadiness readiness = node.context().getBean(TenantReadiness.class);
      awaitTrue(
          "the crippled node retries",
          Duration.ofSeconds(20),
          () -> {
            TenantReadiness.NotReady state = readiness.notReady().get("mig_shared");
            return state != null
                && state.reason() == TenantReadiness.Reason.RETRYING
                && state.attempts() >= 2;
          });
      assertThat(registry("mig_shared", "status")).isEqualTo("ACTIVE");
      assertThat(registry("mig_shared", "status_detail")).isNull();
      assertUnavailable(node.context().getBean(TenantDirectory.class), "mig_shared");

      // this node was never told anything: it brings the tenant up to date itself and serves it
      awaitTrue("this node serves the tenant", Duration.ofSeconds(20), () -> serves("mig_shared"));
      assertThat(registry("mig_shared", "status")).isEqualTo("ACTIVE");
      assertThat(registry("mig_shared", "schema_version")).isEqualTo(stream.newest());

      Api crippledApi = new Api(node.server(), json);
      String admin = new Api(server, json).login("mig.admin", PlatformFixtures.PASSWORD);
      Map<String, Object> health = crippledApi.get("/health", admin).map();
      Map<String, Object> tenants =
          (Map<String, Object>)
              ((Map<String, Object>) ((Map<String, Object>) health.get("details")).get("tenants"))
                  .get("details");
      assertThat((Map<String, Object>) tenants.get("retrying")).containsKey("mig_shared");
      assertThat((Map<String, Object>) tenants.get("failed")).doesNotContainKey("mig_shared");
    }
  }

  /**
   * A restart with one tenant behind: the node starts without waiting for it, serves the tenant
   * that is up to date at once (no migration runs for it: its migration lock is held meanwhile and
   * nobody waits for it), answers 503 with Retry-After for the one behind until it is migrated,
   * then serves it too.
   */
  @Test
  void aRestartMigratesOnlyTheTenantsBehindAndServesEachAsSoonAsItIsReady() throws Exception {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("migrestart", "mig_current", "mig_behind");
    recordVersion("mig_behind", OLDER_VERSION);
    try (Connection locks = TestInfrastructure.get().ownerConnection()) {
      advisory(locks, "pg_advisory_lock", "mig_current");
      advisory(locks, "pg_advisory_lock", "mig_behind");
      try (Node node = startNode(Map.of())) {
        TenantDirectory restarted = node.context().getBean(TenantDirectory.class);
        assertThat(restarted.enter(cityAdmin("mig_current"), "mig_current").code().value())
            .isEqualTo("mig_current");
        assertThat(lockWaiters("mig_current")).as("nobody migrates the current tenant").isZero();
        assertUnavailable(restarted, "mig_behind");

        advisory(locks, "pg_advisory_unlock", "mig_behind");
        awaitTrue(
            "the tenant behind is served once migrated",
            Duration.ofSeconds(20),
            () -> serves(restarted, "mig_behind"));
        assertThat(registry("mig_behind", "schema_version")).isEqualTo(stream.newest());
        assertThat(node.context().getBean(TenantStartupMigration.class).notReadyTenants())
            .doesNotContain("mig_current", "mig_behind");
      } finally {
        advisory(locks, "pg_advisory_unlock", "mig_current");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A second node on the same database and Redis, with an HTTP server of its own. */
  private record Node(EmbeddedServer server) implements AutoCloseable {
    ApplicationContext context() {
      return server.getApplicationContext();
    }

    @Override
    public void close() {
      server.getApplicationContext().close();
    }
  }

  /** Starts a node; fails (instead of hanging) when its start waits for a tenant's migration. */
  private Node startNode(Map<String, Object> extra) throws Exception {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    Future<EmbeddedServer> starting =
        background.submit(() -> ApplicationContext.run(EmbeddedServer.class, properties));
    return new Node(starting.get(30, TimeUnit.SECONDS));
  }

  private static CurrentUser cityAdmin(String tenant) {
    return new CurrentUser(
        tenant + ".admin", "测试", Set.of(Role.CITY_ADMIN), tenant, null, null, null);
  }

  private boolean serves(String code) {
    return serves(directory, code);
  }

  /** Whether the node serves the tenant now; 503 is "not yet", anything else (404) a failure. */
  private static boolean serves(TenantDirectory directory, String code) {
    try {
      directory.enter(cityAdmin(code), code);
      return true;
    } catch (ProblemException e) {
      assertThat(e.status().getCode()).as(code + " must never be 404").isEqualTo(503);
      return false;
    }
  }

  private static void assertUnavailable(TenantDirectory directory, String code) {
    assertThatThrownBy(() -> directory.enter(cityAdmin(code), code))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.status().getCode()).isEqualTo(503);
              assertThat(problem.retryAfter()).isPresent();
              assertThat(problem.messageKey()).isEqualTo("tenant.migrating");
            });
  }

  private static void recordVersion(String code, String version) throws SQLException {
    try (Connection owner = TestInfrastructure.get().ownerConnection();
        PreparedStatement update =
            owner.prepareStatement(
                "update platform.tenant set schema_version = ? where code = ?")) {
      update.setString(1, version);
      update.setString(2, code);
      update.executeUpdate();
    }
  }

  private static String registry(String code, String column) throws SQLException {
    try (Connection owner = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            owner.prepareStatement("select " + column + " from platform.tenant where code = ?")) {
      select.setString(1, code);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  /** The migration's own advisory lock of a tenant ({@link TenantSchemaMigrator}). */
  private static void advisory(Connection connection, String function, String code)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select " + function + "(hashtext(?))")) {
      statement.setString(1, "shuangyong-tenant-migration:" + code);
      statement.execute();
    }
  }

  /** Sessions waiting for a tenant's migration lock. */
  private static int lockWaiters(String code) throws SQLException {
    try (Connection owner = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            owner.prepareStatement(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted"
                    + " and objid::text::bigint = (hashtext(?)::bigint & 4294967295)")) {
      select.setString(1, "shuangyong-tenant-migration:" + code);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static void awaitTrue(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within " + limit).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
