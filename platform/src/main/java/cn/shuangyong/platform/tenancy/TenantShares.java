package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.DatabaseLimits;
import cn.shuangyong.platform.database.DatabaseSettings;
import cn.shuangyong.platform.web.ProblemException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bulkhead of the shared tenant pool: each tenant may run at most its share of transactions at
 * once on this node ({@code shuangyong.db.tenant-share}, by default a quarter of the pool, at least
 * two), so one city's stuck or slow transactions take that city's share and never the whole pool. A
 * transaction that finds its tenant's share taken waits briefly ({@code tenant-share-wait}), then
 * answers 503 with {@code Retry-After} saying this city is busy; the other cities go on.
 */
@Singleton
class TenantShares {
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final int share;
  private final long waitNanos;
  private final ConcurrentMap<TenantCode, Semaphore> places = new ConcurrentHashMap<>();

  TenantShares(DatabaseLimits limits, DatabaseSettings settings) {
    this.share = limits.tenantShareOf(settings.tenantPoolSize());
    this.waitNanos = limits.tenantShareWait().toNanos();
  }

  /** A place in the tenant's share, to be closed when its transaction ends. */
  Place enter(TenantContext tenant) {
    // fair: a tenant's waiting transactions are served in turn, none starves behind the others
    Semaphore semaphore = places.computeIfAbsent(tenant.code(), code -> new Semaphore(share, true));
    boolean entered;
    try {
      entered = semaphore.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      entered = false;
    }
    if (!entered) {
      throw ProblemException.unavailable(RETRY_AFTER, "problem.tenant.busy", tenant.code().value());
    }
    return semaphore::release;
  }

  /** How many transactions a tenant may run at once on this node. */
  int share() {
    return share;
  }

  /** A taken place; closing it gives it back. */
  interface Place extends AutoCloseable {
    @Override
    void close();
  }
}
