package cn.shuangyong.platform.idempotency;

import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantScope;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;

/**
 * Forgets the {@code Idempotency-Key}s past their 24 hours, in every active tenant and in the
 * platform, hourly. A key past its time is already ignored when a request names it again; this only
 * keeps the tables small.
 */
@Singleton
public class IdempotencyPurge {
  private static final String TABLE = "idempotency_key";

  private final TenantJobs jobs;
  private final TenantScope scope;
  private final JdbcOperations tenantJdbc;
  private final TransactionOperations<Connection> platform;
  private final Clock clock;

  IdempotencyPurge(
      TenantJobs jobs,
      TenantScope scope,
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations tenantJdbc,
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> platform,
      Clock clock) {
    this.jobs = jobs;
    this.scope = scope;
    this.tenantJdbc = tenantJdbc;
    this.platform = platform;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void hourly() {
    if (jobs.scheduled()) {
      purge();
    }
  }

  /** One round: answers how many tenant keys were forgotten (the platform's are not counted). */
  public TenantJobs.Round purge() {
    Instant now = clock.instant();
    platform.executeWrite(status -> IdempotencyKeys.purge(status.getConnection(), TABLE, now));
    return jobs.forEachActiveTenant(
        "idempotency purge",
        tenant ->
            scope.write(
                tenant, () -> tenantJdbc.execute(c -> IdempotencyKeys.purge(c, TABLE, now))));
  }
}
