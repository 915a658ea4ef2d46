package cn.shuangyong.tenants.units.internal;

import static cn.shuangyong.tenants.units.internal.UnitCatalog.blankToNull;

import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import cn.shuangyong.tenants.units.api.MilitaryBranch;
import cn.shuangyong.tenants.units.api.UnitContact;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** How garrison units are stored and answered; the rules are {@link UnitCatalog}'s. */
@Singleton
public class GarrisonUnits
    implements UnitCatalog.Kind<GarrisonUnitRow, GarrisonUnit, GarrisonUnitForm> {
  private final GarrisonUnitRepository repository;
  private final MilitaryBranchRepository branches;
  private final ContactPhones contactPhone;

  GarrisonUnits(
      GarrisonUnitRepository repository,
      MilitaryBranchRepository branches,
      ContactPhones contactPhone) {
    this.repository = repository;
    this.branches = branches;
    this.contactPhone = contactPhone;
  }

  /**
   * The branch must be one of the tenant's active branches: an unknown code, or a retired branch
   * such as the 战略支援部队, is refused under the field rather than stored.
   */
  @Override
  public void check(GarrisonUnitForm form) {
    String code = form.branch().trim();
    if (branches.findById(code).filter(MilitaryBranchRow::active).isEmpty()) {
      throw new ValidationException("branch", "unit.branch.unknown", code);
    }
  }

  /** Every branch of the tenant, retired ones included, in display order. */
  public List<MilitaryBranch> branches() {
    return branches.listAll().stream()
        .map(
            row ->
                new MilitaryBranch(
                    row.code(), row.nameZh(), row.nameEn(), row.displayOrder(), row.active()))
        .toList();
  }

  @Override
  public UnitRows<GarrisonUnitRow> rows() {
    return repository;
  }

  @Override
  public String nameOf(GarrisonUnitForm form) {
    return form.name();
  }

  @Override
  public GarrisonUnitRow build(
      GarrisonUnitForm form, GarrisonUnitRow old, boolean sample, Instant at, String actor) {
    return new GarrisonUnitRow(
        old == null ? null : old.id(),
        form.name().trim(),
        form.branch().trim(),
        blankToNull(form.contactName()),
        contactPhone.stored(form.contactPhone(), old == null ? null : old.contactPhone()),
        old == null ? sample : old.sample(),
        old == null ? at : old.createdAt(),
        old == null ? actor : old.createdBy(),
        at,
        actor,
        old == null ? null : old.version());
  }

  @Override
  public GarrisonUnit toApi(GarrisonUnitRow row) {
    return new GarrisonUnit(
        row.id(),
        row.name(),
        row.branch(),
        row.contactName(),
        contactPhone.masked(row.contactPhone()),
        row.sample(),
        row.createdAt(),
        row.createdBy(),
        row.updatedAt(),
        row.updatedBy(),
        row.version() == null ? 0 : row.version());
  }

  @Override
  public UnitContact contact(GarrisonUnitRow row) {
    return new UnitContact(row.contactName(), contactPhone.plain(row.contactPhone()));
  }

  @Override
  public long idOf(GarrisonUnitRow row) {
    return row.id();
  }

  @Override
  public String auditName() {
    return "GARRISON_UNIT";
  }
}
