package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The limits of a tenant transaction: a runaway statement and a lock wait end with a 503 after
 * their timeout, an exhausted pool answers 503 after the short connection timeout (not Hikari's 30
 * s), and one tenant's stuck transactions take only its own share of the pool.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantScopeLimitsTest implements TestPropertyProvider {
  private static final int POOL = 6;
  private static final int SHARE = 2;

  @Inject ApplicationContext context;
  @Inject TenantScope scope;

  @Inject
  @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
  JdbcOperations jdbc;

  final ExecutorService threads = Executors.newCachedThreadPool();
  TenantContext alpha;
  TenantContext beta;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = TestInfrastructure.get().properties();
    properties.put("shuangyong.db.tenant-pool-size", Integer.toString(POOL));
    properties.put("shuangyong.db.tenant-share", Integer.toString(SHARE));
    properties.put("shuangyong.db.tenant-share-wait", "200ms");
    properties.put("shuangyong.db.connection-timeout", "500ms");
    properties.put("shuangyong.db.statement-timeout", "1s");
    properties.put("shuangyong.db.lock-timeout", "300ms");
    return properties;
  }

  @BeforeAll
  void tenants() {
    new PlatformFixtures(context).province("limitsprov", "limits_alpha", "limits_beta");
    alpha = new TestTenants(context).admin("limits_alpha");
    beta = new TestTenants(context).admin("limits_beta");
  }

  @AfterAll
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aRunawayStatementEndsWith503AfterTheStatementTimeout() {
    long started = System.nanoTime();
    Throwable thrown =
        catchThrowable(() -> scope.read(alpha, () -> jdbc.execute(c -> text(c, "pg_sleep(3)"))));
    assertUnavailable(thrown, "problem.database.timeout");
    // ended by the 1 s timeout, long before the 3 s sleep; PostgreSQL's timer and this clock
    // differ (a run saw 887 ms), so the lower bound only says it did not fail at once
    assertThat(millisSince(started)).isBetween(500L, 2_500L);
    // the connection went back clean and the next transaction works
    assertThat(select(alpha, "1")).isEqualTo("1");
  }

  @Test
  void aWriteBehindAHeldRowLockEndsWith503AfterTheLockTimeout() throws Exception {
    long id = scope.write(alpha, () -> jdbc.execute(TenantScopeLimitsTest::insertUnit));
    try (Connection owner = TestInfrastructure.get().ownerConnection();
        Statement lock = owner.createStatement()) {
      owner.setAutoCommit(false);
      lock.execute("select * from t_limits_alpha.garrison_unit where id = " + id + " for update");
      long started = System.nanoTime();
      Future<Throwable> write =
          threads.submit(
              () ->
                  catchThrowable(
                      () ->
                          scope.write(
                              alpha,
                              () ->
                                  jdbc.execute(
                                      c -> {
                                        try (Statement update = c.createStatement()) {
                                          return update.executeUpdate(
                                              "update garrison_unit set name = '等到了'"
                                                  + " where id = "
                                                  + id);
                                        }
                                      }))));
      Throwable thrown = write.get(5, TimeUnit.SECONDS);
      assertUnavailable(thrown, "problem.database.timeout");
      assertThat(millisSince(started)).isBetween(250L, 2_000L);
      owner.rollback();
    }
  }

  @Test
  void anExhaustedPoolAnswers503AfterTheConnectionTimeout() throws Exception {
    DataSource pool =
        context
            .getBean(DataSourceResolver.class)
            .resolve(
                context.getBean(
                    DataSource.class,
                    Qualifiers.byName(TenantDataSourceFactory.TENANT_DATA_SOURCE)));
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < POOL; i++) {
        held.add(pool.getConnection());
      }
      long started = System.nanoTime();
      Throwable thrown = catchThrowable(() -> select(beta, "1"));
      assertUnavailable(thrown, "problem.database.busy");
      assertThat(millisSince(started)).isBetween(400L, 2_000L);
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertThat(select(beta, "1")).isEqualTo("1");
  }

  @Test
  void aTenantsStuckTransactionsTakeOnlyItsShareAndNestedWorkTakesNoSecondPlace() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inside = new CountDownLatch(SHARE);
    List<Future<Throwable>> stuck = new ArrayList<>();
    try {
      // as many stuck transactions of alpha as the pool has connections: only its share gets in
      for (int i = 0; i < POOL; i++) {
        stuck.add(
            threads.submit(
                () ->
                    catchThrowable(
                        () ->
                            scope.read(
                                alpha,
                                () -> {
                                  jdbc.execute(c -> text(c, "1"));
                                  inside.countDown();
                                  // nested work of the same tenant joins: no second place taken
                                  scope.read(alpha, () -> jdbc.execute(c -> text(c, "2")));
                                  await(release);
                                  return null;
                                }))));
      }
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      long started = System.nanoTime();
      // another tenant is served at once, from the connections alpha could not take
      assertThat(select(beta, "'beta'")).isEqualTo("beta");
      assertThat(millisSince(started)).isLessThan(1_000L);
      // alpha's next transaction is refused quickly, saying alpha is busy
      started = System.nanoTime();
      Throwable refused = catchThrowable(() -> select(alpha, "1"));
      assertUnavailable(refused, "problem.tenant.busy");
      assertThat(((ProblemException) refused).arguments()).containsExactly("limits_alpha");
      assertThat(millisSince(started)).isLessThan(1_000L);
    } finally {
      release.countDown();
    }
    int refusedStuck = 0;
    for (Future<Throwable> transaction : stuck) {
      Throwable outcome = transaction.get(5, TimeUnit.SECONDS);
      if (outcome != null) {
        assertUnavailable(outcome, "problem.tenant.busy");
        refusedStuck++;
      }
    }
    assertThat(refusedStuck).isEqualTo(POOL - SHARE);
  }

  private static void assertUnavailable(Throwable thrown, String messageKey) {
    assertThat(thrown).isInstanceOf(ProblemException.class);
    ProblemException problem = (ProblemException) thrown;
    assertThat(problem.status().getCode()).isEqualTo(503);
    assertThat(problem.messageKey()).isEqualTo(messageKey);
    assertThat(problem.retryAfter().orElseThrow().toSeconds()).isPositive();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long millisSince(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  private String select(TenantContext tenant, String expression) {
    return scope.read(tenant, () -> jdbc.execute(c -> text(c, expression)));
  }

  private static long insertUnit(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "insert into garrison_unit (name, branch, created_at, created_by, updated_at,"
                    + " updated_by) values ('锁等待', 'ARMY', now(), 't', now(), 't') returning id")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String text(Connection connection, String expression) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select (" + expression + ")::text")) {
      result.next();
      return result.getString(1);
    }
  }
}
