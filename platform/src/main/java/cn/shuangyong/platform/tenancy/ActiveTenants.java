package cn.shuangyong.platform.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Active tenants by code, remembered for a few seconds: every tenant-scoped request asks which
 * tenant its path names, and the answer changes only when a tenant is provisioned or changes
 * status. Only active tenants are remembered, so a new tenant is found at once; this node forgets a
 * tenant as soon as it changes its status ({@link #forget}), other nodes within {@code
 * shuangyong.tenancy.active-cache-ttl} (10 s).
 */
@Singleton
public class ActiveTenants {
  private final TenantRepository tenants;
  private final Cache<String, Tenant> byCode;

  ActiveTenants(
      TenantRepository tenants,
      @Value("${shuangyong.tenancy.active-cache-ttl:10s}") Duration timeToLive,
      Clock clock) {
    this.tenants = tenants;
    this.byCode =
        Caffeine.newBuilder()
            .expireAfterWrite(timeToLive)
            .maximumSize(20_000)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
  }

  /** The tenant with this code when it is active. */
  public Optional<Tenant> find(String code) {
    Tenant known = byCode.getIfPresent(code);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Tenant> active =
        tenants.findByCode(code).filter(tenant -> tenant.status() == TenantStatus.ACTIVE);
    active.ifPresent(tenant -> byCode.put(code, tenant));
    return active;
  }

  /** Called whenever a tenant's row changes on this node. */
  void forget(String code) {
    byCode.invalidate(code);
  }
}
