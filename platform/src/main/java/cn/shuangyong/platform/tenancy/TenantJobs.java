package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.identity.CurrentUser;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way background work enters tenants. {@link #forEachActiveTenant} runs a job in every
 * active tenant that this node has migrated ({@link TenantReadiness}), one tenant's failure logged
 * and the others going on, and on several nodes only on the node that holds the job's PostgreSQL
 * advisory lock (the others skip that round; a node that dies releases the lock with its
 * connection). {@link #inTenant} is for bootstrap work in one tenant (the demo province), audited.
 */
@Singleton
public class TenantJobs {
  private static final Logger LOG = LoggerFactory.getLogger(TenantJobs.class);

  /** What one round of a job did. */
  public record Round(boolean ran, int tenants, int failed, int done) {
    static Round skipped() {
      return new Round(false, 0, 0, 0);
    }
  }

  private final TenantRepository tenants;
  private final TenantRoles roles;
  private final TenantReadiness readiness;
  private final AuditLog audit;
  private final DataSource locks;
  private final boolean scheduled;

  TenantJobs(
      TenantRepository tenants,
      TenantRoles roles,
      TenantReadiness readiness,
      AuditLog audit,
      @Named(PlatformDataSource.NAME) DataSource dataSource,
      DataSourceResolver resolver,
      @Value("${shuangyong.jobs.scheduled:true}") boolean scheduled) {
    this.tenants = tenants;
    this.roles = roles;
    this.readiness = readiness;
    this.audit = audit;
    // the pool itself: a session lock wants its own connection, outside any transaction
    this.locks = resolver.resolve(dataSource);
    this.scheduled = scheduled;
  }

  /**
   * Whether the {@code @Scheduled} triggers run the jobs ({@code shuangyong.jobs.scheduled}); tests
   * switch them off and run each job themselves, so no round runs behind a test's back.
   */
  public boolean scheduled() {
    return scheduled;
  }

  /**
   * Runs {@code work} in every active tenant if no other node runs this job now; each call answers
   * how much it did (reminders sent, mails sent), summed in the round.
   */
  public Round forEachActiveTenant(String job, ToIntFunction<TenantContext> work) {
    try (Connection connection = locks.getConnection()) {
      if (!lock(connection, "try_advisory_lock", job)) {
        LOG.debug("job {} runs on another node; skipped here", job);
        return Round.skipped();
      }
      try {
        return runEverywhere(job, work);
      } finally {
        lock(connection, "advisory_unlock", job);
      }
    } catch (SQLException e) {
      LOG.warn("job {} not run: its lock could not be taken ({})", job, e.getMessage());
      return Round.skipped();
    }
  }

  /** Bootstrap work inside one tenant, not done for a caller; written to the audit trail. */
  public <T> T inTenant(TenantCode code, String job, Function<TenantContext, T> work) {
    audit.record(
        new AuditLog.Entry("system", code.value(), "SYSTEM_ENTER", job, "SUCCESS", null, null));
    return work.apply(contextFor(code, job));
  }

  private Round runEverywhere(String job, ToIntFunction<TenantContext> work) {
    int count = 0;
    int failed = 0;
    int done = 0;
    for (Tenant tenant : tenants.findAllOrderByCode()) {
      if (tenant.status() != TenantStatus.ACTIVE || !readiness.isReady(tenant)) {
        // a tenant this node is still migrating is left for the next round
        continue;
      }
      count++;
      try {
        done += work.applyAsInt(contextFor(tenant.tenantCode(), job));
      } catch (RuntimeException e) {
        failed++;
        LOG.error("job {} failed for tenant {}: {}", job, tenant.code(), e.toString());
      }
    }
    return new Round(true, count, failed, done);
  }

  private TenantContext contextFor(TenantCode code, String job) {
    CurrentUser system =
        new CurrentUser("system:" + job, "系统任务", Set.of(), code.value(), null, null, null);
    return roles.contextOf(code, system, false);
  }

  /** Session advisory locks keyed by the job's name: released by unlock or by closing. */
  private static boolean lock(Connection connection, String function, String job)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select pg_" + function + "(hashtext(?))")) {
      statement.setString(1, "shuangyong-job:" + job);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
