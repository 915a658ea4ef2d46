package cn.shuangyong.ui.units;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.units.api.Branch;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.List;

/** 驻军单位 of the user's city. */
@Prototype
@Route(value = "garrison-units", layout = MainLayout.class)
@Menu(title = "nav.garrison-units", order = 70, icon = "vaadin:shield")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF})
public class GarrisonUnitsView extends UnitsView<Branch> {
  private final UnitService units;

  private final TenantAccess access;

  public GarrisonUnitsView(TenantAccess access, UnitService units) {
    this.access = access;
    this.units = units;
    setId("garrison-units");
    build();
  }

  @Override
  protected String titleKey() {
    return "nav.garrison-units";
  }

  @Override
  protected String kindHeader() {
    return getTranslation("unit.branch");
  }

  @Override
  protected String kindLabel(Branch kind) {
    return kind == null ? "" : getTranslation("branch." + kind.name());
  }

  @Override
  protected Branch[] kinds() {
    return Branch.values();
  }

  @Override
  protected List<UnitRow<Branch>> list(String query) {
    return units.listGarrisonUnits(access.own(), query).stream().map(this::row).toList();
  }

  @Override
  protected void create(UnitDraft<Branch> draft) {
    units.createGarrisonUnit(access.own(), form(draft));
  }

  @Override
  protected void update(long id, UnitDraft<Branch> draft) {
    units.updateGarrisonUnit(access.own(), id, form(draft));
  }

  @Override
  protected void delete(long id) {
    units.deleteGarrisonUnit(access.own(), id);
  }

  private UnitRow<Branch> row(GarrisonUnit unit) {
    return new UnitRow<>(
        unit.id(),
        unit.name(),
        unit.branch(),
        unit.contactName(),
        unit.contactPhone(),
        unit.sample());
  }

  private static GarrisonUnitForm form(UnitDraft<Branch> draft) {
    return new GarrisonUnitForm(
        draft.name().trim(), draft.kind(), draft.contactName(), draft.contactPhone());
  }
}
