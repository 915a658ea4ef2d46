package cn.shuangyong.ui.layout;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.ui.audit.AuditView;
import cn.shuangyong.ui.dashboard.DashboardView;
import cn.shuangyong.ui.needs.MyNeedsView;
import cn.shuangyong.ui.needs.MyTasksView;
import cn.shuangyong.ui.needs.NeedBoardView;
import cn.shuangyong.ui.needs.NeedCategoriesView;
import cn.shuangyong.ui.needs.SubmitNeedView;
import cn.shuangyong.ui.security.AccessRules;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.tenants.TenantsView;
import cn.shuangyong.ui.units.GarrisonUnitsView;
import cn.shuangyong.ui.units.ResponsibleUnitsView;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of every signed-in page: a drawer with the navigation the user's roles allow (the same
 * {@code RequiresRole} rules as the access guard), and a header with the user, the city, the
 * language switch and logout. The drawer collapses behind a toggle on small screens.
 */
@Prototype
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  /** One entry of the navigation: the view, its label key and icon. */
  record NavEntry(Class<? extends Component> view, String labelKey, VaadinIcon icon) {}

  private static final int POLL_MILLIS = 60_000;
  private NotificationBell bell;

  public MainLayout(
      TenantDirectory tenants, TenantAccess access, NotificationService notifications) {
    setPrimarySection(Section.DRAWER);
    CurrentUser user = UiSession.user().orElse(null);
    DrawerToggle toggle = new DrawerToggle();
    toggle.setAriaLabel(getTranslation("nav.toggle"));
    Span title = new Span(getTranslation("app.name"));
    title.addClassNames(
        LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Whitespace.NOWRAP);
    HorizontalLayout header = new HorizontalLayout(toggle, title);
    header.setAlignItems(Alignment.CENTER);
    header.setWidthFull();
    header.addClassNames(LumoUtility.Padding.End.MEDIUM);
    Span spacer = new Span();
    header.add(spacer);
    header.setFlexGrow(1, spacer);
    if (user != null) {
      String city =
          user.tenant() == null
              ? null
              : tenants.find(user.tenant()).map(Tenant::name).orElse(user.tenant());
      Span who = new Span(city == null ? user.displayName() : user.displayName() + " · " + city);
      who.setId("current-user");
      // on a phone the drawer shows who is signed in; the header keeps only the actions
      who.addClassNames(
          LumoUtility.FontSize.SMALL,
          LumoUtility.TextColor.SECONDARY,
          LumoUtility.Display.HIDDEN,
          LumoUtility.Display.Breakpoint.Medium.FLEX);
      // on a phone the logout shows its icon only, so the header fits 375 px
      Span logoutText = new Span(getTranslation("nav.logout"));
      logoutText.addClassNames(
          LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Medium.INLINE);
      Button logout = new Button(VaadinIcon.SIGN_OUT.create());
      logout.getElement().appendChild(logoutText.getElement());
      logout.setAriaLabel(getTranslation("nav.logout"));
      logout.setTooltipText(getTranslation("nav.logout"));
      logout.setId("logout");
      logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      logout.addClickListener(
          click -> {
            UI ui = UI.getCurrent();
            UiSession.signOut();
            ui.getPage().setLocation("login");
          });
      if (user.tenant() != null) {
        bell = new NotificationBell(access, notifications, user);
        header.add(bell);
      }
      header.add(who, new LanguageSwitch(), logout);
    } else {
      header.add(new LanguageSwitch());
    }
    addToNavbar(header);

    Span brand = new Span(getTranslation("app.name"));
    brand.addClassNames(
        LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.BOLD, LumoUtility.Padding.MEDIUM);
    brand.getStyle().set("color", "var(--lumo-error-text-color)");
    SideNav nav = new SideNav();
    if (user != null) {
      for (NavEntry entry : entriesFor(user)) {
        nav.addItem(
            new SideNavItem(getTranslation(entry.labelKey()), entry.view(), entry.icon().create()));
      }
    }
    if (user != null) {
      Span drawerUser = new Span(user.displayName());
      drawerUser.addClassNames(
          LumoUtility.FontSize.SMALL,
          LumoUtility.TextColor.SECONDARY,
          LumoUtility.Padding.Horizontal.MEDIUM,
          LumoUtility.Display.FLEX,
          LumoUtility.Display.Breakpoint.Medium.HIDDEN);
      addToDrawer(brand, drawerUser, nav);
    } else {
      addToDrawer(brand, nav);
    }
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    if (bell != null) {
      // no push: the bell's count is re-read on navigation and every minute
      UI ui = attachEvent.getUI();
      ui.setPollInterval(POLL_MILLIS);
      Registration polling = ui.addPollListener(poll -> bell.refresh());
      addDetachListener(detach -> polling.remove());
    }
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    if (bell != null) {
      bell.refresh();
    }
  }

  /** What the user's roles may open, in menu order; nothing that does not exist yet. */
  static List<NavEntry> entriesFor(CurrentUser user) {
    List<NavEntry> all = new ArrayList<>();
    all.add(new NavEntry(DashboardView.class, "nav.dashboard", VaadinIcon.HOME));
    all.add(
        new NavEntry(
            TenantsView.class,
            user.has(Role.PLATFORM_ADMIN) ? "nav.tenants" : "nav.region-tenants",
            VaadinIcon.BUILDING));
    all.add(new NavEntry(SubmitNeedView.class, "nav.needs-submit", VaadinIcon.PLUS_CIRCLE));
    all.add(new NavEntry(MyNeedsView.class, "nav.needs-mine", VaadinIcon.LIST));
    all.add(new NavEntry(NeedBoardView.class, "nav.needs-board", VaadinIcon.TABLE));
    all.add(new NavEntry(MyTasksView.class, "nav.needs-tasks", VaadinIcon.TASKS));
    all.add(new NavEntry(NeedCategoriesView.class, "nav.need-categories", VaadinIcon.TAGS));
    all.add(new NavEntry(GarrisonUnitsView.class, "nav.garrison-units", VaadinIcon.SHIELD));
    all.add(new NavEntry(ResponsibleUnitsView.class, "nav.responsible-units", VaadinIcon.OFFICE));
    all.add(new NavEntry(AuditView.class, "nav.audit", VaadinIcon.CLIPBOARD_TEXT));
    return all.stream().filter(entry -> AccessRules.mayEnter(user, entry.view())).toList();
  }
}
