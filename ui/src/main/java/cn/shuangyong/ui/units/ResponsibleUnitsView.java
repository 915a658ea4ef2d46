package cn.shuangyong.ui.units;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.units.api.ResponsibleUnit;
import cn.shuangyong.tenants.units.api.ResponsibleUnitForm;
import cn.shuangyong.tenants.units.api.ResponsibleUnitKind;
import cn.shuangyong.tenants.units.api.UnitContact;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.List;

/** 责任单位 of the user's city. */
@Prototype
@Route(value = "responsible-units", layout = MainLayout.class)
@Menu(title = "nav.responsible-units", order = 80, icon = "vaadin:office")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF})
public class ResponsibleUnitsView extends UnitsView<ResponsibleUnitKind> {
  private final UnitService units;

  private final TenantAccess access;

  public ResponsibleUnitsView(TenantAccess access, UnitService units) {
    this.access = access;
    this.units = units;
    setId("responsible-units");
    build();
  }

  @Override
  protected String accountsParameter() {
    return "responsibleUnit";
  }

  @Override
  protected String titleKey() {
    return "nav.responsible-units";
  }

  @Override
  protected String kindHeader() {
    return getTranslation("unit.kind");
  }

  @Override
  protected String kindLabel(ResponsibleUnitKind kind) {
    return kind == null ? "" : getTranslation("unit-kind." + kind.name());
  }

  @Override
  protected ResponsibleUnitKind[] kinds() {
    return ResponsibleUnitKind.values();
  }

  @Override
  protected List<UnitRow<ResponsibleUnitKind>> list(String query) {
    return units.listResponsibleUnits(access.own(), query).stream().map(this::row).toList();
  }

  @Override
  protected void create(UnitDraft<ResponsibleUnitKind> draft) {
    units.createResponsibleUnit(access.own(), form(draft));
  }

  @Override
  protected void update(long id, UnitDraft<ResponsibleUnitKind> draft) {
    units.updateResponsibleUnit(access.own(), id, form(draft));
  }

  @Override
  protected UnitContact contact(long id) {
    return units.responsibleUnitContact(access.own(), id);
  }

  @Override
  protected void delete(long id) {
    units.deleteResponsibleUnit(access.own(), id);
  }

  private UnitRow<ResponsibleUnitKind> row(ResponsibleUnit unit) {
    return new UnitRow<>(
        unit.id(),
        unit.name(),
        unit.kind(),
        unit.contactName(),
        unit.contactPhone(),
        unit.sample());
  }

  private static ResponsibleUnitForm form(UnitDraft<ResponsibleUnitKind> draft) {
    return new ResponsibleUnitForm(
        draft.name().trim(), draft.kind(), draft.contactName(), draft.contactPhone());
  }
}
