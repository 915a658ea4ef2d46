package cn.shuangyong.ui.fund;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.tenants.fund.api.Fund;
import cn.shuangyong.tenants.fund.api.FundPermissions;
import cn.shuangyong.tenants.fund.api.FundService;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.api.Grant;
import cn.shuangyong.tenants.fund.api.GrantCaps;
import cn.shuangyong.tenants.fund.api.GrantExport;
import cn.shuangyong.tenants.fund.api.GrantPage;
import cn.shuangyong.tenants.fund.api.GrantQuery;
import cn.shuangyong.tenants.fund.api.GrantService;
import cn.shuangyong.tenants.fund.api.Inflow;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * 帮扶基金: the fund's standing in three cards (inflows, paid, balance) with the inflow form, and every
 * application with its status badge (先行支付 · 待补材料 for a grant paid first), filtered by status, year,
 * applicant type and text, or only what waits for the user's own step; sorted, paged, exported to
 * Excel with the ID numbers masked. A row opens the grant's page, where the steps are taken. The
 * staff records applications; the office records inflows.
 */
@Prototype
@Route(value = "fund", layout = MainLayout.class)
@Menu(title = "nav.fund", order = 48, icon = "vaadin:handshake")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF})
public class FundView extends VerticalLayout implements HasDynamicTitle {
  private static final String ALL = "";
  private static final String MINE = "mine";

  private final FundService fund;
  private final GrantService grants;
  private final GrantExport export;
  private final TenantAccess access;
  private final CurrentUser user;
  private final Span inflows = card("fund-inflows");
  private final Span paid = card("fund-paid");
  private final Span balance = card("fund-balance");
  private final Span caps = new Span();
  private final Select<String> scope = new Select<>();
  private final Select<String> status = new Select<>();
  private final Select<Integer> year = new Select<>();
  private final Select<String> type = new Select<>();
  private final TextField search = new TextField();
  private final Checkbox paidFirst = new Checkbox();
  private final Grid<Grant> grid = new Grid<>();
  private final Runnable updateEmptyState;

  public FundView(TenantAccess access, FundService fund, GrantService grants, GrantExport export) {
    this.access = access;
    this.fund = fund;
    this.grants = grants;
    this.export = export;
    this.user = UiSession.requireUser();
    setId("fund");
    setWidthFull();
    H1 title = ViewTitle.of(getTranslation("nav.fund"));
    HorizontalLayout head = new HorizontalLayout(title);
    head.setAlignItems(Alignment.BASELINE);
    head.setWidthFull();
    if (FundPermissions.mayDo(user, Action.RECORD_INFLOW)) {
      Button inflow =
          new Button(
              getTranslation("fundview.inflow.record"),
              VaadinIcon.PLUS_CIRCLE.create(),
              c -> openInflow());
      inflow.setId("inflow-new");
      head.add(inflow);
    }
    if (FundPermissions.mayDo(user, Action.SUBMIT)) {
      Button apply =
          new Button(getTranslation("fundview.apply"), VaadinIcon.PLUS.create(), c -> openApply());
      apply.setId("grant-new");
      apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      head.add(apply);
    }
    caps.setId("fund-caps");
    caps.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    HorizontalLayout capsLine = new HorizontalLayout(caps);
    capsLine.setAlignItems(Alignment.BASELINE);
    if (FundPermissions.mayDo(user, Action.SET_CAPS)) {
      Button edit =
          new Button(
              getTranslation("fundview.caps.edit"), VaadinIcon.EDIT.create(), c -> openCaps());
      edit.setId("caps-edit");
      edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      capsLine.add(edit);
    }
    add(head, cards(), capsLine, grantsSection());
    EmptyState nothingYet = EmptyState.nothingYet(getTranslation("fundview.grants.empty"));
    if (FundPermissions.mayDo(user, Action.SUBMIT)) {
      nothingYet.withAction(getTranslation("fundview.apply"), VaadinIcon.PLUS, this::openApply);
    }
    updateEmptyState =
        EmptyState.on(
            grid,
            this::filtered,
            nothingYet,
            EmptyState.noMatch(
                getTranslation("fundview.grants.no-match"),
                getTranslation("empty.clear-filters"),
                this::clearFilters));
    grid.setItems(
        query -> {
          QuerySortOrder order = query.getSortOrders().stream().findFirst().orElse(null);
          return page(
              query.getOffset(),
              query.getLimit(),
              order == null ? null : order.getSorted(),
              order != null && order.getDirection() == SortDirection.ASCENDING)
              .items()
              .stream();
        },
        query -> (int) page(0, 1, null, false).total());
    showFund();
  }

