package cn.shuangyong.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers a tenant, builds its fenced schema and marks it ACTIVE (or FAILED, with the cause). */
@Singleton
public class TenantProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TenantProvisioner.class);

  private final TenantRepository tenants;
  private final RegionRepository regions;
  private final ActiveTenants active;
  private final TenantSchemaMigrator migrator;
  private final Clock clock;

  public TenantProvisioner(
      TenantRepository tenants,
      RegionRepository regions,
      TenantSchemaMigrator migrator,
      ActiveTenants active,
      Clock clock) {
    this.tenants = tenants;
    this.regions = regions;
    this.migrator = migrator;
    this.active = active;
    this.clock = clock;
  }

  /** What a new tenant needs: its code, name, level, region node and optional parent tenant. */
  public record NewTenant(
      TenantCode code,
      String name,
      AdministrativeLevel level,
      String regionCode,
      @Nullable String parentCode,
      @Nullable String adcode,
      String factsJson) {}

  public Tenant provision(NewTenant request, String actor) {
    if (tenants.existsByCode(request.code().value())) {
      throw new TenantAlreadyExistsException(request.code());
    }
    if (regions.findById(request.regionCode()).isEmpty()) {
      throw new IllegalArgumentException("unknown region " + request.regionCode());
    }
    Instant now = clock.instant();
    Tenant registered =
        tenants.save(
            new Tenant(
                null,
                request.code().value(),
                request.adcode(),
                request.name(),
                request.level(),
                request.regionCode(),
                request.parentCode(),
                TenantStatus.PROVISIONING,
                null,
                null,
                request.factsJson(),
                now,
                actor,
                now,
                actor,
                null));
    return migrate(registered, actor);
  }

  private Tenant mark(
      Tenant tenant, TenantStatus status, String version, String detail, String actor) {
    tenants.markStatus(tenant.id(), status, version, detail, clock.instant(), actor);
    active.forget(tenant.code());
    return tenants.findById(tenant.id()).orElseThrow();
  }

  /** Migrates an existing tenant; a failure is recorded on the tenant, never thrown further. */
  public Tenant migrate(Tenant tenant, String actor) {
    long started = System.nanoTime();
    try {
      String version = migrator.migrate(tenant.tenantCode());
      LOG.info(
          "tenant {} migrated to {} in {} ms",
          tenant.code(),
          version,
          (System.nanoTime() - started) / 1_000_000);
      return mark(tenant, TenantStatus.ACTIVE, version, null, actor);
    } catch (RuntimeException e) {
      LOG.error("tenant {} failed to migrate: {}", tenant.code(), e.getMessage(), e);
      return mark(tenant, TenantStatus.FAILED, tenant.schemaVersion(), e.getMessage(), actor);
    }
  }
}
