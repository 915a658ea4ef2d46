package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.PrintableSheet;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.tenants.needs.api.NeedExport;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.PrintableSheetView;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The year's list as the office publishes them, on a plain page without navigation, ready for the
 * browser's print dialog: one table per direction with the export's columns and labels ({@link
 * NeedExport#printable}).
 */
@Prototype
@Route("needs/print")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR})
public class NeedPrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {
  private final NeedService needs;
  private final NeedExport export;
  private final TenantDirectory tenants;
  private final CurrentUser user;
  private final TenantAccess access;

  public NeedPrintView(
      TenantAccess access, NeedService needs, NeedExport export, TenantDirectory tenants) {
    this.access = access;
    this.needs = needs;
    this.export = export;
    this.tenants = tenants;
    this.user = UiSession.requireUser();
    setId("need-print");
    ViewTitle.markMain(this);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("needs.print.title");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
    String tenant = user.tenant() != null ? user.tenant() : first(parameters, "tenant");
    int year = parse(first(parameters, "year"), needs.today().getYear());
    Direction direction = direction(first(parameters, "direction"));
    removeAll();
    Button print =
        new Button(
            getTranslation("needs.print"), click -> getElement().executeJs("window.print()"));
    print.addClassName("no-print");
    print.setId("print-now");
    add(print);
    String city = tenant == null ? "" : tenants.find(tenant).map(t -> t.name()).orElse(tenant);
    // the page's title on screen; the printed document keeps its own section titles
    H1 title = ViewTitle.of(city.isEmpty() ? getPageTitle() : city + " " + getPageTitle());
    title.addClassName("no-print");
    add(title);
    PrintableSheet sheet = export.printable(access.enter(tenant), year, direction, getLocale());
    add(new PrintableSheetView(sheet, city, issued(city)));
  }

  /** The city's office and today's date (China time), in the reader's language. */
  private PrintableSheetView.Issued issued(String city) {
    DateTimeFormatter date =
        DateTimeFormatter.ofPattern(getTranslation("needs.print.date-pattern"), getLocale());
    return new PrintableSheetView.Issued(
        getTranslation("needs.print.issuer", city),
        getTranslation("needs.print.seal"),
        getTranslation("needs.print.issued", needs.today().format(date)));
  }

  private static Direction direction(String name) {
    for (Direction direction : Direction.values()) {
      if (direction.name().equals(name)) {
        return direction;
      }
    }
    return null;
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
