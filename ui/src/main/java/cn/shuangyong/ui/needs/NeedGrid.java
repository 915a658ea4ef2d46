package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.support.EmptyState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The needs grid of the office board and the handler's tasks: a lazy data provider over {@link
 * NeedService#list}, sorted server-side by the API's sort fields; overdue rows show their deadline
 * in red with a badge. A click opens the detail.
 */
class NeedGrid extends Grid<Need> {
  private final TenantAccess access;
  private Runnable emptyState = () -> {};

  NeedGrid(
      TenantAccess access,
      NeedService needs,
      CurrentUser user,
      Supplier<String> tenant,
      Supplier<NeedQuery> filters,
      boolean units) {
    this.access = access;
    setId("needs-grid");
    // widths that fit a 1366 px laptop beside the drawer (one line per cell, long names cut with
    // an ellipsis and shown whole in the tooltip); wider screens give the rest to title and units
    addColumn(Need::id)
        .setHeader(header("#"))
        .setSortProperty("id")
        .setWidth("4.5rem")
        .setFlexGrow(0);
    addColumn(Need::title)
        .setHeader(header(getTranslation("needs.title")))
        .setSortProperty("title")
        .setTooltipGenerator(Need::title)
        .setWidth("10rem")
        .setFlexGrow(4);
    addColumn(Need::category)
        .setHeader(header(getTranslation("needs.category")))
        .setTooltipGenerator(Need::category)
        .setWidth("6rem")
        .setFlexGrow(1);
    addColumn(need -> NeedLabels.of(this, "direction", need.direction()))
        .setHeader(header(getTranslation("needs.direction")))
        .setAutoWidth(true)
        .setFlexGrow(0);
    if (units) {
      addColumn(Need::garrisonUnitName)
          .setHeader(header(getTranslation("needs.garrison-unit")))
          .setTooltipGenerator(need -> orEmpty(need.garrisonUnitName()))
          .setWidth("7rem")
          .setFlexGrow(2);
      addColumn(Need::responsibleUnitName)
          .setHeader(header(getTranslation("needs.responsible-unit")))
          .setTooltipGenerator(need -> orEmpty(need.responsibleUnitName()))
          .setWidth("7rem")
          .setFlexGrow(2);
    }
    addComponentColumn(this::deadline)
        .setHeader(header(getTranslation("needs.deadline")))
        .setSortProperty("deadline")
        .setAutoWidth(true)
        .setFlexGrow(0);
    addComponentColumn(this::status)
        .setHeader(header(getTranslation("needs.status")))
        .setSortProperty("status")
        .setAutoWidth(true)
        .setFlexGrow(0);
    addColumn(need -> need.percent() + "%")
        .setHeader(header(getTranslation("needs.percent")))
        .setAutoWidth(true)
        .setFlexGrow(0);
    // the day is enough in the list; the minute is in the tooltip and on the detail page
    addColumn(need -> NeedLabels.date(NeedLabels.day(need.createdAt())))
        .setHeader(header(getTranslation("needs.created-at")))
        .setSortProperty("createdAt")
        .setTooltipGenerator(need -> NeedLabels.dateTime(need.createdAt()))
        .setAutoWidth(true)
        .setFlexGrow(0);
    // compact: half the cells' side padding, so that eleven columns fit a laptop
    addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    setMultiSort(false);
    setPartNameGenerator(need -> need.overdue() ? "overdue" : null);
    setItems(
        query -> {
          QuerySortOrder order = query.getSortOrders().stream().findFirst().orElse(null);
          return needs
              .list(
                  access.enter(tenant.get()),
                  filters.get(),
                  query.getOffset(),
                  query.getLimit(),
                  order == null ? null : order.getSorted(),
                  order != null && order.getDirection() == SortDirection.ASCENDING)
              .items()
              .stream();
        },
        query ->
            (int) needs.list(access.enter(tenant.get()), filters.get(), 0, 1, null, false).total());
    addItemClickListener(click -> NeedDetailView.open(click.getItem().id(), tenant.get()));
  }

  /**
   * A header that may wrap between words (Responsible / unit) but never inside one, with the whole
   * text as its tooltip.
   */
  private static Span header(String text) {
    Span header = new Span(text);
    header.getElement().setAttribute("title", text);
    header
        .getStyle()
        .set("white-space", "normal")
        .set("word-break", "keep-all")
        .set("overflow-wrap", "normal");
    return header;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** Re-reads the rows with the current filters. */
  void refresh() {
    emptyState.run();
    getDataProvider().refreshAll();
  }

  /**
   * What the grid says without rows: {@code noMatch} while {@code filtered}, else {@code
   * nothingYet}; chosen again on every {@link #refresh()}.
   */
  void emptyStates(BooleanSupplier filtered, EmptyState nothingYet, EmptyState noMatch) {
    emptyState = EmptyState.on(this, filtered, nothingYet, noMatch);
  }

  /** Whether the grid has a tenant to read (a supervisor chooses one first). */
  static boolean ready(Supplier<String> tenant) {
    return tenant.get() != null;
  }

  private Component deadline(Need need) {
    Span date = new Span(NeedLabels.date(need.deadline()));
    if (need.overdue()) {
      date.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
    }
    return date;
  }

  private Component status(Need need) {
    HorizontalLayout cell = new HorizontalLayout(NeedLabels.statusBadge(this, need.status()));
    Span overdue = NeedLabels.overdueBadge(this, need);
    if (overdue != null) {
      cell.add(overdue);
    }
    cell.setSpacing(false);
    cell.addClassNames(LumoUtility.Gap.XSMALL);
    return cell;
  }
}
