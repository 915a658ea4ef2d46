package cn.shuangyong.tenants.units;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantDirectory.Access;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Garrison units (驻军单位) and responsible units (责任单位) of a tenant. Everyone of the tenant and its
 * supervisors read; only the city admin writes; a unit that accounts (or, later, needs and
 * projects) refer to cannot be deleted.
 */
@Singleton
public class UnitService {
  private final TenantDirectory tenants;
  private final TenantScope scope;
  private final GarrisonUnitRepository garrisonUnits;
  private final ResponsibleUnitRepository responsibleUnits;
  private final UserDirectory users;
  private final AuditLog audit;
  private final Clock clock;

  public UnitService(
      TenantDirectory tenants,
      TenantScope scope,
      GarrisonUnitRepository garrisonUnits,
      ResponsibleUnitRepository responsibleUnits,
      UserDirectory users,
      AuditLog audit,
      Clock clock) {
    this.tenants = tenants;
    this.scope = scope;
    this.garrisonUnits = garrisonUnits;
    this.responsibleUnits = responsibleUnits;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  // ---- garrison units ----

  public Page<GarrisonUnit> listGarrisonUnits(
      CurrentUser user, String tenant, String query, Pageable pageable) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return scope.read(context, c -> garrisonUnits.search(normalise(query), sorted(pageable)));
  }

  /** All of them, by name: a tenant has tens of units, not thousands. */
  public List<GarrisonUnit> listGarrisonUnits(CurrentUser user, String tenant, String query) {
    return listGarrisonUnits(user, tenant, query, Pageable.from(0, 1000)).getContent();
  }

