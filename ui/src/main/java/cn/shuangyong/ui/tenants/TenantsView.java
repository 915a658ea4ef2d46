package cn.shuangyong.ui.tenants;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.layout.MenuTitleFor;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.Labels;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.ArrayList;
import java.util.Locale;

/**
 * 城市管理 (platform admin: every tenant, and 新建城市) and 辖区城市 (supervisor: the tenants of its region,
 * read-only). Which tenants are listed is decided by {@link TenantDirectory}.
 */
@Prototype
@Route(value = "tenants", layout = MainLayout.class)
@Menu(title = "nav.tenants", order = 10, icon = "vaadin:building")
@MenuTitleFor(role = Role.SUPERVISOR, title = "nav.region-tenants")
@RequiresRole({Role.PLATFORM_ADMIN, Role.SUPERVISOR})
public class TenantsView extends VerticalLayout implements HasDynamicTitle {
  private final TenantDirectory directory;
  private final CurrentUser user;
  private final Grid<Tenant> grid = new Grid<>();
  private final TextField filter = new TextField();
  private ListDataProvider<Tenant> rows;

  public TenantsView(TenantDirectory directory, NewTenantDialog.Factory dialogs) {
    this.directory = directory;
    this.user = UiSession.requireUser();
    setSizeFull();
    filter.setPlaceholder(getTranslation("tenants.filter"));
    filter.setPrefixComponent(VaadinIcon.SEARCH.create());
    filter.setClearButtonVisible(true);
    filter.setWidth("20em");
    filter.setValueChangeMode(ValueChangeMode.LAZY);
    filter.addValueChangeListener(event -> applyFilter());
    HorizontalLayout toolbar = new HorizontalLayout(filter);
    toolbar.setAlignItems(Alignment.BASELINE);
    if (user.has(Role.PLATFORM_ADMIN)) {
      Button create = new Button(getTranslation("tenants.create"), VaadinIcon.PLUS.create());
      create.setId("create-tenant");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      create.addClickListener(click -> dialogs.open(user, this::refresh));
      toolbar.add(create);
    }
    grid.addColumn(Tenant::code).setHeader(getTranslation("tenant.code")).setSortable(true);
    grid.addColumn(Tenant::name).setHeader(getTranslation("tenant.name")).setSortable(true);
    grid.addColumn(tenant -> Labels.level(this, tenant.level()))
        .setHeader(getTranslation("tenant.level"));
    grid.addColumn(Tenant::regionCode).setHeader(getTranslation("tenant.region"));
    grid.addColumn(tenant -> tenant.parentCode() == null ? "" : tenant.parentCode())
        .setHeader(getTranslation("tenant.parent"));
    grid.addColumn(tenant -> Labels.status(this, tenant.status()))
        .setHeader(getTranslation("tenant.status"));
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
    String heading = user.has(Role.PLATFORM_ADMIN) ? "nav.tenants" : "nav.region-tenants";
    add(new H2(getTranslation(heading)), toolbar, grid);
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation(user.has(Role.PLATFORM_ADMIN) ? "nav.tenants" : "nav.region-tenants")
        + " · "
        + getTranslation("app.name");
  }

  private void refresh() {
    rows = new ListDataProvider<>(new ArrayList<>(directory.visibleTo(user)));
    grid.setItems(rows);
    applyFilter();
  }

  private void applyFilter() {
    String text =
        filter.getValue() == null ? "" : filter.getValue().trim().toLowerCase(Locale.ROOT);
    rows.setFilter(
        tenant ->
            text.isEmpty()
                || tenant.code().contains(text)
                || tenant.name().toLowerCase(Locale.ROOT).contains(text)
                || tenant.regionCode().contains(text));
  }
}
