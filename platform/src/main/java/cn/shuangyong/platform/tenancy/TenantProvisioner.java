package cn.shuangyong.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a tenant, builds its fenced schema and marks it ACTIVE, or FAILED with the cause when
 * the schema itself fails to migrate. Trouble of this node's own (see {@link PassingTrouble}) is
 * not the tenant's: it leaves the registry alone and throws {@link TenantMigrationDeferred}.
 */
@Singleton
public class TenantProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TenantProvisioner.class);

  private final TenantRepository tenants;
  private final RegionRepository regions;
  private final ActiveTenants active;
  private final TenantSchemaMigrator migrator;
  private final TenantReadiness readiness;
  private final Clock clock;

  public TenantProvisioner(
      TenantRepository tenants,
      RegionRepository regions,
      TenantSchemaMigrator migrator,
      ActiveTenants active,
      TenantReadiness readiness,
      Clock clock) {
    this.readiness = readiness;
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

  /**
   * Migrates an existing tenant on this node. A failure of the schema is recorded on the tenant
   * (FAILED, with the cause) and answered, never thrown; this node's own trouble is thrown as
   * {@link TenantMigrationDeferred} and changes nothing in the registry.
   */
  public Tenant migrate(Tenant tenant, String actor) {
    long started = System.nanoTime();
    try {
      String version;
      try {
        version = migrator.migrate(tenant.tenantCode());
      } catch (RuntimeException e) {
        if (PassingTrouble.isPassing(e)) {
          throw e;
        }
        LOG.error("tenant {} failed to migrate: {}", tenant.code(), e.getMessage(), e);
        Tenant failed = mark(tenant, TenantStatus.FAILED, tenant.schemaVersion(), detail(e), actor);
        readiness.settled(tenant.code());
        return failed;
      }
      LOG.info(
          "tenant {} migrated to {} in {} ms",
          tenant.code(),
          version,
          (System.nanoTime() - started) / 1_000_000);
      Tenant migrated = mark(tenant, TenantStatus.ACTIVE, version, null, actor);
      readiness.settled(tenant.code());
      return migrated;
    } catch (RuntimeException e) {
      if (PassingTrouble.isPassing(e)) {
        LOG.warn("tenant {} not migrated on this node for now: {}", tenant.code(), e.toString());
        throw new TenantMigrationDeferred(tenant.code(), e);
      }
      throw e;
    }
  }

  /** The cause as the operator reads it: the innermost message says what the database refused. */
  private static String detail(Throwable failure) {
    StringBuilder detail = new StringBuilder(String.valueOf(failure.getMessage()));
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != failure
        && root.getMessage() != null
        && !detail.toString().contains(root.getMessage())) {
      detail.append(" (").append(root.getMessage()).append(')');
    }
    return detail.length() > 2000 ? detail.substring(0, 2000) : detail.toString();
  }
}
