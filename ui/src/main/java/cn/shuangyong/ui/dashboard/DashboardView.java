package cn.shuangyong.ui.dashboard;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.Labels;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;

/** 首页: a first dashboard per role, figures from {@link DashboardService}. */
@Prototype
@Route(value = "", layout = MainLayout.class)
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

  public DashboardView(DashboardService dashboard) {
    CurrentUser user = UiSession.requireUser();
    setId("dashboard");
    add(new H2(getTranslation("dashboard.welcome", user.displayName())));
    if (user.has(Role.PLATFORM_ADMIN)) {
      DashboardService.PlatformFigures figures = dashboard.platform(user);
      add(
          cards(
              card("dashboard.tenants", figures.tenants()),
              card("dashboard.regions", figures.regions()),
              card("dashboard.users", figures.users())));
    } else if (user.has(Role.SUPERVISOR)) {
      add(new Paragraph(getTranslation("dashboard.supervised")));
      Grid<DashboardService.SupervisedTenant> grid = new Grid<>();
      grid.addColumn(row -> row.tenant().name()).setHeader(getTranslation("tenant.name"));
      grid.addColumn(row -> Labels.level(this, row.tenant().level()))
          .setHeader(getTranslation("tenant.level"));
      grid.addColumn(row -> Labels.status(this, row.tenant().status()))
          .setHeader(getTranslation("tenant.status"));
      grid.addColumn(
              row ->
                  row.nationalTitles() == null
                      ? "—"
                      : getTranslation("dashboard.national-titles.value", row.nationalTitles()))
          .setHeader(getTranslation("dashboard.national-titles"));
      grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
      grid.setItems(dashboard.supervised(user));
      grid.setAllRowsVisible(true);
      add(grid);
    } else if (user.tenant() != null) {
      DashboardService.CityFigures figures = dashboard.city(user);
      H2 city = new H2(figures.tenantName());
      city.setId("city-name");
      add(city);
      if (user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF)) {
        add(
            cards(
                card("dashboard.garrison-units", figures.garrisonUnits()),
                card("dashboard.responsible-units", figures.responsibleUnits()),
                card("dashboard.city-users", figures.users())));
      }
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.dashboard") + " · " + getTranslation("app.name");
  }

  private Component cards(Component... cards) {
    FlexLayout row = new FlexLayout(cards);
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.addClassNames(LumoUtility.Gap.MEDIUM);
    return row;
  }

  private Component card(String labelKey, long value) {
    Span number = new Span(String.valueOf(value));
    number.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.BOLD);
    Span label = new Span(getTranslation(labelKey));
    label.addClassNames(LumoUtility.TextColor.SECONDARY);
    Div card = new Div(number, label);
    card.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.Padding.LARGE,
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.BorderRadius.LARGE);
    card.setMinWidth("10em");
    return card;
  }
}
