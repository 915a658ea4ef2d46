package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tries to break tenant isolation at the database level: another tenant's schema from inside a
 * tenant transaction, any tenant schema outside one, pooled connections keeping a tenant, and many
 * threads of two tenants interleaving.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantFenceTest implements TestPropertyProvider {
  @Inject ApplicationContext context;
  @Inject TenantScope scope;
  @Inject TenantDirectory directory;

  @Inject
  @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
  JdbcOperations jdbc;

  DataSource tenantDataSource;

  TenantContext alpha;
  TenantContext beta;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void tenants() {
    tenantDataSource =
        context
            .getBean(io.micronaut.jdbc.DataSourceResolver.class)
            .resolve(
                context.getBean(
                    DataSource.class,
                    io.micronaut.inject.qualifiers.Qualifiers.byName(
                        TenantDataSourceFactory.TENANT_DATA_SOURCE)));
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("fenceprov", "fence_alpha", "fence_beta");
    alpha = new TestTenants(context).admin("fence_alpha");
    beta = new TestTenants(context).admin("fence_beta");
  }

  @Test
  void aTenantTransactionSeesOnlyItsOwnSchema() {
    String own =
        scope.read(
            alpha, () -> jdbc.execute(c -> single(c, "select current_setting('search_path')")));
    assertThat(own).isEqualTo("t_fence_alpha");
    String count =
        scope.read(alpha, () -> jdbc.execute(c -> single(c, "select count(*) from garrison_unit")));
    assertThat(count).isNotNull();
  }

  @Test
  void aRawQueryAgainstAnotherTenantsSchemaIsRefusedByTheDatabase() {
    assertThatThrownBy(
            () ->
                scope.read(
                    alpha,
                    () ->
                        jdbc.execute(
                            c -> single(c, "select count(*) from t_fence_beta.garrison_unit"))))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(
            () ->
                scope.write(
                    alpha,
                    () ->
                        jdbc.execute(
                            c -> {
                              insertUnit(c, "t_fence_beta.garrison_unit", "越界写入");
                              return null;
                            })))
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThat(rawCount("t_fence_beta", "name = '越界写入'")).isZero();
  }

  @Test
  void outsideATenantScopeTheTenantPoolReachesNoTenantAtAll() throws SQLException {
    try (Connection connection = tenantDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(
              () -> statement.executeQuery("select count(*) from t_fence_alpha.garrison_unit"))
          .hasMessageContaining("permission denied");
    }
    try (Connection connection = tenantDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      // unqualified: the search path is public, where no tenant table lives (fail closed)
      assertThatThrownBy(() -> statement.executeQuery("select count(*) from garrison_unit"))
          .hasMessageContaining("does not exist");
    }
  }

  @Test
  void enteringASecondTenantInsideATenantTransactionIsRefused() {
    assertThatThrownBy(() -> scope.read(alpha, () -> scope.read(beta, () -> 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to enter");
  }

  @Test
  void pooledConnectionsComeBackAsTheLoginRoleAfterCommitAndRollback() throws SQLException {
    String loginRole = context.getBean(TenantRoles.class).appLoginRole();
    for (int i = 0; i < 40; i++) {
      scope.read(alpha, () -> jdbc.execute(c -> single(c, "select 1")));
      try {
        scope.write(
            beta,
            () -> {
              throw new IllegalStateException("forced rollback");
            });
      } catch (IllegalStateException expected) {
        // rolled back
      }
    }
    for (int i = 0; i < 20; i++) {
      try (Connection connection = tenantDataSource.getConnection()) {
        assertThat(single(connection, "select current_user")).isEqualTo(loginRole);
        assertThat(single(connection, "select current_setting('search_path')")).isEqualTo("public");
      }
    }
  }

  @Test
  void twoTenantsUnderEightThreadsEachNeverMix() throws Exception {
    int threadsPerTenant = 8;
    int operationsPerThread = 250;
    long alphaBefore = rawCount("t_fence_alpha", "true");
    long betaBefore = rawCount("t_fence_beta", "true");
    AtomicInteger mixed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threadsPerTenant * 2);
    List<Future<?>> futures = new ArrayList<>();
    for (TenantContext tenant : List.of(alpha, beta)) {
      for (int t = 0; t < threadsPerTenant; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      for (int i = 0; i < operationsPerThread; i++) {
                        String name = tenant.code() + "-" + thread + "-" + i;
                        String seen =
                            scope.write(
                                tenant,
                                () ->
                                    jdbc.execute(
                                        c -> {
                                          insertUnit(c, "garrison_unit", name);
                                          return single(c, "select current_setting('search_path')");
                                        }));
                        if (!seen.equals(tenant.schema())) {
                          mixed.incrementAndGet();
                        }
                        String back =
                            scope.read(
                                tenant,
                                () ->
                                    jdbc.prepareStatement(
                                        "select name from garrison_unit where name = ?",
                                        s -> {
                                          s.setString(1, name);
                                          try (ResultSet rs = s.executeQuery()) {
                                            return rs.next() ? rs.getString(1) : null;
                                          }
                                        }));
                        if (!name.equals(back)) {
                          mixed.incrementAndGet();
                        }
                      }
                      return null;
                    }));
      }
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    assertThat(mixed).hasValue(0);
    int expected = threadsPerTenant * operationsPerThread;
    assertThat(rawCount("t_fence_alpha", "true") - alphaBefore).isEqualTo(expected);
    assertThat(rawCount("t_fence_beta", "true") - betaBefore).isEqualTo(expected);
    assertThat(rawCount("t_fence_alpha", "name like 'fence_beta-%'")).isZero();
    assertThat(rawCount("t_fence_beta", "name like 'fence_alpha-%'")).isZero();
  }

  private static void insertUnit(Connection c, String table, String name) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into "
                + table
                + " (name, branch, created_at, created_by, updated_at, updated_by)"
                + " values (?, 'ARMY', ?, 'test', ?, 'test')")) {
      Timestamp now = Timestamp.from(Instant.now());
      insert.setString(1, name);
      insert.setTimestamp(2, now);
      insert.setTimestamp(3, now);
      insert.executeUpdate();
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long rawCount(String schema, String condition) {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from " + schema + ".garrison_unit where " + condition)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
