package cn.shuangyong.ui.projects;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.tenants.projects.api.ProjectExport;
import cn.shuangyong.tenants.projects.api.ProjectService;
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
 * The yearly 军地互办实事 report on a plain page without navigation, ready for the browser's print
 * dialog: every project of the year with the export's columns ({@link
 * ProjectExport#printableReport}), the totals per status and per funding source, and the issuing
 * office and date at the end. The projects are those the reader may see, as on the list.
 */
@Prototype
@Route("projects/report")
@RequiresRole({
  Role.CITY_ADMIN,
  Role.CITY_STAFF,
  Role.UNIT_HANDLER,
  Role.GARRISON_LIAISON,
  Role.SUPERVISOR
})
public class ProjectReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {
  private final ProjectService projects;
  private final ProjectExport export;
  private final TenantDirectory tenants;
  private final TenantAccess access;
  private final CurrentUser user;

  public ProjectReportView(
      TenantAccess access, ProjectService projects, ProjectExport export, TenantDirectory tenants) {
    this.access = access;
    this.projects = projects;
    this.export = export;
    this.tenants = tenants;
    this.user = UiSession.requireUser();
    setId("project-report");
    ViewTitle.markMain(this);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("projects.report.page-title");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
    String tenant = user.tenant() != null ? user.tenant() : first(parameters, "tenant");
    int year = year(first(parameters, "year"), projects.today().getYear());
    removeAll();
    Button print =
        new Button(
            getTranslation("projects.report.print"),
            click -> getElement().executeJs("window.print()"));
    print.addClassName("no-print");
    print.setId("print-now");
    add(print);
    String city = tenant == null ? "" : tenants.find(tenant).map(t -> t.name()).orElse(tenant);
    H1 title = ViewTitle.of(city.isEmpty() ? getPageTitle() : city + " " + getPageTitle());
    title.addClassName("no-print");
    add(title);
    ProjectExport.PrintableReport report =
        export.printableReport(access.enter(tenant), year, getLocale());
    add(
        PrintableSheetView.report(
            city, report.title(), List.of(report.projects(), report.totals()), issued(city)));
  }

  /** The city's office and today's date (China time), in the reader's language. */
  private PrintableSheetView.Issued issued(String city) {
    DateTimeFormatter date =
        DateTimeFormatter.ofPattern(getTranslation("needs.print.date-pattern"), getLocale());
    return new PrintableSheetView.Issued(
        getTranslation("needs.print.issuer", city),
        getTranslation("needs.print.seal"),
        getTranslation("needs.print.issued", projects.today().format(date)));
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }

  /** The year asked for, when it is a plausible one; else this year. */
  private static int year(String value, int fallback) {
    try {
      int year = value == null ? fallback : Integer.parseInt(value);
      return PlausibleDates.plausibleYear(year) ? year : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
