package cn.shuangyong.tenants.units.internal;

import static cn.shuangyong.tenants.units.internal.UnitCatalog.blankToNull;

import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import jakarta.inject.Singleton;
import java.time.Instant;

/** How garrison units are stored and answered; the rules are {@link UnitCatalog}'s. */
@Singleton
public class GarrisonUnits
    implements UnitCatalog.Kind<GarrisonUnitRow, GarrisonUnit, GarrisonUnitForm> {
  private final GarrisonUnitRepository repository;

  GarrisonUnits(GarrisonUnitRepository repository) {
    this.repository = repository;
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
  public GarrisonUnit toApi(GarrisonUnitRow row) {
    return new GarrisonUnit(
        row.id(),
        row.name(),
        row.branch(),
        row.contactName(),
        row.contactPhone(),
        row.sample(),
        row.createdAt(),
        row.createdBy(),
        row.updatedAt(),
        row.updatedBy(),
        row.version() == null ? 0 : row.version());
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
