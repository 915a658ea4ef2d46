package cn.shuangyong.ui.layout;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.SubjectViews;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
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
import io.micronaut.context.annotation.Value;
import java.time.Duration;

/**
 * The frame of every signed-in page: a drawer with the navigation the user's roles allow (the
 * views' own {@code @Menu}, see {@link DrawerMenu}), and a header with the user, the city, the
 * language switch and logout. The drawer collapses behind a toggle on small screens. The view is
 * shown inside a {@code <main>}: the page's main landmark and its scrolling region (focusable, so
 * the keyboard can scroll it), at the content's full size; the view brings its own {@code h1}
 * ({@code ViewTitle}).
 */
@Prototype
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  private final int pollMillis;
  private final Main main = new Main();
  private NotificationBell bell;

  public MainLayout(
      TenantDirectory tenants,
      TenantAccess access,
      NotificationService notifications,
      SubjectViews subjects,
      @Value("${shuangyong.ui.poll-interval:60s}") Duration pollInterval) {
    this.pollMillis = (int) pollInterval.toMillis();
    setPrimarySection(Section.DRAWER);
    main.setId("main-content");
    // the main landmark is the scrolling region: focusable, so a keyboard scrolls a page that has
    // nothing else to focus (a dashboard of figures)
    main.getStyle().set("display", "block").set("height", "100%").set("overflow", "auto");
    main.getElement().setAttribute("tabindex", "0");
    setContent(main);
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
      header.add(who, new LanguageSwitch(), logout);
      if (user.tenant() != null) {
        // last in the header: its list opens leftwards from the screen's edge, so on a phone it
        // has the whole width and stays on screen (from the middle it ran off to the right)
        bell = new NotificationBell(access, notifications, subjects, user);
        header.add(bell);
      }
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
      for (DrawerMenu.Item item : DrawerMenu.forUser(user)) {
        nav.addItem(new SideNavItem(getTranslation(item.titleKey()), item.view(), icon(item)));
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
  public void showRouterLayoutContent(HasElement content) {
    main.getElement().removeAllChildren();
    if (content != null) {
      main.getElement().appendChild(content.getElement());
    }
  }

  @Override
  public void removeRouterLayoutContent(HasElement oldContent) {
    main.getElement().removeAllChildren();
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    if (bell != null) {
      // no push: the bell's count is re-read on navigation and every minute
      UI ui = attachEvent.getUI();
      ui.setPollInterval(pollMillis);
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

  /** {@code @Menu(icon = "vaadin:home")}: collection and name of a Vaadin icon. */
  private static Icon icon(DrawerMenu.Item item) {
    String[] collectionAndName = item.icon().split(":", 2);
    return new Icon(collectionAndName[0], collectionAndName[1]);
  }
}
