package cn.shuangyong.ui.projects;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectExport;
import cn.shuangyong.tenants.projects.api.ProjectPermissions;
import cn.shuangyong.tenants.projects.api.ProjectQuery;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import cn.shuangyong.tenants.units.api.UnitService;
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
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * 拥军项目: the tenant's troop-support projects the user may see (the service decides: the office all,
 * a handler its unit's, a liaison those for its unit), with progress bars, status and year filters
 * and a search; the office creates projects here. The list as filtered is exported to Excel, and
 * the yearly 军地互办实事 report (the year filter's, else this year's) opens as a printable page or is
 * downloaded as Excel. A row opens the detail.
 */
@Prototype
@Route(value = "projects", layout = MainLayout.class)
@Menu(title = "nav.projects", order = 45, icon = "vaadin:flag")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF, Role.UNIT_HANDLER, Role.GARRISON_LIAISON})
public class ProjectListView extends VerticalLayout implements HasDynamicTitle {
  private final ProjectService projects;
  private final ProjectExport export;
  private final UnitService units;
  private final TenantAccess access;
  private final CurrentUser user;
  private final Grid<Project> grid = new Grid<>();
  private final ComboBox<Status> status = new ComboBox<>();
  private final ComboBox<Integer> year = new ComboBox<>();
  private final TextField search = new TextField();
  private final Runnable updateEmptyState;

  public ProjectListView(
      TenantAccess access, ProjectService projects, ProjectExport export, UnitService units) {
    this.access = access;
    this.projects = projects;
    this.export = export;
    this.units = units;
    this.user = UiSession.requireUser();
    setId("projects");
    setSizeFull();
    H1 title = ViewTitle.of(getTranslation("nav.projects"));
    HorizontalLayout head = new HorizontalLayout(title);
    head.setWidthFull();
    head.setJustifyContentMode(JustifyContentMode.BETWEEN);
    head.setAlignItems(Alignment.CENTER);
    boolean office = ProjectPermissions.mayDo(user, Action.CREATE);
    if (office) {
      Button create =
          new Button(getTranslation("projects.new"), VaadinIcon.PLUS.create(), c -> openForm());
      create.setId("project-new");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      head.add(create);
    }
    add(head, filters(), toolbar(), grid);
    columns();
    EmptyState nothingYet = EmptyState.nothingYet(getTranslation("projects.empty"));
    if (office) {
      nothingYet.withAction(getTranslation("projects.new"), VaadinIcon.PLUS, this::openForm);
    }
    updateEmptyState =
        EmptyState.on(
            grid,
            this::filtered,
            nothingYet,
            EmptyState.noMatch(
                getTranslation("projects.empty.no-match"),
                getTranslation("empty.clear-filters"),
                this::clearFilters));
    grid.setItems(
        query -> {
          QuerySortOrder order = query.getSortOrders().stream().findFirst().orElse(null);
          return projects
              .list(
                  access.own(),
                  query(),
                  query.getOffset(),
                  query.getLimit(),
                  order == null ? null : order.getSorted(),
                  order != null && order.getDirection() == SortDirection.ASCENDING)
              .items()
              .stream();
        },
        query -> (int) projects.list(access.own(), query(), 0, 1, null, false).total());
  }

  private Component filters() {
    status.setPlaceholder(getTranslation("projects.status"));
    status.setId("project-filter-status");
    status.setItems(Status.values());
    status.setItemLabelGenerator(s -> ProjectLabels.of(this, "status", s));
    status.setClearButtonVisible(true);
    int thisYear = projects.today().getYear();
    year.setPlaceholder(getTranslation("projects.year"));
    year.setId("project-filter-year");
    year.setItems(IntStream.rangeClosed(0, 6).mapToObj(i -> thisYear + 1 - i).toList());
    year.setClearButtonVisible(true);
    search.setPlaceholder(getTranslation("projects.search"));
    search.setId("project-search");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    status.addValueChangeListener(e -> refresh());
    year.addValueChangeListener(e -> refresh());
    search.addValueChangeListener(e -> refresh());
    FlexLayout bar = new FlexLayout(search, status, year);
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.addClassNames(LumoUtility.Gap.SMALL);
    return bar;
  }

