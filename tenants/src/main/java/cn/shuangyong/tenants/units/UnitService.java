package cn.shuangyong.tenants.units;

import static cn.shuangyong.tenants.units.UnitCatalog.blankToNull;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantDirectory.Access;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.users.UserDirectory;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Garrison units (驻军单位) and responsible units (责任单位) of a tenant. Everyone of the tenant and its
 * supervisors read; only the city admin writes; a unit that accounts (or, later, needs and
 * projects) refer to cannot be deleted.
 */
@Singleton
public class UnitService {
  private final TenantDirectory tenants;
  private final UnitCatalog<GarrisonUnit, GarrisonUnitForm> garrisonUnits;
  private final UnitCatalog<ResponsibleUnit, ResponsibleUnitForm> responsibleUnits;

  public UnitService(
      TenantDirectory tenants,
      TenantScope scope,
      GarrisonUnitRepository garrisonRepository,
      ResponsibleUnitRepository responsibleRepository,
      UserDirectory users,
      AuditLog audit,
      Clock clock) {
    this.tenants = tenants;
    this.garrisonUnits =
        new UnitCatalog<>(
            new GarrisonUnits(garrisonRepository),
            tenants,
            scope,
            audit,
            clock,
            users::boundToGarrisonUnit);
    this.responsibleUnits =
        new UnitCatalog<>(
            new ResponsibleUnits(responsibleRepository),
            tenants,
            scope,
            audit,
            clock,
            users::boundToResponsibleUnit);
  }

  // ---- garrison units ----

  public Page<GarrisonUnit> listGarrisonUnits(
      CurrentUser user, String tenant, String query, Pageable pageable) {
    return garrisonUnits.list(user, tenant, query, pageable);
  }

  /** All of them, by name: a tenant has tens of units, not thousands. */
  public List<GarrisonUnit> listGarrisonUnits(CurrentUser user, String tenant, String query) {
    return listGarrisonUnits(user, tenant, query, Pageable.from(0, 1000)).getContent();
  }

  public GarrisonUnit findGarrisonUnit(CurrentUser user, String tenant, long id) {
    return garrisonUnits.find(user, tenant, id);
  }

  public GarrisonUnit createGarrisonUnit(
      CurrentUser user, String tenant, @Valid GarrisonUnitForm form) {
    return garrisonUnits.create(user, tenant, form);
  }

  /** For platform work (demo data, imports) that already entered the tenant. */
  public GarrisonUnit createGarrisonUnit(
      TenantContext context, GarrisonUnitForm form, boolean sample, String actor) {
    return garrisonUnits.create(context, form, sample, actor);
  }

  public GarrisonUnit updateGarrisonUnit(
      CurrentUser user, String tenant, long id, @Valid GarrisonUnitForm form) {
    return garrisonUnits.update(user, tenant, id, form);
  }

  public void deleteGarrisonUnit(CurrentUser user, String tenant, long id) {
    garrisonUnits.delete(user, tenant, id);
  }

  // ---- responsible units ----

  public Page<ResponsibleUnit> listResponsibleUnits(
      CurrentUser user, String tenant, String query, Pageable pageable) {
    return responsibleUnits.list(user, tenant, query, pageable);
  }

  public List<ResponsibleUnit> listResponsibleUnits(CurrentUser user, String tenant, String query) {
    return listResponsibleUnits(user, tenant, query, Pageable.from(0, 1000)).getContent();
  }

  public ResponsibleUnit findResponsibleUnit(CurrentUser user, String tenant, long id) {
    return responsibleUnits.find(user, tenant, id);
  }

  public ResponsibleUnit createResponsibleUnit(
      CurrentUser user, String tenant, @Valid ResponsibleUnitForm form) {
    return responsibleUnits.create(user, tenant, form);
  }

  /** For platform work (demo data, imports) that already entered the tenant. */
  public ResponsibleUnit createResponsibleUnit(
      TenantContext context, ResponsibleUnitForm form, boolean sample, String actor) {
    return responsibleUnits.create(context, form, sample, actor);
  }

