package cn.shuangyong.tenants.units.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.privacy.UnmaskingAudit;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.units.internal.GarrisonUnitRow;
import cn.shuangyong.tenants.units.internal.GarrisonUnits;
import cn.shuangyong.tenants.units.internal.ResponsibleUnitRow;
import cn.shuangyong.tenants.units.internal.ResponsibleUnits;
import cn.shuangyong.tenants.units.internal.UnitCatalog;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;

/**
 * Garrison units (驻军单位) and responsible units (责任单位) of a tenant. Everyone of the tenant and its
 * supervisors read; only the city admin writes; a unit that accounts or needs refer to cannot be
 * deleted (409 naming what refers to it).
 *
 * <p>A unit's contact person (name and phone) is read by the city office and supervisors, and by a
 * liaison or handler for its own unit only: a liaison has no business phoning another garrison, and
 * a handler no list of every department's numbers. Others get the unit with the contact left out.
 *
 * <p>The phone is stored encrypted and answered masked ({@code 0573-****0001}) to everyone; the
 * city office (CITY_ADMIN, CITY_STAFF) may have a unit's contact in plain through {@link
 * #garrisonUnitContact} / {@link #responsibleUnitContact}, each time audited as {@code
 * PERSONAL_DATA_UNMASKED}. Supervisors, handlers and liaisons may not (403).
 */
@Singleton
public class UnitService {
  private final TenantScope scope;
  private final GarrisonUnits garrisonKind;
  private final UnitCatalog<GarrisonUnitRow, GarrisonUnit, GarrisonUnitForm> garrisonUnits;
  private final UnitCatalog<ResponsibleUnitRow, ResponsibleUnit, ResponsibleUnitForm>
      responsibleUnits;

  private final UnmaskingAudit unmasking;

  UnitService(
      TenantScope scope,
      GarrisonUnits garrisonKind,
      ResponsibleUnits responsibleKind,
      UserDirectory users,
      TenantAudit audit,
      UnmaskingAudit unmasking,
      Clock clock) {
    this.scope = scope;
    this.unmasking = unmasking;
    this.garrisonKind = garrisonKind;
    this.garrisonUnits =
        new UnitCatalog<>(garrisonKind, scope, audit, clock, users::boundToGarrisonUnit);
    this.responsibleUnits =
        new UnitCatalog<>(responsibleKind, scope, audit, clock, users::boundToResponsibleUnit);
  }

  // ---- garrison units ----

  /**
   * The tenant's branches in display order, retired ones included (marked inactive) so that a grid
   * can still name an old unit's branch; a form offers only the active ones.
   */
  public List<MilitaryBranch> listBranches(TenantContext tenant) {
    return scope.read(tenant, garrisonKind::branches);
  }

  public Page<GarrisonUnit> listGarrisonUnits(
      TenantContext tenant, String query, Pageable pageable) {
    return garrisonUnits
        .list(tenant, query, pageable)
        .map(unit -> reachable(tenant, unit.id(), true) ? unit : unit.withoutContact());
  }

  /** All of them, by name: a tenant has tens of units, not thousands. */
  public List<GarrisonUnit> listGarrisonUnits(TenantContext tenant, String query) {
    return listGarrisonUnits(tenant, query, Pageable.from(0, 1000)).getContent();
  }

  public GarrisonUnit findGarrisonUnit(TenantContext tenant, long id) {
    GarrisonUnit unit = garrisonUnits.find(tenant, id);
    return reachable(tenant, id, true) ? unit : unit.withoutContact();
  }

  /** The garrison unit's contact person in plain, for the city office; audited. */
  public UnitContact garrisonUnitContact(TenantContext tenant, long id) {
    requireUnmasker(tenant);
    return unmasked(tenant, "garrison-unit:" + id, garrisonUnits.contact(tenant, id));
  }

  public GarrisonUnit createGarrisonUnit(TenantContext tenant, @Valid GarrisonUnitForm form) {
    return garrisonUnits.create(tenant, form);
  }

  /** For bootstrap work (demo data) that entered the tenant as a job. */
  public GarrisonUnit createSampleGarrisonUnit(TenantContext tenant, GarrisonUnitForm form) {
    return garrisonUnits.create(tenant, form, true);
  }

  public GarrisonUnit updateGarrisonUnit(
      TenantContext tenant, long id, @Valid GarrisonUnitForm form) {
    return garrisonUnits.update(tenant, id, form);
  }

  public void deleteGarrisonUnit(TenantContext tenant, long id) {
    garrisonUnits.delete(tenant, id);
  }

  // ---- responsible units ----

  public Page<ResponsibleUnit> listResponsibleUnits(
      TenantContext tenant, String query, Pageable pageable) {
    return responsibleUnits
        .list(tenant, query, pageable)
        .map(unit -> reachable(tenant, unit.id(), false) ? unit : unit.withoutContact());
  }

  public List<ResponsibleUnit> listResponsibleUnits(TenantContext tenant, String query) {
    return listResponsibleUnits(tenant, query, Pageable.from(0, 1000)).getContent();
  }

  public ResponsibleUnit findResponsibleUnit(TenantContext tenant, long id) {
    ResponsibleUnit unit = responsibleUnits.find(tenant, id);
    return reachable(tenant, id, false) ? unit : unit.withoutContact();
  }

  /** The responsible unit's contact person in plain, for the city office; audited. */
  public UnitContact responsibleUnitContact(TenantContext tenant, long id) {
    requireUnmasker(tenant);
    return unmasked(tenant, "responsible-unit:" + id, responsibleUnits.contact(tenant, id));
  }

  public ResponsibleUnit createResponsibleUnit(
      TenantContext tenant, @Valid ResponsibleUnitForm form) {
    return responsibleUnits.create(tenant, form);
  }

  /** For bootstrap work (demo data) that entered the tenant as a job. */
  public ResponsibleUnit createSampleResponsibleUnit(
      TenantContext tenant, ResponsibleUnitForm form) {
    return responsibleUnits.create(tenant, form, true);
  }

  public ResponsibleUnit updateResponsibleUnit(
      TenantContext tenant, long id, @Valid ResponsibleUnitForm form) {
    return responsibleUnits.update(tenant, id, form);
  }

  public void deleteResponsibleUnit(TenantContext tenant, long id) {
    responsibleUnits.delete(tenant, id);
  }

  /** Who may have a contact in plain: the city office of the tenant, not its supervisors. */
  public static boolean mayUnmask(CurrentUser user) {
    return user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
  }

  private static void requireUnmasker(TenantContext tenant) {
    if (tenant.readOnly() || !mayUnmask(tenant.caller())) {
      throw ProblemException.forbidden();
    }
  }

  private UnitContact unmasked(TenantContext tenant, String target, UnitContact contact) {
    unmasking.unmasked(
        tenant.caller(), tenant.code().value(), target, List.of("contactName", "contactPhone"));
    return contact;
  }

  /** Whether the caller may see the contact person of that garrison (or responsible) unit. */
  private static boolean reachable(TenantContext tenant, long unitId, boolean garrison) {
    CurrentUser user = tenant.caller();
    if (user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR)) {
      return true;
    }
    Long own = garrison ? user.garrisonUnitId() : user.responsibleUnitId();
    return own != null && own == unitId;
  }

  /** Unit counts for dashboards: garrison units, responsible units. */
  public record UnitCounts(long garrisonUnits, long responsibleUnits) {}

  public UnitCounts count(TenantContext tenant) {
    return new UnitCounts(garrisonUnits.count(tenant), responsibleUnits.count(tenant));
  }
}
