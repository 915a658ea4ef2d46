package cn.shuangyong.ui.audit;

import cn.shuangyong.platform.audit.AuditAccess;
import cn.shuangyong.platform.audit.AuditEvent;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.DateFields;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * 审计: the audit trail the caller may read, newest first, paged lazily from the service: the
 * platform admin all of it, a supervisor its region's cities, a city admin its own (the scope is
 * {@link AuditAccess}'s, as in the API). Filters by date range, user, action, result and, for those
 * who see several cities, city; a row opens the event's detail with the record before and after
 * side by side; the export downloads the same filtered events as an Excel workbook.
 */
@Prototype
@Route(value = "audit", layout = MainLayout.class)
@Menu(title = "nav.audit", order = 90, icon = "vaadin:clipboard-text")
@RequiresRole({Role.PLATFORM_ADMIN, Role.SUPERVISOR, Role.CITY_ADMIN})
public class AuditView extends VerticalLayout implements HasDynamicTitle {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final AuditAccess access;
  private final CurrentUser reader;
  private final DatePicker from = DateFields.create(getTranslation("audit.filter.from"));
  private final DatePicker to = DateFields.create(getTranslation("audit.filter.to"));
  private final TextField user = new TextField(getTranslation("audit.user"));
  private final ComboBox<String> action = new ComboBox<>(getTranslation("audit.action"));
  private final ComboBox<String> result = new ComboBox<>(getTranslation("audit.result"));
  private final ComboBox<Tenant> tenant = new ComboBox<>(getTranslation("audit.tenant"));
  private final Grid<AuditEvent> grid = new Grid<>();
  private final Span count = new Span();