  public ResponsibleUnit updateResponsibleUnit(
      CurrentUser user, String tenant, long id, @Valid ResponsibleUnitForm form) {
    return responsibleUnits.update(user, tenant, id, form);
  }

  public void deleteResponsibleUnit(CurrentUser user, String tenant, long id) {
    responsibleUnits.delete(user, tenant, id);
  }

  /** Unit counts for dashboards: garrison units, responsible units. */
  public record UnitCounts(long garrisonUnits, long responsibleUnits) {}

  public UnitCounts count(CurrentUser user, String tenant) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return new UnitCounts(garrisonUnits.count(context), responsibleUnits.count(context));
  }

  // ---- the two kinds ----

  private record GarrisonUnits(GarrisonUnitRepository repository)
      implements UnitCatalog.Kind<GarrisonUnit, GarrisonUnitForm> {
    @Override
    public Page<GarrisonUnit> search(String query, Pageable pageable) {
      return repository.search(query, pageable);
    }

    @Override
    public Optional<GarrisonUnit> findById(long id) {
      return repository.findById(id);
    }

    @Override
    public boolean nameTaken(String name, long exceptId) {
      return repository.nameTaken(name, exceptId);
    }

    @Override
    public GarrisonUnit save(GarrisonUnit entity) {
      return repository.save(entity);
    }

    @Override
    public GarrisonUnit update(GarrisonUnit entity) {
      return repository.update(entity);
    }

    @Override
    public void deleteById(long id) {
      repository.deleteById(id);
    }

    @Override
    public long count() {
      return repository.count();
    }

    @Override
    public String nameOf(GarrisonUnitForm form) {
      return form.name();
    }

    @Override
    public GarrisonUnit build(
        GarrisonUnitForm form, GarrisonUnit old, boolean sample, Instant at, String actor) {
      return new GarrisonUnit(
          old == null ? null : old.id(),
          form.name().trim(),
          form.branch(),
          blankToNull(form.contactName()),
          blankToNull(form.contactPhone()),
          old == null ? sample : old.sample(),
          old == null ? at : old.createdAt(),
          old == null ? actor : old.createdBy(),
          at,
          actor,
          old == null ? null : old.version());
    }

    @Override
    public Long idOf(GarrisonUnit entity) {
      return entity.id();
    }

    @Override
    public String auditName() {
      return "GARRISON_UNIT";
    }
  }

  private record ResponsibleUnits(ResponsibleUnitRepository repository)
      implements UnitCatalog.Kind<ResponsibleUnit, ResponsibleUnitForm> {
    @Override
    public Page<ResponsibleUnit> search(String query, Pageable pageable) {
      return repository.search(query, pageable);
    }

    @Override
    public Optional<ResponsibleUnit> findById(long id) {
      return repository.findById(id);
    }

    @Override
    public boolean nameTaken(String name, long exceptId) {
      return repository.nameTaken(name, exceptId);
    }

    @Override
    public ResponsibleUnit save(ResponsibleUnit entity) {
      return repository.save(entity);
    }

    @Override
    public ResponsibleUnit update(ResponsibleUnit entity) {
      return repository.update(entity);
    }

    @Override
    public void deleteById(long id) {
      repository.deleteById(id);
    }

    @Override
    public long count() {
      return repository.count();
    }

    @Override
    public String nameOf(ResponsibleUnitForm form) {
      return form.name();
    }

    @Override
    public ResponsibleUnit build(
        ResponsibleUnitForm form, ResponsibleUnit old, boolean sample, Instant at, String actor) {
      return new ResponsibleUnit(
          old == null ? null : old.id(),
          form.name().trim(),
          form.kind(),
          blankToNull(form.contactName()),
          blankToNull(form.contactPhone()),
          old == null ? sample : old.sample(),
          old == null ? at : old.createdAt(),
          old == null ? actor : old.createdBy(),
          at,
          actor,
          old == null ? null : old.version());
    }

    @Override
    public Long idOf(ResponsibleUnit entity) {
      return entity.id();
    }

    @Override
    public String auditName() {
      return "RESPONSIBLE_UNIT";
    }
  }
}
