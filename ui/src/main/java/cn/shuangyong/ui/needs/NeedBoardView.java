package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedExport;
import cn.shuangyong.tenants.needs.api.NeedImport;
import cn.shuangyong.tenants.needs.api.NeedIndicators;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.ResponsibleUnit;
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
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 双清单: the office's board of the year's needs with filters, counts per status, Excel export and
 * import, and bulk 受理. A supervisor chooses one of its cities and only reads (and may 督办 on the
 * detail page).
 */
@Prototype
@Route(value = "needs", layout = MainLayout.class)
@Menu(title = "nav.needs-board", order = 40, icon = "vaadin:table")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR})
public class NeedBoardView extends VerticalLayout implements HasDynamicTitle {
  private final NeedService needs;
  private final NeedIndicators indicators;
  private final NeedExport export;
  private final NeedImport importer;
  private final UnitService units;
  private final CurrentUser user;
  private final boolean office;
  private final Select<Tenant> city = new Select<>();
  private final Select<Status> status = new Select<>();
  private final Select<Direction> direction = new Select<>();
  private final IntegerField year = new IntegerField();
  private final ComboBox<GarrisonUnit> garrisonUnit = new ComboBox<>();
  private final ComboBox<ResponsibleUnit> responsibleUnit = new ComboBox<>();
  private final Checkbox overdue = new Checkbox();
  private final TextField search = new TextField();
  private final FlexLayout counts = new FlexLayout();
  private final NeedGrid grid;
  private final EmptyState nothingYet;

  private final TenantAccess access;
  private Runnable filterCount = () -> {};

  public NeedBoardView(
      TenantAccess access,
      NeedService needs,
      NeedIndicators indicators,
      NeedExport export,
      NeedImport importer,
      UnitService units,
      TenantDirectory tenants) {
    this.access = access;
    this.needs = needs;
    this.indicators = indicators;
    this.export = export;
    this.importer = importer;
    this.units = units;
    this.user = UiSession.requireUser();
    this.office = user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
    setId("need-board");
    setSizeFull();

    city.setLabel(getTranslation("needs.city"));
    city.setId("board-city");
    city.setItemLabelGenerator(Tenant::name);
    city.setVisible(user.tenant() == null);
    if (user.tenant() == null) {
      List<Tenant> visible = tenants.visibleTo(user);
      city.setItems(visible);
      if (!visible.isEmpty()) {
        city.setValue(visible.get(0));
      }
    }
    status.setLabel(getTranslation("needs.status"));
    status.setId("filter-status");
    status.setItems(Status.values());
    status.setEmptySelectionAllowed(true);
    status.setEmptySelectionCaption(getTranslation("needs.filter.all"));
    status.setItemLabelGenerator(
        value ->
            value == null
                ? getTranslation("needs.filter.all")
                : NeedLabels.of(this, "status", value));
    direction.setLabel(getTranslation("needs.direction"));
    direction.setItems(Direction.values());
    direction.setEmptySelectionAllowed(true);
    direction.setEmptySelectionCaption(getTranslation("needs.filter.all"));
    direction.setItemLabelGenerator(
        value ->
            value == null
                ? getTranslation("needs.filter.all")
                : NeedLabels.of(this, "direction", value));
    year.setLabel(getTranslation("needs.year"));
    year.setId("filter-year");
    year.setValue(needs.today().getYear());
    year.setMin(2000);
    year.setMax(2100);
    garrisonUnit.setLabel(getTranslation("needs.garrison-unit"));
    garrisonUnit.setItemLabelGenerator(GarrisonUnit::name);
    garrisonUnit.setClearButtonVisible(true);
    responsibleUnit.setLabel(getTranslation("needs.responsible-unit"));
    responsibleUnit.setItemLabelGenerator(ResponsibleUnit::name);
    responsibleUnit.setClearButtonVisible(true);
    overdue.setLabel(getTranslation("needs.filter.overdue"));
    overdue.setId("filter-overdue");
    search.setLabel(getTranslation("needs.filter.search"));
    search.setId("filter-search");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    sizeFilters();

    grid = new NeedGrid(access, needs, user, this::tenant, this::query, true);
    if (office) {
      grid.setSelectionMode(Grid.SelectionMode.MULTI);
    }
    grid.setSizeFull();
    nothingYet = EmptyState.nothingYet(nothingYetText());
    if (office) {
      nothingYet.withAction(
          templateAnchor(
              "empty-import-template",
              getLocale(),
              new Button(getTranslation("needs.template"), VaadinIcon.FILE_TABLE.create())));
    }
    grid.emptyStates(
        this::filtered,
        nothingYet,
        EmptyState.noMatch(
            getTranslation("needs.empty.no-match"),
            getTranslation("empty.clear-filters"),
            this::clearFilters));

    city.addValueChangeListener(event -> cityChanged());
    status.addValueChangeListener(event -> filtersChanged());
    direction.addValueChangeListener(event -> filtersChanged());
    year.addValueChangeListener(event -> refresh());
    garrisonUnit.addValueChangeListener(event -> filtersChanged());
    responsibleUnit.addValueChangeListener(event -> filtersChanged());
    overdue.addValueChangeListener(event -> filtersChanged());
    search.addValueChangeListener(event -> filtersChanged());

    FlexLayout filters =
        new FlexLayout(
            city, status, direction, year, garrisonUnit, responsibleUnit, search, overdue);
    filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    filters.setAlignItems(Alignment.BASELINE);
    filters.addClassNames(LumoUtility.Gap.Column.SMALL);
    counts.setId("need-counts");
    counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    counts.addClassNames(LumoUtility.Gap.SMALL);
    // the title and the counts share a line, so that a laptop's 768 px leave the grid its rows
    FlexLayout heading = new FlexLayout(ViewTitle.of(getTranslation("nav.needs-board")), counts);
    heading.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    heading.setAlignItems(Alignment.CENTER);
    heading.addClassNames(LumoUtility.Gap.Column.LARGE);
    // the page scrolls rather than squeezing the grid below a few rows
    grid.setMinHeight("16rem");
    add(heading, foldingOnPhones(filters), toolbar(), grid);
    loadUnits();
    refreshCounts();
  }