  public GarrisonUnit findGarrisonUnit(CurrentUser user, String tenant, long id) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return scope
        .read(context, c -> garrisonUnits.findById(id))
        .orElseThrow(ProblemException::notFound);
  }

  public GarrisonUnit createGarrisonUnit(
      CurrentUser user, String tenant, @Valid GarrisonUnitForm form) {
    TenantContext context = enterForWrite(user, tenant);
    GarrisonUnit created = createGarrisonUnit(context, form, false, user.username());
    record(user, context, "GARRISON_UNIT_CREATE", created.id());
    return created;
  }

  /** For platform work (demo data, imports) that already entered the tenant. */
  public GarrisonUnit createGarrisonUnit(
      TenantContext context, GarrisonUnitForm form, boolean sample, String actor) {
    return scope.write(
        context,
        c -> {
          if (garrisonUnits.nameTaken(form.name().trim(), -1)) {
            throw new ValidationException("name", "unit.name.taken");
          }
          Instant now = clock.instant();
          return garrisonUnits.save(
              new GarrisonUnit(
                  null,
                  form.name().trim(),
                  form.branch(),
                  blankToNull(form.contactName()),
                  blankToNull(form.contactPhone()),
                  sample,
                  now,
                  actor,
                  now,
                  actor,
                  null));
        });
  }

  public GarrisonUnit updateGarrisonUnit(
      CurrentUser user, String tenant, long id, @Valid GarrisonUnitForm form) {
    TenantContext context = enterForWrite(user, tenant);
    GarrisonUnit updated =
        scope.write(
            context,
            c -> {
              GarrisonUnit old = garrisonUnits.findById(id).orElseThrow(ProblemException::notFound);
              if (garrisonUnits.nameTaken(form.name().trim(), id)) {
                throw new ValidationException("name", "unit.name.taken");
              }
              return garrisonUnits.update(
                  new GarrisonUnit(
                      id,
                      form.name().trim(),
                      form.branch(),
                      blankToNull(form.contactName()),
                      blankToNull(form.contactPhone()),
                      old.sample(),
                      old.createdAt(),
                      old.createdBy(),
                      clock.instant(),
                      user.username(),
                      old.version()));
            });
    record(user, context, "GARRISON_UNIT_UPDATE", id);
    return updated;
  }

  public void deleteGarrisonUnit(CurrentUser user, String tenant, long id) {
    TenantContext context = enterForWrite(user, tenant);
    scope.read(context, c -> garrisonUnits.findById(id)).orElseThrow(ProblemException::notFound);
    long accounts = users.boundToGarrisonUnit(context.code().value(), id);
    if (accounts > 0) {
      throw ProblemException.conflict("unit.in-use.accounts", accounts);
    }
    scope.write(
        context,
        c -> {
          garrisonUnits.deleteById(id);
          return null;
        });
    record(user, context, "GARRISON_UNIT_DELETE", id);
  }

  // ---- responsible units ----

  public Page<ResponsibleUnit> listResponsibleUnits(
      CurrentUser user, String tenant, String query, Pageable pageable) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return scope.read(context, c -> responsibleUnits.search(normalise(query), sorted(pageable)));
  }

  public List<ResponsibleUnit> listResponsibleUnits(CurrentUser user, String tenant, String query) {
    return listResponsibleUnits(user, tenant, query, Pageable.from(0, 1000)).getContent();
  }

  public ResponsibleUnit findResponsibleUnit(CurrentUser user, String tenant, long id) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return scope
        .read(context, c -> responsibleUnits.findById(id))
        .orElseThrow(ProblemException::notFound);
  }

  public ResponsibleUnit createResponsibleUnit(
      CurrentUser user, String tenant, @Valid ResponsibleUnitForm form) {
    TenantContext context = enterForWrite(user, tenant);
    ResponsibleUnit created = createResponsibleUnit(context, form, false, user.username());
    record(user, context, "RESPONSIBLE_UNIT_CREATE", created.id());
    return created;
  }

  /** For platform work (demo data, imports) that already entered the tenant. */
  public ResponsibleUnit createResponsibleUnit(
      TenantContext context, ResponsibleUnitForm form, boolean sample, String actor) {
    return scope.write(
        context,
        c -> {
          if (responsibleUnits.nameTaken(form.name().trim(), -1)) {
            throw new ValidationException("name", "unit.name.taken");
          }
          Instant now = clock.instant();
          return responsibleUnits.save(
              new ResponsibleUnit(
                  null,
                  form.name().trim(),
                  form.kind(),
                  blankToNull(form.contactName()),
                  blankToNull(form.contactPhone()),
                  sample,
                  now,
                  actor,
                  now,
                  actor,
                  null));
        });
  }

  public ResponsibleUnit updateResponsibleUnit(
      CurrentUser user, String tenant, long id, @Valid ResponsibleUnitForm form) {
    TenantContext context = enterForWrite(user, tenant);
    ResponsibleUnit updated =
        scope.write(
            context,
            c -> {
              ResponsibleUnit old =
                  responsibleUnits.findById(id).orElseThrow(ProblemException::notFound);
              if (responsibleUnits.nameTaken(form.name().trim(), id)) {
                throw new ValidationException("name", "unit.name.taken");
              }
              return responsibleUnits.update(
                  new ResponsibleUnit(
                      id,
                      form.name().trim(),
                      form.kind(),
                      blankToNull(form.contactName()),
                      blankToNull(form.contactPhone()),
                      old.sample(),
                      old.createdAt(),
                      old.createdBy(),
                      clock.instant(),
                      user.username(),
                      old.version()));
            });
    record(user, context, "RESPONSIBLE_UNIT_UPDATE", id);
    return updated;
  }

  public void deleteResponsibleUnit(CurrentUser user, String tenant, long id) {
    TenantContext context = enterForWrite(user, tenant);
    scope.read(context, c -> responsibleUnits.findById(id)).orElseThrow(ProblemException::notFound);
    long accounts = users.boundToResponsibleUnit(context.code().value(), id);
    if (accounts > 0) {
      throw ProblemException.conflict("unit.in-use.accounts", accounts);
    }
    scope.write(
        context,
        c -> {
          responsibleUnits.deleteById(id);
          return null;
        });
    record(user, context, "RESPONSIBLE_UNIT_DELETE", id);
  }

  /** Unit counts for dashboards: garrison units, responsible units. */
  public record UnitCounts(long garrisonUnits, long responsibleUnits) {}

  public UnitCounts count(CurrentUser user, String tenant) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return scope.read(
        context, c -> new UnitCounts(garrisonUnits.count(), responsibleUnits.count()));
  }

  // ---- shared ----

  private TenantContext enterForWrite(CurrentUser user, String tenant) {
    TenantContext context = tenants.enter(user, tenant, Access.WRITE);
    if (!user.has(Role.CITY_ADMIN)) {
      throw ProblemException.forbidden();
    }
    return context;
  }

  private void record(CurrentUser user, TenantContext context, String action, Long id) {
    audit.record(
        new AuditLog.Entry(
            user.username(),
            context.code().value(),
            action,
            String.valueOf(id),
            "SUCCESS",
            null,
            null));
  }

  private static Pageable sorted(Pageable pageable) {
    return pageable.isSorted()
        ? pageable
        : Pageable.from(pageable.getNumber(), pageable.getSize(), Sort.of(Sort.Order.asc("name")));
  }

  private static String normalise(String query) {
    return query == null ? "" : query.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