  /** 导出 Excel (the list as filtered), the yearly report's printable page and its Excel. */
  private Component toolbar() {
    Locale language = getLocale();
    Anchor list =
        download(
            "project-export",
            "projects.export",
            VaadinIcon.DOWNLOAD,
            () ->
                new Download(
                    "projects-" + (year.getValue() == null ? "all" : year.getValue()) + ".xlsx",
                    export.workbook(access.own(), query(), language)));
    Button report = new Button(getTranslation("projects.report.open"), VaadinIcon.PRINT.create());
    report.setId("project-report-open");
    report.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    report.addClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui -> ui.getPage().open("projects/report?year=" + reportYear(), "_blank")));
    Anchor reportExcel =
        download(
            "project-report-excel",
            "projects.report.excel",
            VaadinIcon.FILE_TABLE,
            () ->
                new Download(
                    "junde-hubanshishi-" + reportYear() + ".xlsx",
                    export.reportWorkbook(access.own(), reportYear(), language)));
    FlexLayout bar = new FlexLayout(list, report, reportExcel);
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.setAlignItems(Alignment.CENTER);
    bar.addClassNames(LumoUtility.Gap.SMALL);
    return bar;
  }

  /** The report's year: the year filter's, else this year. */
  private int reportYear() {
    return year.getValue() == null ? projects.today().getYear() : year.getValue();
  }

  private record Download(String fileName, byte[] bytes) {}

  private Anchor download(String id, String key, VaadinIcon icon, Supplier<Download> file) {
    Anchor anchor =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  Download made = file.get();
                  return new DownloadResponse(
                      new ByteArrayInputStream(made.bytes()),
                      made.fileName(),
                      ExcelWriter.XLSX,
                      made.bytes().length);
                }),
            "");
    anchor.setId(id);
    anchor.getElement().setAttribute("download", true);
    Button button = new Button(getTranslation(key), icon.create());
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    anchor.add(button);
    return anchor;
  }

  private void columns() {
    grid.setId("project-grid");
    grid.addColumn(Project::name)
        .setHeader(getTranslation("projects.name"))
        .setKey("name")
        .setSortProperty("name")
        .setFlexGrow(3);
    grid.addColumn(ProjectLabels::unitNames)
        .setHeader(getTranslation("projects.garrison-units"))
        .setFlexGrow(2);
    grid.addColumn(Project::responsibleUnitName)
        .setHeader(getTranslation("projects.responsible-unit"))
        .setFlexGrow(2);
    grid.addColumn(p -> ProjectLabels.money(p.budget()))
        .setHeader(getTranslation("projects.budget"))
        .setSortProperty("budget");
    grid.addComponentColumn(this::statusCell)
        .setHeader(getTranslation("projects.status"))
        .setSortProperty("status");
    grid.addComponentColumn(p -> ProjectLabels.progress(this, p))
        .setHeader(getTranslation("projects.progress"))
        .setWidth("11em")
        .setFlexGrow(0);
    grid.addColumn(p -> p.plannedEnd().toString())
        .setHeader(getTranslation("projects.planned-end"))
        .setSortProperty("plannedEnd");
    grid.addItemClickListener(click -> ProjectDetailView.open(click.getItem().id()));
    grid.setAllRowsVisible(false);
    grid.setSizeFull();
  }

  private Component statusCell(Project project) {
    FlexLayout cell = new FlexLayout(ProjectLabels.statusBadge(this, project.status()));
    if (project.overdueMilestones() > 0) {
      Span late =
          new Span(getTranslation("projects.overdue-milestones", project.overdueMilestones()));
      late.getElement().getThemeList().add("badge error small");
      cell.add(late);
    }
    cell.addClassNames(LumoUtility.Gap.XSMALL, LumoUtility.FlexWrap.WRAP);
    return cell;
  }

  private ProjectQuery query() {
    String text =
        search.getValue() == null || search.getValue().isBlank() ? null : search.getValue();
    return new ProjectQuery(status.getValue(), year.getValue(), null, null, text);
  }

  private boolean filtered() {
    return status.getValue() != null || year.getValue() != null || !search.isEmpty();
  }

  private void clearFilters() {
    status.clear();
    year.clear();
    search.clear();
    refresh();
  }

  private void refresh() {
    updateEmptyState.run();
    grid.getDataProvider().refreshAll();
  }

  private void openForm() {
    new ProjectFormDialog(
            units.listGarrisonUnits(access.own(), null),
            units.listResponsibleUnits(access.own(), null),
            submission -> {
              Project created =
                  Problems.attempt(
                      this,
                      submission.fields(),
                      () -> projects.create(access.own(), submission.command()));
              if (created != null) {
                Notices.success(getTranslation("projects.created", created.name()));
                ProjectDetailView.open(created.id());
              }
              return created;
            })
        .open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.projects") + " · " + getTranslation("app.name");
  }
}