  /** The filter fields' widths: one line beside the drawer on a 1366 px laptop. */
  private void sizeFilters() {
    city.setWidth("10em");
    status.setWidth("8em");
    direction.setWidth("8em");
    year.setWidth("6em");
    garrisonUnit.setWidth("11em");
    responsibleUnit.setWidth("11em");
    search.setWidth("11em");
  }

  /**
   * On a phone the filters fold behind 筛选 (which says how many are set), so that the grid keeps the
   * screen; from the medium breakpoint (768 px) on they are always shown and the toggle is not.
   */
  private Component foldingOnPhones(Component filters) {
    Div fold = new Div(filters);
    fold.setId("board-filters");
    fold.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Medium.BLOCK);
    Button toggle = new Button(getTranslation("needs.filters"), VaadinIcon.FILTER.create());
    toggle.setId("board-filters-toggle");
    toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    toggle.addClassNames(LumoUtility.Display.Breakpoint.Medium.HIDDEN);
    toggle.getElement().setAttribute("aria-controls", "board-filters");
    toggle.getElement().setAttribute("aria-expanded", "false");
    toggle.addClickListener(
        click -> {
          boolean open = fold.hasClassName(LumoUtility.Display.HIDDEN);
          fold.setClassName(LumoUtility.Display.HIDDEN, !open);
          toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
    filterCount = () -> toggle.setText(filterLabel());
    return new Div(toggle, fold);
  }

  private String filterLabel() {
    long set =
        Stream.of(
                status.getValue(),
                direction.getValue(),
                garrisonUnit.getValue(),
                responsibleUnit.getValue(),
                overdue.getValue() ? Boolean.TRUE : null,
                search.getValue() == null || search.getValue().isBlank() ? null : search.getValue())
            .filter(Objects::nonNull)
            .count();
    return set == 0 ? getTranslation("needs.filters") : getTranslation("needs.filters.active", set);
  }

  private void filtersChanged() {
    filterCount.run();
    grid.refresh();
  }

  private String tenant() {
    return user.tenant() != null
        ? user.tenant()
        : city.getValue() == null ? null : city.getValue().code();
  }

  private NeedQuery query() {
    String text = search.getValue();
    return new NeedQuery(
        status.getValue(),
        direction.getValue(),
        year.getValue(),
        garrisonUnit.getValue() == null ? null : garrisonUnit.getValue().id(),
        responsibleUnit.getValue() == null ? null : responsibleUnit.getValue().id(),
        overdue.getValue(),
        text == null || text.isBlank() ? null : text.trim());
  }

  /** Whether a filter other than the year narrows the list (the year is the list's own). */
  private boolean filtered() {
    return status.getValue() != null
        || direction.getValue() != null
        || garrisonUnit.getValue() != null
        || responsibleUnit.getValue() != null
        || overdue.getValue()
        || (search.getValue() != null && !search.getValue().isBlank());
  }

  /** 清除筛选: back to the year's whole list. */
  private void clearFilters() {
    status.clear();
    direction.clear();
    garrisonUnit.clear();
    responsibleUnit.clear();
    overdue.setValue(false);
    search.clear();
  }

  private String nothingYetText() {
    return getTranslation(
        office ? "needs.empty.board" : "needs.empty.board.supervisor",
        String.valueOf(chosenYear()));
  }

  private int chosenYear() {
    return year.getValue() == null ? needs.today().getYear() : year.getValue();
  }

  private void cityChanged() {
    garrisonUnit.clear();
    responsibleUnit.clear();
    loadUnits();
    refresh();
  }

  private void loadUnits() {
    String tenant = tenant();
    if (tenant == null) {
      return;
    }
    garrisonUnit.setItems(units.listGarrisonUnits(access.enter(tenant), null));
    responsibleUnit.setItems(units.listResponsibleUnits(access.enter(tenant), null));
  }

  private void refresh() {
    nothingYet.setText(nothingYetText());
    refreshCounts();
    grid.refresh();
  }

  /** 各状态事项数: from the year's indicators; a click filters the grid by that status. */
  private void refreshCounts() {
    counts.removeAll();
    if (tenant() == null) {
      return;
    }
    NeedIndicators.Figures figures = indicators.figures(access.enter(tenant()), chosenYear());
    Button all =
        new Button(getTranslation("needs.total", figures.total()), click -> status.clear());
    all.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
    counts.add(all);
    for (Status each : Status.values()) {
      long count = figures.byStatus().getOrDefault(each.name(), 0L);
      Button button =
          new Button(
              NeedLabels.of(this, "status", each) + " " + count, click -> status.setValue(each));
      button.setId("count-" + each.name().toLowerCase());
      button.addThemeVariants(ButtonVariant.LUMO_SMALL);
      counts.add(button);
    }
    if (figures.overdueCount() > 0) {
      Button late =
          new Button(
              getTranslation("needs.overdue") + " " + figures.overdueCount(),
              click -> overdue.setValue(true));
      late.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      counts.add(late);
    }
  }

  private Component toolbar() {
    FlexLayout bar = new FlexLayout();
    bar.setId("board-toolbar");
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.setAlignItems(Alignment.CENTER);
    bar.addClassNames(LumoUtility.Gap.SMALL);
    CurrentUser reader = user;
    Locale language = getLocale();
    Anchor download =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  int chosen = chosenYear();
                  String tenant = tenant();
                  byte[] bytes =
                      export.workbook(access.enter(tenant), chosen, direction.getValue(), language);
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "shuangqingdan-" + tenant + "-" + chosen + ".xlsx",
                      ExcelWriter.XLSX,
                      bytes.length);
                }),
            "");
    download.setId("export-needs");
    download.getElement().setAttribute("download", true);
    download.add(button(VaadinIcon.DOWNLOAD, "needs.export"));
    bar.add(download);
    Button print = button(VaadinIcon.PRINT, "needs.print.open");
    print.setId("print-needs");
    print.addClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.getPage()
                            .open(
                                "needs/print?year="
                                    + chosenYear()
                                    + (direction.getValue() == null
                                        ? ""
                                        : "&direction=" + direction.getValue().name())
                                    + (user.tenant() == null && tenant() != null
                                        ? "&tenant=" + tenant()
                                        : ""),
                                "_blank")));
    bar.add(print);
    if (!office) {
      return bar;
    }
    Button entry = new Button(getTranslation("needs.new"), VaadinIcon.PLUS.create());
    entry.setId("new-need");
    entry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    entry.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(NewNeedView.class)));
    bar.addComponentAsFirst(entry);
    Anchor template =
        templateAnchor(
            "import-template", language, button(VaadinIcon.FILE_TABLE, "needs.template"));
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, content) -> {
              int imported = -1;
              RuntimeException refusal = null;
              try {
                imported =
                    importer.importList(
                        access.own(), new ByteArrayInputStream(content), content.length);
              } catch (RuntimeException refused) {
                refusal = refused;
              }
              int done = imported;
              RuntimeException failure = refusal;
              ui.access(
                  () -> {
                    // ready for the next file (a corrected list) without removing this one
                    upload.clearFileList();
                    imported(done, failure);
                  });
            }));
    upload.setId("import-needs");
    upload.setAcceptedFileTypes(".xlsx", ExcelWriter.XLSX);
    upload.setMaxFiles(1);
    upload.setMaxFileSize((int) NeedImport.MAX_BYTES);
    upload.setUploadButton(button(VaadinIcon.UPLOAD, "needs.import"));
    upload.setDropAllowed(false);
    Button bulk = button(VaadinIcon.CHECK_SQUARE_O, "needs.bulk-accept");
    bulk.setId("bulk-accept");
    bulk.addClickListener(click -> bulkAccept());
    bar.add(template, upload, bulk);
    return bar;
  }

  /** 下载导入模板: the toolbar's, and the empty board's first step to an import. */
  private Anchor templateAnchor(String id, Locale language, Button face) {
    Anchor template =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  byte[] bytes = importer.template(access.enter(tenant()), language);
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "shuangqingdan-template.xlsx",
                      ExcelWriter.XLSX,
                      bytes.length);
                }),
            "");
    template.setId(id);
    template.getElement().setAttribute("download", true);
    template.add(face);
    return template;
  }

  /**
   * A tertiary action of the toolbar: its name beside the icon from the medium breakpoint (768 px)
   * on; on a phone the icon alone, the name then its tooltip and accessible name, so that the
   * toolbar keeps one line and the grid the screen.
   */
  private Button button(VaadinIcon icon, String key) {
    String name = getTranslation(key);
    Span label = new Span(name);
    label.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Medium.INLINE);
    Button button = new Button(icon.create());
    button.getElement().appendChild(label.getElement());
    button.removeThemeVariants(ButtonVariant.LUMO_ICON);
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    button.setAriaLabel(name);
    button.setTooltipText(name);
    return button;
  }

  /** Shows the import's outcome: the count, or every bad row in a dialog (nothing was saved). */
  private void imported(int count, RuntimeException refusal) {
    if (refusal == null) {
      Notices.success(getTranslation("needs.import.done", count));
      refresh();
      return;
    }
    if (!(refusal instanceof ValidationException invalid)) {
      Notices.error(Problems.message(this, refusal));
      return;
    }
    UnorderedList rows = new UnorderedList();
    invalid
        .errors()
        .forEach(
            error -> rows.add(new ListItem(getTranslation(error.messageKey(), error.arguments()))));
    Dialog dialog = new Dialog();
    dialog.setId("import-errors");
    dialog.setHeaderTitle(getTranslation("needs.import.errors"));
    dialog.setWidth("min(40em, 95vw)");
    dialog.add(rows);
    dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
    dialog.open();
  }

  /** 批量受理: one dialog for the selected SUBMITTED needs; each is accepted on its own. */
  private void bulkAccept() {
    Set<Need> selected = grid.getSelectedItems();
    List<Need> submitted =
        selected.stream().filter(need -> need.status() == Status.SUBMITTED).toList();
    if (submitted.isEmpty()) {
      Notices.error(getTranslation("needs.bulk-accept.none"));
      return;
    }
    Set<Direction> directions = EnumSet.noneOf(Direction.class);
    submitted.forEach(need -> directions.add(need.direction()));
    NeedActionDialogs.accept(
            this,
            getTranslation("needs.bulk-accept.title", submitted.size()),
            directions,
            units.listResponsibleUnits(access.enter(tenant()), null),
            units.listGarrisonUnits(access.enter(tenant()), null),
            needs.today(),
            (command, fields) -> {
              List<String> failures = new ArrayList<>();
              int accepted = 0;
              for (Need need : submitted) {
                try {
                  needs.accept(access.enter(tenant()), need.id(), command);
                  accepted++;
                } catch (RuntimeException refused) {
                  failures.add(
                      getTranslation(
                          "needs.bulk-accept.failed",
                          need.title(),
                          Problems.message(this, refused)));
                }
              }
              grid.deselectAll();
              refresh();
              if (failures.isEmpty()) {
                Notices.success(getTranslation("needs.bulk-accept.done", accepted));
              } else {
                UnorderedList rows = new UnorderedList();
                failures.forEach(line -> rows.add(new ListItem(line)));
                Dialog report = new Dialog();
                report.setId("bulk-accept-report");
                report.setHeaderTitle(
                    getTranslation("needs.bulk-accept.partial", accepted, failures.size()));
                report.add(rows);
                report
                    .getFooter()
                    .add(new Button(getTranslation("action.close"), click -> report.close()));
                report.open();
              }
              return true;
            })
        .open();
    if (selected.size() > submitted.size()) {
      Notices.error(
          getTranslation("needs.bulk-accept.skipped", selected.size() - submitted.size()));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.needs-board") + " · " + getTranslation("app.name");
  }
}
