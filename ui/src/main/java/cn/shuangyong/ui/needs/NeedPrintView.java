package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedPage;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.List;
import java.util.Map;

/**
 * The year's list as the office publishes it, on a plain page without navigation, ready for the
 * browser's print dialog: one table per direction with the "four clear" columns.
 */
@Prototype
@Route("needs/print")
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR})
public class NeedPrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {
  private static final int PAGE = 200;
  private static final String STYLE =
      "@media print { .no-print { display: none } }"
          + " .need-print { font-family: sans-serif; padding: 1em }"
          + " .need-print table { border-collapse: collapse; width: 100%; margin-bottom: 2em }"
          + " .need-print th, .need-print td { border: 1px solid #888; padding: 4px 6px;"
          + " font-size: 12px; vertical-align: top }";
  private final NeedService needs;
  private final TenantDirectory tenants;
  private final CurrentUser user;

  private final TenantAccess access;

  public NeedPrintView(TenantAccess access, NeedService needs, TenantDirectory tenants) {
    this.access = access;
    this.needs = needs;
    this.tenants = tenants;
    this.user = UiSession.requireUser();
    addClassName("need-print");
    setId("need-print");
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
    String onlyDirection = first(parameters, "direction");
    removeAll();
    Element style = new Element("style");
    style.setText(STYLE);
    getElement().appendChild(style);
    Button print =
        new Button(
            getTranslation("needs.print"), click -> getElement().executeJs("window.print()"));
    print.addClassName("no-print");
    print.setId("print-now");
    add(print);
    String city = tenant == null ? "" : tenants.find(tenant).map(t -> t.name()).orElse(tenant);
    for (Direction direction : Direction.values()) {
      if (onlyDirection != null && !onlyDirection.equals(direction.name())) {
        continue;
      }
      add(new H2(city + " " + year + " " + getTranslation("needs.print.list." + direction.name())));
      add(table(tenant, year, direction));
    }
  }

  private Html table(String tenant, int year, Direction direction) {
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    for (String column :
        List.of(
            "no",
            "title",
            "category",
            "garrison-unit",
            "responsible-unit",
            "content",
            "deadline",
            "quality",
            "status")) {
      html.append("<th>")
          .append(escape(getTranslation("needs.print.column." + column)))
          .append("</th>");
    }
    html.append("</tr></thead><tbody>");
    int row = 0;
    NeedQuery query = new NeedQuery(null, direction, year, null, null, false, null);
    for (int offset = 0; ; offset += PAGE) {
      NeedPage page = needs.list(access.enter(tenant), query, offset, PAGE, "id", true);
      for (Need need : page.items()) {
        row++;
        html.append("<tr>")
            .append(cell(String.valueOf(row)))
            .append(cell(need.title()))
            .append(cell(need.category()))
            .append(cell(need.garrisonUnitName()))
            .append(cell(need.responsibleUnitName()))
            .append(cell(need.description()))
            .append(cell(need.deadline() == null ? "" : need.deadline().toString()))
            .append(
                cell(
                    need.percent()
                        + "%"
                        + (need.satisfaction() == null
                            ? ""
                            : " · " + NeedLabels.of(this, "satisfaction", need.satisfaction()))))
            .append(
                cell(
                    NeedLabels.of(this, "status", need.status())
                        + (need.overdue() ? " · " + getTranslation("needs.overdue") : "")))
            .append("</tr>");
      }
      if (page.items().size() < PAGE) {
        break;
      }
    }
    html.append("</tbody></table>");
    return new Html(html.toString());
  }

  private static String cell(String text) {
    return "<td>" + escape(text == null ? "" : text) + "</td>";
  }

  /** Everything shown comes from users: escaped before it becomes HTML. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
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
