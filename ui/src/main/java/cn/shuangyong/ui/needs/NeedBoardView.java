package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
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
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
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
import java.util.Set;

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

  private final TenantAccess access;

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
    year.setWidth("7em");
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

    grid = new NeedGrid(access, needs, user, this::tenant, this::query, true);
    if (office) {
      grid.setSelectionMode(Grid.SelectionMode.MULTI);
    }
    grid.setSizeFull();

    city.addValueChangeListener(event -> cityChanged());
    status.addValueChangeListener(event -> grid.refresh());
    direction.addValueChangeListener(event -> grid.refresh());
    year.addValueChangeListener(event -> refresh());
    garrisonUnit.addValueChangeListener(event -> grid.refresh());
    responsibleUnit.addValueChangeListener(event -> grid.refresh());
    overdue.addValueChangeListener(event -> grid.refresh());
    search.addValueChangeListener(event -> grid.refresh());

    FlexLayout filters =
        new FlexLayout(
            city, status, direction, year, garrisonUnit, responsibleUnit, search, overdue);
    filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    filters.setAlignItems(Alignment.BASELINE);
    filters.addClassNames(LumoUtility.Gap.Column.MEDIUM);
    counts.setId("need-counts");
    counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    counts.addClassNames(LumoUtility.Gap.SMALL);
    add(new H2(getTranslation("nav.needs-board")), counts, filters, toolbar(), grid);
    loadUnits();
    refreshCounts();
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
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.setAlignItems(Alignment.CENTER);
    bar.addClassNames(LumoUtility.Gap.SMALL);
    CurrentUser reader = user;
    Anchor download =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  int chosen = chosenYear();
                  String tenant = tenant();
                  byte[] bytes =
                      export.workbook(access.enter(tenant), chosen, direction.getValue());
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "shuangqingdan-" + tenant + "-" + chosen + ".xlsx",
                      NeedExport.XLSX,
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
    Anchor template =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  byte[] bytes = importer.template();
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "shuangqingdan-template.xlsx",
                      NeedExport.XLSX,
                      bytes.length);
                }),
            "");
    template.setId("import-template");
    template.getElement().setAttribute("download", true);
    template.add(button(VaadinIcon.FILE_TABLE, "needs.template"));
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
    upload.setAcceptedFileTypes(".xlsx", NeedExport.XLSX);
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

  private Button button(VaadinIcon icon, String key) {
    Button button = new Button(getTranslation(key), icon.create());
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
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
