package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.DatabaseBootstrap;
import cn.shuangyong.platform.database.DatabaseSettings;
import cn.shuangyong.platform.database.OwnerRoleCheck;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node's tenants to the newest schema when the application starts, without holding the
 * node back. The registry says at which version each tenant's schema is: the tenants already at the
 * newest version of the {@code db/tenant} stream are served at once (no Flyway run, so a restart
 * does not grow with the number of tenants); the others are migrated in the background, {@code
 * shuangyong.db.migration-threads} at a time, each served as soon as it is done while the rest
 * answer 503 ({@link TenantReadiness}). A schema that fails is marked FAILED in the registry with
 * the cause (an operator retries it, {@code POST /api/v1/tenants/{code}/migration}); this node's
 * own trouble is retried here with a growing delay and never written to the registry.
 */
@Context
public class TenantStartupMigration {
  private static final Logger LOG = LoggerFactory.getLogger(TenantStartupMigration.class);

  private final TenantProvisioner provisioner;
  private final TenantReadiness readiness;
  private final Clock clock;
  private final Duration firstRetry;
  private final Duration longestRetry;
  private final ScheduledExecutorService workers;
  private final int upToDate;
  private final int behind;
  private final AtomicInteger pending = new AtomicInteger();
  private final Queue<String> failed = new ConcurrentLinkedQueue<>();

  TenantStartupMigration(
      DatabaseBootstrap platformReady,
      // checked while the owner pool is still idle: the migrations below may hold all of it
      OwnerRoleCheck ownerChecked,
      TenantRepository tenants,
      TenantProvisioner provisioner,
      TenantReadiness readiness,
      TenantSchemaStream stream,
      DatabaseSettings settings,
      Clock clock,
      @Value("${shuangyong.tenancy.migration-retry-delay:2s}") Duration firstRetry,
      @Value("${shuangyong.tenancy.migration-retry-max-delay:2m}") Duration longestRetry) {
    long started = System.nanoTime();
    this.provisioner = provisioner;
    this.readiness = readiness;
    this.clock = clock;
    this.firstRetry = firstRetry;
    this.longestRetry = longestRetry;
    this.workers =
        Executors.newScheduledThreadPool(
            Math.max(1, settings.migrationThreads()), daemonThreads("tenant-migration-"));
    List<Tenant> registered = tenants.findAllOrderByCode();
    List<Tenant> toMigrate =
        registered.stream()
            .filter(tenant -> tenant.status() != TenantStatus.SUSPENDED)
            .filter(
                tenant ->
                    tenant.status() != TenantStatus.ACTIVE
                        || !stream.isCurrent(tenant.schemaVersion()))
            .toList();
    this.behind = toMigrate.size();
    this.upToDate =
        (int)
            registered.stream()
                .filter(tenant -> tenant.status() == TenantStatus.ACTIVE)
                .filter(tenant -> stream.isCurrent(tenant.schemaVersion()))
                .count();
    toMigrate.forEach(readiness::migrating);
    toMigrate.forEach(tenant -> start(tenant, Duration.ZERO));
    LOG.info(
        "tenant schemas: {} at the newest version {} (not migrated), {} to migrate in the"
            + " background; planned in {} ms",
        upToDate,
        stream.newest(),
        behind,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Tenants found at the newest version when this node started (none of them was migrated). */
  public int upToDateAtStart() {
    return upToDate;
  }

  /** Tenants found behind (or not yet migrated, or FAILED) when this node started. */
  public int behindAtStart() {
    return behind;
  }

  /** Codes of the tenants this node still has to migrate or retry (none once all are ready). */
  public List<String> notReadyTenants() {
    return List.copyOf(readiness.notReady().keySet());
  }

  /** How long a client waits before it asks again for a tenant this node is migrating. */
  Duration firstRetry() {
    return firstRetry;
  }

  /** An active tenant found behind after the start (see {@link TenantReadiness#isReady}). */
  void catchUp(Tenant tenant) {
    start(tenant, Duration.ZERO);
  }

  /** A tenant whose provisioning this node could not finish: retried here like the others. */
  void retryLater(Tenant tenant) {
    readiness.migrating(tenant);
    start(tenant, firstRetry);
  }

  /**
   * Waits until every migration this instance started has ended (migrated or FAILED; this node's
   * own trouble keeps a tenant going); for the benchmark and tests. Whether they all ended in time.
   */
  public boolean awaitDone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Tenants whose schema failed to migrate in this instance's runs (FAILED in the registry). */
  public List<String> failedTenants() {
    return List.copyOf(failed);
  }

  private void start(Tenant tenant, Duration delay) {
    pending.incrementAndGet();
    submit(tenant, 1, delay);
  }

  private void submit(Tenant tenant, int attempt, Duration delay) {
    try {
      workers.schedule(() -> attempt(tenant, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      LOG.debug("tenant {} not migrated: this node is stopping", tenant.code());
    }
  }

  private void attempt(Tenant tenant, int attempt) {
    try {
      if (provisioner.migrate(tenant, "system").status() == TenantStatus.FAILED) {
        failed.add(tenant.code());
      }
      pending.decrementAndGet();
    } catch (TenantMigrationDeferred e) {
      Duration wait = backoff(attempt);
      LOG.warn(
          "tenant {} not migrated on this node (attempt {}), retried in {} s: {}",
          tenant.code(),
          attempt,
          wait.toSeconds(),
          e.getCause().toString());
      readiness.retrying(tenant, attempt, e.getCause().toString(), clock.instant().plus(wait));
      submit(tenant, attempt + 1, wait);
    } catch (RuntimeException e) {
      // the registry itself could not take the outcome for a reason that is not passing
      LOG.error("tenant {} could not be migrated", tenant.code(), e);
      readiness.settled(tenant.code());
      failed.add(tenant.code());
      pending.decrementAndGet();
    }
  }

  /** 2 s, 4 s, 8 s … up to {@code shuangyong.tenancy.migration-retry-max-delay}. */
  private Duration backoff(int attempt) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
