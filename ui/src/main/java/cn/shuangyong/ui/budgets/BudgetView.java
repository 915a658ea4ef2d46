package cn.shuangyong.ui.budgets;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.tenants.budgets.api.Budget;
import cn.shuangyong.tenants.budgets.api.BudgetCategory;
import cn.shuangyong.tenants.budgets.api.BudgetChart;
import cn.shuangyong.tenants.budgets.api.BudgetPermissions;
import cn.shuangyong.tenants.budgets.api.BudgetPermissions.Action;
import cn.shuangyong.tenants.budgets.api.BudgetService;
import cn.shuangyong.tenants.budgets.api.Expenditure;
import cn.shuangyong.tenants.budgets.api.ExpenditureExport;
import cn.shuangyong.tenants.budgets.api.ExpenditureImport;
import cn.shuangyong.tenants.budgets.api.ExpenditureQuery;
import cn.shuangyong.tenants.budgets.api.ExpenditureVouchers;
import cn.shuangyong.tenants.budgets.api.MonthActual;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

/**
 * 双拥工作经费: the year's budget lines with budgeted, spent, remaining, evidenced and growth, the
 * budget-against-actual chart (drawn on the server as SVG) beside them, and the ledger of
 * expenditures with filters, paging, the Excel export, vouchers and the "evidenced" marker. The
 * city admin sets the budget; the office records expenditures and keeps their vouchers. A
 * supervisor chooses one of the cities of its region and reads (vouchers included).
 */
@Prototype
@Route(value = "budgets", layout = MainLayout.class)
@Menu(title = "nav.budgets", order = 47, icon = "vaadin:money")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR})
public class BudgetView extends VerticalLayout implements HasDynamicTitle {
  private final BudgetService budgets;
  private final ExpenditureVouchers vouchers;
  private final ExpenditureExport export;
  private final ExpenditureImport importer;
  private final ExecutorService executor;
  private final BudgetChart chart;
  private final TenantAccess access;
  private final CurrentUser user;
  private final Select<Tenant> city = new Select<>();
  private final Select<Integer> year = new Select<>();
  private final Grid<Budget.Line> lines = new Grid<>();
  private final Span summary = new Span();
  private final Div chartBox = new Div();
  private final Grid<Expenditure> ledger = new Grid<>();
  private final ComboBox<String> category = new ComboBox<>();
  private final Select<String> evidenced = new Select<>();
  private final Runnable updateEmptyState;

  public BudgetView(
      TenantAccess access,
      BudgetService budgets,
      ExpenditureVouchers vouchers,
      ExpenditureExport export,
      ExpenditureImport importer,
      BudgetChart chart,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor,
      TenantDirectory tenants) {
    this.importer = importer;
    this.executor = executor;
    this.access = access;
    this.budgets = budgets;
    this.vouchers = vouchers;
    this.export = export;
    this.chart = chart;
    this.user = UiSession.requireUser();
    setId("budgets");
    setWidthFull();
    H1 title = ViewTitle.of(getTranslation("nav.budgets"));
    int thisYear = budgets.today().getYear();
    year.setId("budget-year");
    year.setLabel(getTranslation("budgets.year"));
    year.setItems(IntStream.rangeClosed(0, 6).mapToObj(i -> thisYear + 1 - i).toList());
    year.setValue(thisYear);
    year.addValueChangeListener(e -> refresh());
    HorizontalLayout head = new HorizontalLayout(title, year);
    head.setAlignItems(Alignment.BASELINE);
    head.setWidthFull();
    if (user.tenant() == null) {
      // a supervisor reads the budgets of the cities of its region, one at a time
      List<Tenant> visible = tenants.visibleTo(user);
      if (visible.isEmpty()) {
        add(head, EmptyState.nothingYet(getTranslation("budgets.no-city")));
        updateEmptyState = () -> {};
        return;
      }
      city.setId("budget-city");
      city.setLabel(getTranslation("budgets.city"));
      city.setItemLabelGenerator(Tenant::name);
      city.setItems(visible);
      city.setValue(visible.get(0));
      city.addValueChangeListener(e -> cityChanged());
      head.addComponentAtIndex(1, city);
    }
    if (BudgetPermissions.mayDo(user, Action.SET_BUDGET)) {
      Button set =
          new Button(getTranslation("budgets.set"), VaadinIcon.EDIT.create(), c -> openBudget());
      set.setId("budget-set");
      head.add(set);
    }
    if (BudgetPermissions.mayDo(user, Action.RECORD_EXPENDITURE)) {
      Button spend =
          new Button(
              getTranslation("budgets.record"), VaadinIcon.PLUS.create(), c -> openExpenditure());
      spend.setId("expenditure-new");
      spend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      head.add(spend);
    }
    summary.setId("budget-summary");
    add(head, summary, budgetSection(), ledgerSection());
    EmptyState nothingYet = EmptyState.nothingYet(getTranslation("budgets.ledger.empty"));
    updateEmptyState =
        EmptyState.on(
            ledger,
            this::filtered,
            nothingYet,
            EmptyState.noMatch(
                getTranslation("budgets.ledger.no-match"),
                getTranslation("empty.clear-filters"),
                this::clearFilters));
    ledger.setItems(
        query -> {
          QuerySortOrder order = query.getSortOrders().stream().findFirst().orElse(null);
          return budgets
              .list(
                  here(),
                  query(),
                  query.getOffset(),
                  query.getLimit(),
                  order == null ? null : order.getSorted(),
                  order != null && order.getDirection() == SortDirection.ASCENDING)
              .items()
              .stream();
        },
        query -> (int) budgets.list(here(), query(), 0, 1, null, false).total());
    showBudget();
  }

