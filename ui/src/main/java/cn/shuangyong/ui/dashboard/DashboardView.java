package cn.shuangyong.ui.dashboard;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedIndicators;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Labels;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Locale;

/** 首页: a first dashboard per role, figures from {@link DashboardService}. */
@Prototype
@Route(value = "", layout = MainLayout.class)
@Menu(title = "nav.dashboard", order = 0, icon = "vaadin:home")
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

  public DashboardView(DashboardService dashboard, Clock clock) {
    CurrentUser user = UiSession.requireUser();
    setId("dashboard");
    add(ViewTitle.of(getTranslation("dashboard.welcome", user.displayName())));
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
      EmptyState.on(grid, EmptyState.nothingYet(getTranslation("dashboard.supervised.empty")));
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
        add(needs(dashboard.needs(user, Year.now(clock).getValue())));
      } else if (user.has(Role.GARRISON_LIAISON)) {
        add(own(dashboard.own(user, List.of(Status.values())), "needs/mine", false));
      } else if (user.has(Role.UNIT_HANDLER)) {
        List<Status> worked =
            List.of(Status.ACCEPTED, Status.IN_PROGRESS, Status.COMPLETED, Status.CLOSED);
        add(own(dashboard.own(user, worked), "needs/tasks", true));
      }
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.dashboard") + " · " + getTranslation("app.name");
  }

  /**
   * A liaison's needs or a handler's tasks by status (and the handler's overdue ones): each count
   * opens the list filtered by it.
   */
  private Component own(DashboardService.OwnCounts counts, String list, boolean overdue) {
    H3 heading = new H3(getTranslation(overdue ? "dashboard.own.tasks" : "dashboard.own.needs"));
    FlexLayout row = new FlexLayout();
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.addClassNames(LumoUtility.Gap.MEDIUM);
    counts
        .byStatus()
        .forEach(
            (status, count) ->
                row.add(
                    link(
                        "own-count-" + status.name().toLowerCase(Locale.ROOT),
                        getTranslation("needs.status." + status.name()),
                        count,
                        list + "?status=" + status.name())));
    if (overdue) {
      row.add(
          link(
              "own-count-overdue",
              getTranslation("needs.overdue"),
              counts.overdue(),
              list + "?overdue=true"));
    }
    VerticalLayout section = new VerticalLayout(heading, row);
    section.setId("dashboard-own");
    section.setPadding(false);
    return section;
  }

  private Component link(String id, String label, long count, String target) {
    Span number = new Span(String.valueOf(count));
    number.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.BOLD);
    Span text = new Span(label);
    text.addClassNames(LumoUtility.TextColor.SECONDARY);
    Anchor card = new Anchor(target);
    card.add(number, text);
    card.setId(id);
    card.getElement().setAttribute("aria-label", label + " " + count);
    card.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.Padding.LARGE,
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.BorderRadius.LARGE,
        LumoUtility.TextColor.BODY);
    card.setMinWidth("8em");
    return card;
  }

  /** 双清单 figures of the year: rate cards and a bar per status. */
  private Component needs(NeedIndicators.Figures figures) {
    H3 heading = new H3(getTranslation("dashboard.needs.title", String.valueOf(figures.year())));
    Component rates =
        cards(
            figure("dashboard.needs.total", String.valueOf(figures.total())),
            figure("dashboard.needs.completion-rate", percent(figures.completionRate())),
            figure("dashboard.needs.on-time-rate", percent(figures.onTimeRate())),
            figure("dashboard.needs.overdue", String.valueOf(figures.overdueCount())),
            figure("dashboard.needs.satisfaction-rate", percent(figures.satisfactionRate())),
            figure(
                "dashboard.needs.median-days",
                figures.medianDaysToClose() == null
                    ? "—"
                    : figures.medianDaysToClose().stripTrailingZeros().toPlainString()));
    VerticalLayout bars = new VerticalLayout();
    bars.setPadding(false);
    bars.setSpacing(false);
    bars.setMaxWidth("40em");
    long max = figures.byStatus().values().stream().mapToLong(Long::longValue).max().orElse(0);
    figures
        .byStatus()
        .forEach(
            (status, count) -> {
              Span label = new Span(getTranslation("needs.status." + status));
              label.setWidth("6em");
              Div bar = new Div();
              bar.getStyle()
                  .set("height", "0.9em")
                  .set("width", (max == 0 ? 0 : Math.max(1, count * 100 / max)) + "%")
                  .set("background", "var(--lumo-primary-color)")
                  .set("border-radius", "var(--lumo-border-radius-s)");
              Div track = new Div(bar);
              track.getStyle().set("flex", "1");
              Span value = new Span(String.valueOf(count));
              value.setWidth("3em");
              HorizontalLayout row = new HorizontalLayout(label, track, value);
              row.setWidthFull();
              row.setAlignItems(Alignment.CENTER);
              bars.add(row);
            });
    VerticalLayout section = new VerticalLayout(heading, rates, bars);
    section.setId("dashboard-needs");
    section.setPadding(false);
    return section;
  }

  private static String percent(BigDecimal rate) {
    return rate == null
        ? "—"
        : rate.movePointRight(2)
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString()
            + "%";
  }

  private Component cards(Component... cards) {
    FlexLayout row = new FlexLayout(cards);
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.addClassNames(LumoUtility.Gap.MEDIUM);
    return row;
  }

  private Component card(String labelKey, long value) {
    return figure(labelKey, String.valueOf(value));
  }

  private Component figure(String labelKey, String value) {
    Span number = new Span(value);
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