  public AuditView(AuditAccess access) {
    this.access = access;
    this.reader = UiSession.requireUser();
    setSizeFull();
    setUpFilters();
    setUpGrid();
    Runnable emptyState =
        EmptyState.on(
            grid,
            this::filtered,
            EmptyState.nothingYet(getTranslation("audit.empty")),
            EmptyState.noMatch(
                getTranslation("audit.empty.no-match"),
                getTranslation("empty.clear-filters"),
                this::clearFilters));
    Stream.<HasValue<?, ?>>of(from, to, user, action, result, tenant)
        .forEach(
            field ->
                field.addValueChangeListener(
                    event -> {
                      emptyState.run();
                      load();
                    }));
    load();
    count.setId("audit-count");
    count.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    add(ViewTitle.of(getTranslation("nav.audit")), filterBar(), count, grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.audit") + " · " + getTranslation("app.name");
  }

  private void setUpFilters() {
    from.setId("audit-from");
    to.setId("audit-to");
    from.addValueChangeListener(event -> to.setMin(event.getValue()));
    to.addValueChangeListener(event -> from.setMax(event.getValue()));
    user.setId("audit-user");
    user.setClearButtonVisible(true);
    user.setPrefixComponent(VaadinIcon.SEARCH.create());
    user.setValueChangeMode(ValueChangeMode.LAZY);
    // the actions in words, typed to narrow the list (登录 → 登录, 登录失败, 退出登录)
    action.setId("audit-action");
    action.setItems(AuditLabels.actions());
    action.setItemLabelGenerator(code -> AuditLabels.action(this, code));
    action.setPlaceholder(getTranslation("audit.filter.all-actions"));
    action.setClearButtonVisible(true);
    action.setMinWidth("14em");
    result.setId("audit-result");
    result.setItems(List.of("SUCCESS", "FAILURE", "DENIED"));
    result.setItemLabelGenerator(code -> AuditLabels.result(this, code));
    result.setPlaceholder(getTranslation("audit.filter.all-results"));
    result.setClearButtonVisible(true);
    tenant.setId("audit-tenant");
    List<Tenant> readable = access.tenants(reader);
    tenant.setItems(readable);
    tenant.setItemLabelGenerator(Tenant::name);
    tenant.setPlaceholder(getTranslation("audit.filter.all-tenants"));
    tenant.setClearButtonVisible(true);
    // a city admin reads one city: a filter with one choice only takes room
    tenant.setVisible(readable.size() > 1);
  }

  private void setUpGrid() {
    grid.setId("audit-grid");
    grid.addColumn(event -> TIME.format(event.at().atZoneSameInstant(ChinaTime.ZONE)))
        .setHeader(getTranslation("audit.at"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(this::who)
        .setHeader(getTranslation("audit.user"))
        .setTooltipGenerator(AuditEvent::user)
        .setWidth("14rem");
    grid.addColumn(this::tenantOf)
        .setHeader(getTranslation("audit.tenant"))
        .setTooltipGenerator(AuditEvent::tenant)
        .setAutoWidth(true);
    grid.addColumn(event -> AuditLabels.action(this, event.action()))
        .setHeader(getTranslation("audit.action"))
        .setTooltipGenerator(AuditEvent::action)
        .setAutoWidth(true);
    grid.addColumn(AuditEvent::target)
        .setHeader(getTranslation("audit.target"))
        .setTooltipGenerator(AuditEvent::target)
        .setWidth("10rem");
    grid.addColumn(event -> AuditLabels.result(this, event.result()))
        .setHeader(getTranslation("audit.result"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(event -> AuditLabels.ip(this, event.ip()))
        .setHeader(getTranslation("audit.ip"))
        .setTooltipGenerator(AuditEvent::ip)
        .setAutoWidth(true);
    grid.addComponentColumn(this::detailButton)
        .setHeader(getTranslation("audit.detail"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addThemeVariants(
        GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setPageSize(50);
    grid.setSizeFull();
  }

  /** A button per row, so that the detail is reached by keyboard and screen readers too. */
  private Component detailButton(AuditEvent event) {
    Button open = new Button(VaadinIcon.EYE.create(), click -> open(event));
    open.addClassName("audit-open");
    open.getElement().setAttribute("aria-label", getTranslation("audit.detail.open"));
    open.setTooltipText(getTranslation("audit.detail.open"));
    return open;
  }

  private void open(AuditEvent event) {
    new AuditDetailDialog(event, name(event), tenantOf(event)).open();
  }

  /** Pages of the service, as the grid scrolls; the count says how many match. */
  private void load() {
    AuditAccess.Filters filters = chosenFilters();
    if (filters == null) {
      grid.setItems(List.of());
      count.setText("");
      return;
    }
    Long total = Problems.attempt(this, () -> access.search(reader, filters, 0, 1, null).total());
    if (total == null) {
      grid.setItems(List.of());
      count.setText("");
      return;
    }
    count.setText(getTranslation("audit.count", total));
    grid.setItems(
        query -> {
          int size = query.getLimit();
          int page = query.getOffset() / size;
          return access.search(reader, filters, page, size, null).items().stream()
              .skip(query.getOffset() - (long) page * size);
        },
        query -> (int) Math.min(Integer.MAX_VALUE, total));
  }

  /**
   * The filters as the service takes them, the dates as whole days in China time ({@code to}
   * inclusive); null while the dates are unreadable or the wrong way round (the pickers say so).
   */
  private AuditAccess.Filters chosenFilters() {
    if (from.isInvalid() || to.isInvalid()) {
      return null;
    }
    LocalDate first = from.getValue();
    LocalDate last = to.getValue();
    if (first != null && last != null && first.isAfter(last)) {
      return null;
    }
    return new AuditAccess.Filters(
        tenant.getValue() == null ? null : tenant.getValue().code(),
        blankToNull(user.getValue()),
        action.getValue(),
        result.getValue(),
        first == null ? null : startOf(first),
        last == null ? null : startOf(last.plusDays(1)));
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ChinaTime.ZONE).toInstant();
  }

  private boolean filtered() {
    return from.getValue() != null
        || to.getValue() != null
        || blankToNull(user.getValue()) != null
        || action.getValue() != null
        || result.getValue() != null
        || tenant.getValue() != null;
  }

  private void clearFilters() {
    from.clear();
    to.clear();
    user.clear();
    action.clear();
    result.clear();
    tenant.clear();
  }

  private Component filterBar() {
    HorizontalLayout filters =
        new HorizontalLayout(from, to, user, action, result, tenant, exportAnchor());
    filters.setAlignItems(Alignment.BASELINE);
    filters.getStyle().set("flex-wrap", "wrap");
    return filters;
  }

  /** The export of what the filters select, through the same service as the API's export. */
  private Anchor exportAnchor() {
    Locale language = getLocale();
    String address = UiSession.clientAddress();
    Anchor download =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  AuditAccess.Filters chosen =
                      Objects.requireNonNullElse(chosenFilters(), AuditAccess.Filters.none());
                  byte[] bytes =
                      access
                          .export(reader, chosen, language, address, "ui " + describe(chosen))
                          .bytes();
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "audit.xlsx",
                      ExcelWriter.XLSX,
                      bytes.length);
                }),
            "");
    download.setId("audit-export");
    download.getElement().setAttribute("download", true);
    Button button = new Button(getTranslation("audit.export"), VaadinIcon.DOWNLOAD.create());
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    download.add(button);
    return download;
  }

  /** The filters as the export's audit target writes them (the API writes its query). */
  private static String describe(AuditAccess.Filters filters) {
    StringBuilder text = new StringBuilder();
    append(text, "tenant", filters.tenant());
    append(text, "user", filters.user());
    append(text, "action", filters.action());
    append(text, "result", filters.result());
    append(text, "from", filters.from());
    append(text, "to", filters.to());
    return text.toString();
  }

  private static void append(StringBuilder text, String name, Object value) {
    if (value != null) {
      text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value);
    }
  }

  /** The display name, with the login name beside it (the office searches by login name). */
  private Component who(AuditEvent event) {
    if (event.user() == null) {
      return new Span();
    }
    String name = name(event);
    Span shown = new Span(name);
    if (!name.equals(event.user())) {
      Span login = new Span(" " + event.user());
      login.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
      return new Span(shown, login);
    }
    return shown;
  }

  /** The person's display name, 系统 for the platform's own jobs, else the login name. */
  private String name(AuditEvent event) {
    if (event.user() == null) {
      return "";
    }
    if (event.userDisplayName() == null && Person.isSystemActor(event.user())) {
      return getTranslation("person.system");
    }
    return event.userDisplayName() == null ? event.user() : event.userDisplayName();
  }

  private String tenantOf(AuditEvent event) {
    if (event.tenant() == null) {
      return "";
    }
    return event.tenantName() == null ? event.tenant() : event.tenantName();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
