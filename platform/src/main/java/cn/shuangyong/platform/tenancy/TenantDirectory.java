package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.audit.AuditChanges;
import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant-scoped entry point: decides from the caller's identity which tenants and regions it
 * may see, and hands out {@link TenantContext}s. A tenant the caller may not see is "not found"
 * (its existence is not revealed); a visible tenant the caller may only read refuses writes.
 */
@Singleton
public class TenantDirectory {
  private final TenantRepository tenants;
  private final ActiveTenants active;
  private final RegionRepository regions;
  private final TenantRoles roles;
  private final TenantProvisioner provisioner;
  private final TenantReadiness readiness;
  private final TenantStartupMigration migrations;
  private final AuditLog audit;
  private final AuditChanges changes;
  private final Clock clock;

  public TenantDirectory(
      TenantRepository tenants,
      ActiveTenants active,
      RegionRepository regions,
      TenantRoles roles,
      TenantProvisioner provisioner,
      TenantReadiness readiness,
      TenantStartupMigration migrations,
      AuditLog audit,
      AuditChanges changes,
      Clock clock) {
    this.changes = changes;
    this.readiness = readiness;
    this.migrations = migrations;
    this.tenants = tenants;
    this.active = active;
    this.regions = regions;
    this.roles = roles;
    this.provisioner = provisioner;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The tenant to work in for this caller, or 404 when it may not see it (its existence is not
   * revealed). A supervisor's context is read-only and its read is audited, once per call: bind the
   * context once per request (controllers get it from {@link TenantContextBinder}; a view enters
   * once when it opens), not once per query. A tenant the caller may see but whose schema this node
   * is still migrating is 503 with {@code Retry-After} ({@link TenantReadiness}).
   */
  public TenantContext enter(CurrentUser user, String tenantCode) {
    if (!TenantCode.isValid(tenantCode)) {
      throw ProblemException.notFound();
    }
    Tenant tenant = active.find(tenantCode).orElseThrow(ProblemException::notFound);
    if (user.tenant() != null && user.tenant().equals(tenant.code())) {
      readiness.requireReady(tenant);
      return roles.contextOf(tenant.tenantCode(), user, false);
    }
    if (user.has(Role.SUPERVISOR) && supervises(user, tenant)) {
      readiness.requireReady(tenant);
      audit.record(
          new AuditLog.Entry(
              user.username(),
              tenant.code(),
              "SUPERVISOR_READ",
              tenant.code(),
              "SUCCESS",
              null,
              null));
      return roles.contextOf(tenant.tenantCode(), user, true);
    }
    throw ProblemException.notFound();
  }

  public List<Tenant> visibleTo(CurrentUser user) {
    if (user.has(Role.PLATFORM_ADMIN)) {
      return tenants.findAllOrderByCode();
    }
    if (user.has(Role.SUPERVISOR) && user.region() != null) {
      return regions
          .findById(user.region())
          .map(region -> tenants.findInRegionSubtree(region.path()))
          .orElse(List.of());
    }
    if (user.tenant() != null) {
      return tenants.findByCode(user.tenant()).map(List::of).orElse(List.of());
    }
    return List.of();
  }

  /** Tenants below a region, for its supervisors (or those above) and platform admins; else 404. */
  public List<Tenant> inRegion(CurrentUser user, String regionCode) {
    Region region =
        regions
            .findById(regionCode)
            .filter(r -> mayOverseeRegion(user, r))
            .orElseThrow(ProblemException::notFound);
    return tenants.findInRegionSubtree(region.path());
  }

  public Optional<Tenant> find(String code) {
    return TenantCode.isValid(code) ? tenants.findByCode(code) : Optional.empty();
  }

  public List<Region> regions() {
    return regions.findAllOrderByPath();
  }

  /**
   * Every region's name by its code, in one query (a province has tens of them): what a list of
   * tenants shows instead of the pinyin codes it holds (huzhou → 湖州市).
   */
  public Map<String, String> regionNames() {
    Map<String, String> names = new HashMap<>();
    regions.findAll().forEach(region -> names.put(region.code(), region.name()));
    return names;
  }

  public Optional<Region> region(String code) {
    return regions.findById(code);
  }

  /** A new tenant under a parent region: its own region node, then its fenced schema. */
  public Tenant create(
      CurrentUser user,
      TenantCode code,
      String name,
      AdministrativeLevel level,
      @Nullable String parent,
      @Nullable String adcode) {
    if (!user.has(Role.PLATFORM_ADMIN)) {
      throw ProblemException.forbidden();
    }
    if (tenants.existsByCode(code.value()) || regions.existsById(code.value())) {
      throw new TenantAlreadyExistsException(code);
    }
    Region parentRegion = null;
    if (parent != null && !parent.isBlank()) {
      parentRegion =
          regions
              .findById(parent)
              .orElseThrow(() -> new ValidationException("parent", "tenant.parent.unknown"));
    } else if (level != AdministrativeLevel.PROVINCE) {
      // nothing chosen is not an unknown region: say what to do
      throw new ValidationException("parent", "tenant.parent.required");
    }
    addRegion(code.value(), name, level, parentRegion);
    Tenant tenant;
    try {
      tenant =
          provisioner.provision(
              new TenantProvisioner.NewTenant(
                  code,
                  name,
                  level,
                  code.value(),
                  parentRegion == null ? null : parentRegion.code(),
                  adcode,
                  "{}"),
              user.username());
    } catch (TenantMigrationDeferred e) {
      // registered (PROVISIONING); this node builds its schema in the background
      tenants.findByCode(code.value()).ifPresent(migrations::retryLater);
      throw ProblemException.unavailable(
          migrations.firstRetry(), "tenant.migration.deferred", code.value());
    }
    audit.record(
        new AuditLog.Entry(
            user.username(),
            code.value(),
            "TENANT_CREATE",
            code.value(),
            tenant.status() == TenantStatus.ACTIVE ? "SUCCESS" : "FAILURE",
            null,
            changes.detail(null, auditState(tenant), tenant.statusDetail())));
    return tenant;
  }

  /**
   * Migrates a tenant's schema again on this node, for the platform admin: after the cause of a
   * FAILED migration is removed, without restarting anything. Audited. A suspended tenant is 409;
   * this node's own trouble (no connection in time) is 503, and this node retries by itself.
   */
  public Tenant migrateAgain(CurrentUser user, String code) {
    if (!user.has(Role.PLATFORM_ADMIN)) {
      throw ProblemException.forbidden();
    }
    Tenant tenant = find(code).orElseThrow(ProblemException::notFound);
    if (tenant.status() == TenantStatus.SUSPENDED) {
      throw ProblemException.conflict("tenant.suspended", tenant.code());
    }
    Tenant outcome;
    try {
      outcome = provisioner.migrate(tenant, user.username());
    } catch (TenantMigrationDeferred e) {
      audit.record(
          new AuditLog.Entry(
              user.username(),
              tenant.code(),
              "TENANT_MIGRATE",
              tenant.code(),
              "FAILURE",
              null,
              e.getMessage()));
      migrations.retryLater(tenant);
      throw ProblemException.unavailable(
          migrations.firstRetry(), "tenant.migration.deferred", tenant.code());
    }
    audit.record(
        new AuditLog.Entry(
            user.username(),
            tenant.code(),
            "TENANT_MIGRATE",
            tenant.code(),
            outcome.status() == TenantStatus.ACTIVE ? "SUCCESS" : "FAILURE",
            null,
            changes.detail(auditState(tenant), auditState(outcome), outcome.statusDetail())));
    return outcome;
  }

  /** A tenant as its audit entries show it before and after (its registry fields). */
  private static Map<String, Object> auditState(Tenant tenant) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("code", tenant.code());
    state.put("name", tenant.name());
    state.put("level", tenant.level().name());
    state.put("regionCode", tenant.regionCode());
    state.put("parentCode", tenant.parentCode());
    state.put("adcode", tenant.adcode());
    state.put("status", tenant.status().name());
    state.put("schemaVersion", tenant.schemaVersion());
    state.values().removeIf(java.util.Objects::isNull);
    return state;
  }

  /** Adds a region node (used by provisioning and by the demo province). */
  public Region addRegion(
      String code, String name, AdministrativeLevel level, @Nullable Region parent) {
    String path = parent == null ? code : parent.path() + "/" + code;
    return regions.save(
        new Region(
            code, name, level, parent == null ? null : parent.code(), path, clock.instant()));
  }

  public boolean mayOverseeRegion(CurrentUser user, Region region) {
    if (user.has(Role.PLATFORM_ADMIN)) {
      return true;
    }
    if (!user.has(Role.SUPERVISOR) || user.region() == null) {
      return false;
    }
    return regions.findById(user.region()).map(own -> own.contains(region)).orElse(false);
  }

  private boolean supervises(CurrentUser user, Tenant tenant) {
    return regions.findById(tenant.regionCode()).map(r -> mayOverseeRegion(user, r)).orElse(false);
  }
}
