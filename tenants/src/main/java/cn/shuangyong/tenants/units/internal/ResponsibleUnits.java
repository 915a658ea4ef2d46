package cn.shuangyong.tenants.units.internal;

import static cn.shuangyong.tenants.units.internal.UnitCatalog.blankToNull;

import cn.shuangyong.tenants.units.api.ResponsibleUnit;
import cn.shuangyong.tenants.units.api.ResponsibleUnitForm;
import cn.shuangyong.tenants.units.api.UnitContact;
import jakarta.inject.Singleton;
import java.time.Instant;

/** How responsible units are stored and answered; the rules are {@link UnitCatalog}'s. */
@Singleton
public class ResponsibleUnits
    implements UnitCatalog.Kind<ResponsibleUnitRow, ResponsibleUnit, ResponsibleUnitForm> {
  private final ResponsibleUnitRepository repository;
  private final ContactPhones contactPhone;

  ResponsibleUnits(ResponsibleUnitRepository repository, ContactPhones contactPhone) {
    this.repository = repository;
    this.contactPhone = contactPhone;
  }

  @Override
  public UnitRows<ResponsibleUnitRow> rows() {
    return repository;
  }

  @Override
  public String nameOf(ResponsibleUnitForm form) {
    return form.name();
  }

  @Override
  public ResponsibleUnitRow build(
      ResponsibleUnitForm form, ResponsibleUnitRow old, boolean sample, Instant at, String actor) {
    return new ResponsibleUnitRow(
        old == null ? null : old.id(),
        form.name().trim(),
        form.kind(),
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
  public ResponsibleUnit toApi(ResponsibleUnitRow row) {
    return new ResponsibleUnit(
        row.id(),
        row.name(),
        row.kind(),
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
  public UnitContact contact(ResponsibleUnitRow row) {
    return new UnitContact(row.contactName(), contactPhone.plain(row.contactPhone()));
  }

  @Override
  public long idOf(ResponsibleUnitRow row) {
    return row.id();
  }

  @Override
  public String auditName() {
    return "RESPONSIBLE_UNIT";
  }
}
