package cn.shuangyong.ui.tenants;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantStatus;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.layout.MenuTitleFor;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Labels;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
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
import java.util.Map;

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
  private Map<String, String> regionNames = Map.of();
  private Runnable emptyState = () -> {};

  public TenantsView(TenantDirectory directory, NewTenantDialog.Factory dialogs) {
    this.directory = directory;
    this.user = UiSession.requireUser();
    setSizeFull();
    filter.setId("tenants-filter");
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
    grid.addColumn(tenant -> regionName(tenant.regionCode()))
        .setHeader(getTranslation("tenant.region"))
        .setTooltipGenerator(Tenant::regionCode);
    grid.addColumn(tenant -> regionName(tenant.parentCode()))
        .setHeader(getTranslation("tenant.parent"))
        .setTooltipGenerator(tenant -> tenant.parentCode() == null ? "" : tenant.parentCode());
    grid.addColumn(tenant -> Labels.status(this, tenant.status()))
        .setHeader(getTranslation("tenant.status"));
    if (user.has(Role.PLATFORM_ADMIN)) {
      grid.addColumn(tenant -> tenant.statusDetail() == null ? "" : tenant.statusDetail())
          .setHeader(getTranslation("tenant.status-detail"))
          .setTooltipGenerator(Tenant::statusDetail)
          .setFlexGrow(2);
      grid.addComponentColumn(this::migrateAgainButton).setAutoWidth(true).setFlexGrow(0);
      // the city's accounts: its first city admin is created there right after provisioning
      grid.addComponentColumn(this::accountsLink).setAutoWidth(true).setFlexGrow(0);
    }
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
    EmptyState nothingYet =
        EmptyState.nothingYet(
            getTranslation(
                user.has(Role.PLATFORM_ADMIN) ? "tenants.empty" : "tenants.empty.supervisor"));
    if (user.has(Role.PLATFORM_ADMIN)) {
      nothingYet.withAction(
          getTranslation("tenants.create"),
          VaadinIcon.PLUS,
          () -> dialogs.open(user, this::refresh));
    }
    emptyState =
        EmptyState.on(
            grid,
            () -> filter.getValue() != null && !filter.getValue().isBlank(),
            nothingYet,
            EmptyState.noMatch(
                getTranslation("tenants.empty.no-match"),
                getTranslation("empty.clear-filters"),
                filter::clear));
    String heading = user.has(Role.PLATFORM_ADMIN) ? "nav.tenants" : "nav.region-tenants";
    add(ViewTitle.of(getTranslation(heading)), toolbar, grid);
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation(user.has(Role.PLATFORM_ADMIN) ? "nav.tenants" : "nav.region-tenants")
        + " · "
        + getTranslation("app.name");
  }

  /**
   * A FAILED (or never finished) tenant is migrated again from here once the cause shown beside it
   * is removed: no restart needed. Asks first, since it runs the migrations now.
   */
  private Component accountsLink(Tenant tenant) {
    com.vaadin.flow.router.RouterLink link =
        new com.vaadin.flow.router.RouterLink(
            getTranslation("nav.accounts"), cn.shuangyong.ui.accounts.AccountsView.class);
    link.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("tenant", tenant.code()));
    link.addClassName("tenant-accounts");
    return link;
  }

  private Component migrateAgainButton(Tenant tenant) {
    if (tenant.status() != TenantStatus.FAILED && tenant.status() != TenantStatus.PROVISIONING) {
      return new Span();
    }
    Button retry = new Button(getTranslation("tenants.migrate-again"), VaadinIcon.REFRESH.create());
    retry.setId("migrate-again-" + tenant.code());
    retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
    retry.addClickListener(click -> confirmMigrateAgain(tenant));
    return retry;
  }

  private void confirmMigrateAgain(Tenant tenant) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader(getTranslation("tenants.migrate-again.title", tenant.name()));
    confirm.setText(
        getTranslation(
            "tenants.migrate-again.text",
            tenant.code(),
            tenant.statusDetail() == null ? "" : tenant.statusDetail()));
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("action.cancel"));
    Button confirmButton = new Button(getTranslation("tenants.migrate-again"));
    confirmButton.setId("confirm-migrate-again");
    confirmButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    confirm.setConfirmButton(confirmButton);
    confirm.addConfirmListener(
        event -> {
          Tenant outcome =
              Problems.attempt(this, () -> directory.migrateAgain(user, tenant.code()));
          if (outcome != null && outcome.status() == TenantStatus.ACTIVE) {
            Notices.success(getTranslation("tenants.migrated-again", outcome.name()));
          } else if (outcome != null) {
            Notices.error(
                getTranslation(
                    "tenants.migrate-again.failed", outcome.name(), outcome.statusDetail()));
          }
          refresh();
        });
    confirm.open();
  }

  /** The region's name (湖州市), or its code when the registry has no such region. */
  private String regionName(String code) {
    return code == null ? "" : regionNames.getOrDefault(code, code);
  }

  private void refresh() {
    regionNames = directory.regionNames();
    rows = new ListDataProvider<>(new ArrayList<>(directory.visibleTo(user)));
    grid.setItems(rows);
    applyFilter();
  }

  private void applyFilter() {
    emptyState.run();
    String text =
        filter.getValue() == null ? "" : filter.getValue().trim().toLowerCase(Locale.ROOT);
    rows.setFilter(
        tenant ->
            text.isEmpty()
                || tenant.code().contains(text)
                || tenant.name().toLowerCase(Locale.ROOT).contains(text)
                || tenant.regionCode().contains(text)
                || regionName(tenant.regionCode()).contains(text)
                || regionName(tenant.parentCode()).contains(text));
  }
}