  private Component budgetSection() {
    lines.setId("budget-lines");
    lines.addThemeVariants(GridVariant.LUMO_COMPACT);
    lines.addColumn(Budget.Line::category).setHeader(getTranslation("expenditures.category"));
    lines
        .addColumn(l -> BudgetLabels.money(l.budgeted()))
        .setHeader(getTranslation("budgets.budgeted"))
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    lines
        .addColumn(l -> BudgetLabels.money(l.spent()))
        .setHeader(getTranslation("budgets.spent"))
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    lines
        .addColumn(l -> BudgetLabels.money(l.remaining()))
        .setHeader(getTranslation("budgets.remaining"))
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    lines
        .addColumn(l -> BudgetLabels.money(l.evidenced()))
        .setHeader(getTranslation("budgets.evidenced"))
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    lines
        .addColumn(l -> BudgetLabels.percent(l.growthOverPreviousYear()))
        .setHeader(getTranslation("budgets.growth"))
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    lines.getColumns().forEach(column -> column.setAutoWidth(true));
    lines.setAllRowsVisible(true);
    EmptyState.on(lines, EmptyState.nothingYet(getTranslation("budgets.lines.empty")));
    Div table = new Div(lines);
    table.addClassNames("budget-table");
    table.getStyle().set("flex", "1 1 36em").set("min-width", "0");
    chartBox.setId("budget-chart");
    chartBox.getStyle().set("flex", "1 1 28em").set("min-width", "0").set("max-width", "880px");
    FlexLayout both = new FlexLayout(table, chartBox);
    both.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    both.addClassNames(LumoUtility.Gap.MEDIUM);
    both.setWidthFull();
    return both;
  }