  private static Span card(String id) {
    Span value = new Span();
    value.setId(id);
    value.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
    return value;
  }

  private Component cards() {
    FlexLayout cards = new FlexLayout();
    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.addClassNames(LumoUtility.Gap.MEDIUM);
    cards.add(
        box("fundview.card.inflows", inflows),
        box("fundview.card.paid", paid),
        box("fundview.card.balance", balance));
    return cards;
  }

  private Div box(String label, Span value) {
    Span name = new Span(getTranslation(label));
    name.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    Div box = new Div(name, value);
    box.addClassNames(
        "fund-card",
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Background.CONTRAST_5);
    box.setMinWidth("14em");
    return box;
  }

  private Component grantsSection() {
    H2 heading = new H2(getTranslation("fundview.grants"));
    heading.addClassNames(LumoUtility.FontSize.LARGE);
    scope.setId("grant-scope");
    scope.setLabel(getTranslation("fundview.filter.scope"));
    scope.setItems(ALL, MINE);
    scope.setValue(ALL);
    scope.setItemLabelGenerator(v -> getTranslation("fundview.scope." + (v.isEmpty() ? "all" : v)));
    status.setId("grant-status-filter");
    status.setLabel(getTranslation("grants.status"));
    List<String> statuses = new ArrayList<>(List.of(ALL));
    for (Status s : Status.values()) {
      statuses.add(s.name());
    }
    status.setItems(statuses);
    status.setValue(ALL);
    status.setItemLabelGenerator(
        v ->
            v.isEmpty()
                ? getTranslation("fundview.all")
                : FundLabels.status(this, Status.valueOf(v)));
    int thisYear = grants.today().getYear();
    year.setId("grant-year");
    year.setLabel(getTranslation("grants.year"));
    List<Integer> years = new ArrayList<>(List.of(0));
    IntStream.rangeClosed(0, 5).forEach(i -> years.add(thisYear - i));
    year.setItems(years);
    year.setValue(0);
    year.setItemLabelGenerator(y -> y == 0 ? getTranslation("fundview.all") : String.valueOf(y));
    type.setId("grant-type-filter");
    type.setLabel(getTranslation("grants.applicant-type"));
    List<String> types = new ArrayList<>(List.of(ALL));
    for (ApplicantType t : ApplicantType.values()) {
      types.add(t.name());
    }
    type.setItems(types);
    type.setValue(ALL);
    type.setItemLabelGenerator(
        v ->
            v.isEmpty()
                ? getTranslation("fundview.all")
                : FundLabels.type(this, ApplicantType.valueOf(v)));
    search.setId("grant-search");
    search.setLabel(getTranslation("fundview.filter.search"));
    search.setPlaceholder(getTranslation("fundview.filter.search-hint"));
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    paidFirst.setId("grant-paid-first-filter");
    paidFirst.setLabel(getTranslation("grants.paid-first"));
    List.of(scope, status, year, type).forEach(f -> f.addValueChangeListener(e -> refreshGrants()));
    search.addValueChangeListener(e -> refreshGrants());
    paidFirst.addValueChangeListener(e -> refreshGrants());
    FlexLayout bar = new FlexLayout(scope, status, year, type, search, paidFirst, exportLink());
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.setAlignItems(Alignment.BASELINE);
    bar.addClassNames(LumoUtility.Gap.SMALL);
    columns();
    VerticalLayout section = new VerticalLayout(heading, bar, grid);
    section.setPadding(false);
    section.setWidthFull();
    return section;
  }

