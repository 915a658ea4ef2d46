package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.ui.security.TenantAccess;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.Supplier;

/**
 * The needs grid of the office board and the handler's tasks: a lazy data provider over {@link
 * NeedService#list}, sorted server-side by the API's sort fields; overdue rows show their deadline
 * in red with a badge. A click opens the detail.
 */
class NeedGrid extends Grid<Need> {
  private final TenantAccess access;

  NeedGrid(
      TenantAccess access,
      NeedService needs,
      CurrentUser user,
      Supplier<String> tenant,
      Supplier<NeedQuery> filters,
      boolean units) {
    this.access = access;
    setId("needs-grid");
    addColumn(Need::id).setHeader("#").setSortProperty("id").setWidth("5.5rem").setFlexGrow(0);
    Column<Need> title =
        addColumn(Need::title)
            .setHeader(getTranslation("needs.title"))
            .setSortProperty("title")
            .setWidth("14rem")
            .setFlexGrow(3);
    title.setTooltipGenerator(Need::title);
    addColumn(Need::category).setHeader(getTranslation("needs.category")).setAutoWidth(true);
    addColumn(need -> NeedLabels.of(this, "direction", need.direction()))
        .setHeader(getTranslation("needs.direction"))
        .setAutoWidth(true);
    if (units) {
      addColumn(Need::garrisonUnitName).setHeader(getTranslation("needs.garrison-unit"));
      addColumn(Need::responsibleUnitName).setHeader(getTranslation("needs.responsible-unit"));
    }
    addComponentColumn(this::deadline)
        .setHeader(getTranslation("needs.deadline"))
        .setSortProperty("deadline")
        .setAutoWidth(true);
    addComponentColumn(this::status)
        .setHeader(getTranslation("needs.status"))
        .setSortProperty("status")
        .setAutoWidth(true);
    addColumn(need -> need.percent() + "%")
        .setHeader(getTranslation("needs.percent"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    addColumn(need -> NeedLabels.dateTime(need.createdAt()))
        .setHeader(getTranslation("needs.created-at"))
        .setSortProperty("createdAt")
        .setAutoWidth(true);
    addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
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

  /** Re-reads the rows with the current filters. */
  void refresh() {
    getDataProvider().refreshAll();
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
