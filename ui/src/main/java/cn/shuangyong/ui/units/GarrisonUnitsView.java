package cn.shuangyong.ui.units;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import cn.shuangyong.tenants.units.api.MilitaryBranch;
import cn.shuangyong.tenants.units.api.UnitContact;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 驻军单位 of the user's city. The branches come from the tenant's table (the structure changes: the
 * 战略支援部队 was dissolved in 2024), named in the UI's language; the form offers the active ones.
 */
@Prototype
@Route(value = "garrison-units", layout = MainLayout.class)
@Menu(title = "nav.garrison-units", order = 70, icon = "vaadin:shield")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF})
public class GarrisonUnitsView extends UnitsView<String> {
  private final UnitService units;

  private final TenantAccess access;

  /** By code, in display order; read once per view. */
  private final Map<String, MilitaryBranch> branches = new LinkedHashMap<>();

  public GarrisonUnitsView(TenantAccess access, UnitService units) {
    this.access = access;
    this.units = units;
    units.listBranches(access.own()).forEach(branch -> branches.put(branch.code(), branch));
    setId("garrison-units");
    build();
  }

  @Override
  protected String accountsParameter() {
    return "garrisonUnit";
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
  protected String kindLabel(String code) {
    MilitaryBranch branch = code == null ? null : branches.get(code);
    return branch == null ? (code == null ? "" : code) : branch.name(getLocale());
  }

  @Override
  protected String[] kinds() {
    return branches.values().stream()
        .filter(MilitaryBranch::active)
        .map(MilitaryBranch::code)
        .toArray(String[]::new);
  }

  @Override
  protected List<UnitRow<String>> list(String query) {
    return units.listGarrisonUnits(access.own(), query).stream().map(this::row).toList();
  }

  @Override
  protected void create(UnitDraft<String> draft) {
    units.createGarrisonUnit(access.own(), form(draft));
  }

  @Override
  protected void update(long id, UnitDraft<String> draft) {
    units.updateGarrisonUnit(access.own(), id, form(draft));
  }

  @Override
  protected UnitContact contact(long id) {
    return units.garrisonUnitContact(access.own(), id);
  }

  @Override
  protected void delete(long id) {
    units.deleteGarrisonUnit(access.own(), id);
  }

  private UnitRow<String> row(GarrisonUnit unit) {
    return new UnitRow<>(
        unit.id(),
        unit.name(),
        unit.branch(),
        unit.contactName(),
        unit.contactPhone(),
        unit.sample());
  }

  private static GarrisonUnitForm form(UnitDraft<String> draft) {
    return new GarrisonUnitForm(
        draft.name().trim(), draft.kind(), draft.contactName(), draft.contactPhone());
  }
}