  private Component ledgerSection() {
    H2 heading = new H2(getTranslation("budgets.ledger"));
    heading.addClassNames(LumoUtility.FontSize.LARGE);
    category.setId("ledger-category");
    category.setPlaceholder(getTranslation("expenditures.category"));
    category.setItems(budgets.categories(here()).stream().map(BudgetCategory::name).toList());
    category.setClearButtonVisible(true);
    category.addValueChangeListener(e -> refreshLedger());
    evidenced.setId("ledger-evidenced");
    evidenced.setItems("", "yes", "no");
    evidenced.setValue("");
    evidenced.setItemLabelGenerator(
        v ->
            v.isEmpty()
                ? getTranslation("budgets.evidenced.all")
                : getTranslation("expenditures.evidenced." + v));
    evidenced.addValueChangeListener(e -> refreshLedger());
    Locale language = getLocale();
    Anchor download =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  int chosen = year.getValue();
                  byte[] bytes = export.workbook(here(), query(), chosen, language);
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "expenditures-" + user.tenant() + "-" + chosen + ".xlsx",
                      ExcelWriter.XLSX,
                      bytes.length);
                }),
            "");
    download.setId("ledger-export");
    download.getElement().setAttribute("download", true);
    download.add(new Button(getTranslation("budgets.export"), VaadinIcon.DOWNLOAD.create()));
    FlexLayout bar = new FlexLayout(category, evidenced, download);
    if (BudgetPermissions.mayDo(user, Action.RECORD_EXPENDITURE)) {
      bar.add(
          LedgerImport.template(this, () -> importer.template(here(), language)),
          LedgerImport.upload(this, importer, this::here, this::refresh, executor));
    }
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.setAlignItems(Alignment.CENTER);
    bar.addClassNames(LumoUtility.Gap.SMALL);
    ledger.setId("ledger-grid");
    ledger.setPageSize(50);
    ledger
        .addColumn(e -> e.date().toString())
        .setHeader(getTranslation("expenditures.date"))
        .setSortProperty("date")
        .setWidth("8em")
        .setFlexGrow(0);
    ledger
        .addColumn(Expenditure::category)
        .setHeader(getTranslation("expenditures.category"))
        .setSortProperty("category");
    ledger
        .addColumn(e -> BudgetLabels.money(e.amount()))
        .setHeader(getTranslation("expenditures.amount"))
        .setSortProperty("amount")
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    ledger
        .addColumn(Expenditure::payee)
        .setHeader(getTranslation("expenditures.payee"))
        .setSortProperty("payee")
        .setFlexGrow(2);
    ledger
        .addColumn(Expenditure::purpose)
        .setHeader(getTranslation("expenditures.purpose"))
        .setFlexGrow(3);
    ledger
        .addComponentColumn(this::evidencedCell)
        .setHeader(getTranslation("budgets.ledger.evidenced"));
    ledger.addComponentColumn(this::voucherCell).setHeader(getTranslation("budgets.vouchers"));
    ledger.setHeight("28em");
    ledger.setWidthFull();
    VerticalLayout section = new VerticalLayout(heading, bar, ledger);
    section.setPadding(false);
    section.setWidthFull();
    return section;
  }

  private Component evidencedCell(Expenditure expenditure) {
    Span badge =
        new Span(
            getTranslation(
                expenditure.evidenced()
                    ? "expenditures.evidenced.yes"
                    : "expenditures.evidenced.no"));
    badge
        .getElement()
        .getThemeList()
        .add(expenditure.evidenced() ? "badge success" : "badge contrast");
    badge.addClassNames("evidenced-" + expenditure.evidenced());
    return badge;
  }

  private Component voucherCell(Expenditure expenditure) {
    Button open =
        new Button(getTranslation("budgets.vouchers.open"), VaadinIcon.PAPERCLIP.create());
    open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    open.addClassNames("voucher-open");
    open.addClickListener(
        click ->
            new VoucherDialog(
                    budgets.findExpenditure(here(), expenditure.id()),
                    BudgetPermissions.mayDo(user, Action.ATTACH_VOUCHER),
                    (name, content) ->
                        Problems.attempt(
                            this, () -> vouchers.attach(here(), expenditure.id(), name, content)),
                    voucher -> vouchers.download(here(), expenditure.id(), voucher),
                    this::refresh)
                .open());
    return open;
  }

  private ExpenditureQuery query() {
    String chosen = category.getValue();
    String marker = evidenced.getValue();
    return new ExpenditureQuery(
        year.getValue(),
        chosen == null || chosen.isBlank() ? null : chosen,
        null,
        marker == null || marker.isEmpty() ? null : marker.equals("yes"));
  }

  private boolean filtered() {
    return category.getValue() != null || !evidenced.getValue().isEmpty();
  }

  private void clearFilters() {
    category.clear();
    evidenced.setValue("");
    refreshLedger();
  }

  /** The tenant on screen: the user's own city, or the one a supervisor has chosen. */
  private TenantContext here() {
    return user.tenant() != null ? access.own() : access.enter(city.getValue().code());
  }

  private void cityChanged() {
    category.clear();
    category.setItems(budgets.categories(here()).stream().map(BudgetCategory::name).toList());
    refresh();
  }

  private void refresh() {
    showBudget();
    refreshLedger();
  }

  private void refreshLedger() {
    updateEmptyState.run();
    ledger.getDataProvider().refreshAll();
  }

  private void showBudget() {
    int chosen = year.getValue();
    Budget budget = budgets.find(here(), chosen);
    List<MonthActual> months = budgets.months(here(), chosen);
    lines.setItems(budget.lines());
    summary.setText(
        getTranslation(
            "budgets.summary",
            BudgetLabels.money(budget.budgeted()),
            BudgetLabels.money(budget.spent()),
            BudgetLabels.percent(budget.executionRate()),
            BudgetLabels.percent(budget.evidencedShare()),
            BudgetLabels.percent(budget.growthOverPreviousYear())));
    chartBox.removeAll();
    // inside a div, so the browser parses the chart as SVG (an svg root element would be HTML)
    chartBox.add(new Html("<div>" + chart.svgElement(budget, months, getLocale()) + "</div>"));
  }

  private void openBudget() {
    int chosen = year.getValue();
    new BudgetDialog(
            chosen,
            budgets.categories(here()),
            budgets.find(here(), chosen),
            command -> {
              Budget saved =
                  Problems.attempt(
                      this, command.fields(), () -> budgets.set(here(), chosen, command.command()));
              if (saved != null) {
                Notices.success(getTranslation("budgets.saved", String.valueOf(chosen)));
                refresh();
              }
              return saved;
            })
        .open();
  }

  private void openExpenditure() {
    new ExpenditureDialog(
            year.getValue(),
            budgets.find(here(), year.getValue()).lines().stream()
                .map(Budget.Line::category)
                .toList(),
            submission -> {
              Expenditure created =
                  Problems.attempt(
                      this,
                      submission.fields(),
                      () -> budgets.record(here(), submission.command()));
              if (created != null) {
                Notices.success(
                    getTranslation("budgets.recorded", BudgetLabels.money(created.amount())));
                refresh();
              }
              return created;
            })
        .open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.budgets") + " · " + getTranslation("app.name");
  }
}
