package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.Account;
import cn.shuangyong.platform.accounts.api.AccountFilter;
import cn.shuangyong.platform.accounts.api.AccountPermissions;
import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.accounts.api.AccountStatus;
import cn.shuangyong.platform.accounts.api.AccountWithPassword;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.MaskedValue;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts (账号管理): a city admin's own city; a platform admin's platform accounts, or a city's
 * ({@code ?tenant=pinghu}, from the tenants page, to create its first city admin). {@code
 * ?garrisonUnit=ID} or {@code ?responsibleUnit=ID} shows the accounts bound to a unit (the unit
 * pages link here). The rules are the account service's; this view only shows and asks.
 */
@Prototype
@Route(value = "accounts", layout = MainLayout.class)
@Menu(title = "nav.accounts", order = 85, icon = "vaadin:users")
@RequiresRole({Role.CITY_ADMIN, Role.PLATFORM_ADMIN})
public class AccountsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
          .withZone(cn.shuangyong.platform.time.ChinaTime.ZONE);
  private final AccountService accounts;
  private final UnitService units;
  private final TenantAccess access;
  private final Grid<Account> grid = new Grid<>();
  private final ComboBox<Role> role = new ComboBox<>();
  private final ComboBox<AccountStatus> status = new ComboBox<>();
  private final TextField search = new TextField();
  private final H1 title = ViewTitle.of("");
  private final TenantDirectory tenants;
  private String tenant;
  private Long garrisonUnit;
  private Long responsibleUnit;
  private Map<Long, String> garrisonNames = Map.of();
  private Map<Long, String> responsibleNames = Map.of();

  public AccountsView(
      AccountService accounts, UnitService units, TenantAccess access, TenantDirectory tenants) {
    this.tenants = tenants;
    this.accounts = accounts;
    this.units = units;
    this.access = access;
    setId("accounts");
    setSizeFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    CurrentUser user = UiSession.requireUser();
    Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
    tenant = user.has(Role.CITY_ADMIN) ? user.tenant() : first(query, "tenant");
    garrisonUnit = number(first(query, "garrisonUnit"));
    responsibleUnit = number(first(query, "responsibleUnit"));
    if (user.has(Role.CITY_ADMIN) && tenant != null) {
      garrisonNames = names(units.listGarrisonUnits(access.own(), null), true);
      responsibleNames = names(units.listResponsibleUnits(access.own(), null), false);
    }
    build(user);
  }

  private static Map<Long, String> names(List<?> list, boolean garrison) {
    Map<Long, String> names = new HashMap<>();
    for (Object unit : list) {
      if (garrison) {
        var g = (cn.shuangyong.tenants.units.api.GarrisonUnit) unit;
        names.put(g.id(), g.name());
      } else {
        var r = (cn.shuangyong.tenants.units.api.ResponsibleUnit) unit;
        names.put(r.id(), r.name());
      }
    }
    return names;
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }

  private static Long number(String value) {
    try {
      return value == null ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void build(CurrentUser user) {
    removeAll();
    title.setText(
        tenant == null
            ? getTranslation("accounts.platform.title")
            : getTranslation(
                "accounts.title", tenants.find(tenant).map(t -> t.name()).orElse(tenant)));
    Set<Role> grantable = AccountPermissions.grantable(user, tenant);
    role.setPlaceholder(getTranslation("accounts.filter.role"));
    role.setItems(
        tenant == null ? AccountPermissions.PLATFORM_ROLES : AccountPermissions.CITY_ROLES);
    role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
    role.setClearButtonVisible(true);
    status.setPlaceholder(getTranslation("accounts.filter.status"));
    status.setItems(AccountStatus.values());
    status.setItemLabelGenerator(s -> getTranslation("account.status." + s.name()));
    status.setClearButtonVisible(true);
    search.setPlaceholder(getTranslation("accounts.filter.q"));
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setClearButtonVisible(true);
    role.addValueChangeListener(e -> refresh());
    status.addValueChangeListener(e -> refresh());
    search.addValueChangeListener(e -> refresh());
    Button create = new Button(getTranslation("accounts.create"), VaadinIcon.PLUS.create());
    create.setId("create-account");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(click -> openForm(null, grantable));
    add(title, new HorizontalLayout(search, role, status, create));
    configureGrid(grantable);
    add(grid);
    refresh();
  }

  private void configureGrid(Set<Role> grantable) {
    grid.removeAllColumns();
    grid.addColumn(Account::displayName).setHeader(getTranslation("account.display-name"));
    grid.addColumn(Account::username).setHeader(getTranslation("account.username"));
    grid.addColumn(this::roleNames).setHeader(getTranslation("account.roles"));
    grid.addColumn(this::unitName).setHeader(getTranslation("account.unit"));
    grid.addComponentColumn(this::phone).setHeader(getTranslation("account.phone"));
    grid.addColumn(a -> getTranslation("account.status." + a.status().name()))
        .setHeader(getTranslation("account.status"));
    grid.addColumn(a -> a.lastLoginAt() == null ? "—" : WHEN.format(a.lastLoginAt()))
        .setHeader(getTranslation("account.last-login"));
    grid.addComponentColumn(a -> actions(a, grantable)).setAutoWidth(true).setFlexGrow(0);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
  }

  /** Masked; 显示 asks the service, which audits the unmasking (for whoever manages accounts). */
  private Component phone(Account account) {
    return new MaskedValue(
        "account-phone-" + account.id(),
        "show-account-phone-" + account.id(),
        account.phone(),
        true,
        () -> accounts.contact(UiActor.current(), tenant, account.id()).phone());
  }

  String roleNames(Account account) {
    return account.roles().stream()
        .map(r -> getTranslation("role." + r))
        .collect(Collectors.joining("、"));
  }

  String unitName(Account account) {
    if (account.garrisonUnitId() != null) {
      return garrisonNames.getOrDefault(account.garrisonUnitId(), "#" + account.garrisonUnitId());
    }
    if (account.responsibleUnitId() != null) {
      return responsibleNames.getOrDefault(
          account.responsibleUnitId(), "#" + account.responsibleUnitId());
    }
    return account.region() == null ? "" : account.region();
  }

  void refresh() {
    AccountFilter filter =
        new AccountFilter(
            role.getValue() == null ? null : role.getValue().name(),
            status.getValue(),
            search.getValue().isBlank() ? null : search.getValue());
    CurrentUser user = UiSession.requireUser();
    List<Account> items =
        Problems.attempt(this, () -> accounts.list(user, tenant, filter, 0, 200).items());
    if (items == null) {
      return;
    }
    grid.setItems(
        items.stream()
            .filter(a -> garrisonUnit == null || garrisonUnit.equals(a.garrisonUnitId()))
            .filter(a -> responsibleUnit == null || responsibleUnit.equals(a.responsibleUnitId()))
            .toList());
  }

  private Component actions(Account account, Set<Role> grantable) {
    Button edit = small("accounts.edit", () -> openForm(account, grantable));
    Button toggle =
        account.status() == AccountStatus.DISABLED
            ? small("accounts.enable", () -> confirm(account, "enable"))
            : small("accounts.disable", () -> confirm(account, "disable"));
    Button reset = small("accounts.reset", () -> confirm(account, "reset"));
    Button resetTotp = small("accounts.reset-totp", () -> confirm(account, "reset-totp"));
    HorizontalLayout row = new HorizontalLayout(edit, toggle, reset, resetTotp);
    if (account.status() == AccountStatus.LOCKED) {
      row.add(small("accounts.unlock", () -> confirm(account, "unlock")));
    }
    return row;
  }

  private Button small(String key, Runnable action) {
    Button button = new Button(getTranslation(key), click -> action.run());
    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    button.addClassName("account-" + key.substring(key.indexOf('.') + 1));
    return button;
  }

  private void confirm(Account account, String action) {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setHeader(getTranslation("accounts." + action));
    dialog.setText(getTranslation("accounts." + action + ".confirm", account.displayName()));
    dialog.setCancelable(true);
    dialog.setCancelText(getTranslation("action.cancel"));
    dialog.setConfirmText(getTranslation("accounts." + action));
    dialog.addConfirmListener(event -> act(account, action));
    dialog.open();
  }

  private void act(Account account, String action) {
    var actor = UiActor.current();
    Object done =
        Problems.attempt(
            this,
            () ->
                switch (action) {
                  case "enable" -> accounts.enable(actor, tenant, account.id());
                  case "disable" -> accounts.disable(actor, tenant, account.id());
                  case "unlock" -> accounts.unlock(actor, tenant, account.id());
                  case "reset-totp" -> {
                    accounts.resetSecondFactor(actor, tenant, account.id());
                    yield account;
                  }
                  default -> accounts.resetPassword(actor, tenant, account.id());
                });
    if (done instanceof AccountWithPassword issued) {
      new HandOverSlip(issued).open();
    }
    refresh();
  }

  private void openForm(Account account, Set<Role> grantable) {
    new AccountFormDialog(
            accounts, tenant, account, grantable, garrisonNames, responsibleNames, this::saved)
        .open();
  }

  private void saved(Object result) {
    if (result instanceof AccountWithPassword issued) {
      new HandOverSlip(issued).open();
    }
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.accounts") + " · " + getTranslation("app.name");
  }
}