  private Anchor exportLink() {
    Locale language = getLocale();
    Anchor download =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  byte[] bytes = export.workbook(access.own(), query(), language);
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "grants-" + user.tenant() + ".xlsx",
                      ExcelWriter.XLSX,
                      bytes.length);
                }),
            "");
    download.setId("grant-export");
    download.getElement().setAttribute("download", true);
    download.add(new Button(getTranslation("fundview.export"), VaadinIcon.DOWNLOAD.create()));
    return download;
  }

  private void columns() {
    grid.setId("grant-grid");
    grid.setPageSize(50);
    grid.addColumn(g -> "#" + g.id())
        .setHeader(getTranslation("grants.id"))
        .setSortProperty("id")
        .setWidth("6em")
        .setFlexGrow(0);
    grid.addColumn(Grant::applicantName)
        .setHeader(getTranslation("grants.applicant"))
        .setSortProperty("applicantName");
    grid.addColumn(g -> FundLabels.type(this, g.applicantType()))
        .setHeader(getTranslation("grants.applicant-type"));
    grid.addColumn(Grant::idNumber)
        .setHeader(getTranslation("grants.id-number"))
        .setAutoWidth(true);
    grid.addColumn(g -> FundLabels.money(g.requestedAmount()))
        .setHeader(getTranslation("grants.requested"))
        .setSortProperty("requestedAmount")
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(
            g -> FundLabels.money(g.paidAmount() != null ? g.paidAmount() : g.approvedAmount()))
        .setHeader(getTranslation("fundview.amount"))
        .setSortProperty("approvedAmount")
        .setTextAlign(ColumnTextAlign.END);
    grid.addComponentColumn(g -> FundLabels.badges(this, g))
        .setHeader(getTranslation("grants.status"))
        .setSortProperty("status")
        .setAutoWidth(true);
    grid.addColumn(
            g ->
                g.createdAt()
                    .atZone(cn.shuangyong.platform.time.ChinaTime.ZONE)
                    .toLocalDate()
                    .toString())
        .setHeader(getTranslation("fundview.submitted-on"))
        .setSortProperty("createdAt");
    grid.getColumns().forEach(column -> column.setAutoWidth(true));
    grid.addItemClickListener(click -> GrantDetailView.open(click.getItem().id()));
    grid.setHeight("32em");
    grid.setWidthFull();
  }

  private GrantPage page(int offset, int limit, String sortBy, boolean ascending) {
    if (MINE.equals(scope.getValue())) {
      return grants.inbox(access.own(), offset, limit);
    }
    return grants.list(access.own(), query(), offset, limit, sortBy, ascending);
  }

  private GrantQuery query() {
    return new GrantQuery(
        status.getValue().isEmpty() ? null : Status.valueOf(status.getValue()),
        year.getValue() == 0 ? null : year.getValue(),
        type.getValue().isEmpty() ? null : ApplicantType.valueOf(type.getValue()),
        search.getValue().isBlank() ? null : search.getValue(),
        paidFirst.getValue() ? Boolean.TRUE : null);
  }

  private boolean filtered() {
    return !scope.getValue().isEmpty()
        || !status.getValue().isEmpty()
        || year.getValue() != 0
        || !type.getValue().isEmpty()
        || !search.getValue().isBlank()
        || paidFirst.getValue();
  }

  private void clearFilters() {
    scope.setValue(ALL);
    status.setValue(ALL);
    year.setValue(0);
    type.setValue(ALL);
    search.clear();
    paidFirst.setValue(false);
    refreshGrants();
  }

  private void refreshGrants() {
    updateEmptyState.run();
    grid.getDataProvider().refreshAll();
  }

  private void showFund() {
    Fund standing = fund.fund(access.own());
    inflows.setText(FundLabels.money(standing.inflows()));
    paid.setText(FundLabels.money(standing.paid()));
    balance.setText(FundLabels.money(standing.balance()));
    caps.setText(
        getTranslation(
            "fundview.caps",
            FundLabels.money(standing.caps().minAmount()),
            FundLabels.money(standing.caps().maxAmount()),
            FundLabels.money(standing.caps().specialMaxAmount()),
            FundLabels.money(standing.fiscal()),
            FundLabels.money(standing.donated())));
  }

  private void openInflow() {
    new InflowDialog(
            fund.today(),
            (command, fields) -> {
              Inflow kept =
                  Problems.attempt(this, fields, () -> fund.recordInflow(access.own(), command));
              if (kept != null) {
                Notices.success(
                    getTranslation("fundview.inflow.done", FundLabels.money(kept.amount())));
                showFund();
              }
              return kept;
            })
        .open();
  }

  private void openCaps() {
    new CapsDialog(
            fund.caps(access.own()),
            (command, fields) -> {
              GrantCaps kept =
                  Problems.attempt(this, fields, () -> fund.setCaps(access.own(), command));
              if (kept != null) {
                Notices.success(getTranslation("fundview.caps.done"));
                showFund();
              }
              return kept;
            })
        .open();
  }

  private void openApply() {
    new GrantFormDialog(
            (command, fields) -> {
              Grant created =
                  Problems.attempt(this, fields, () -> grants.submit(access.own(), command));
              if (created != null) {
                Notices.success(
                    getTranslation("fundview.apply.done", String.valueOf(created.id())));
                refreshGrants();
              }
              return created;
            })
        .open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.fund") + " · " + getTranslation("app.name");
  }
}
