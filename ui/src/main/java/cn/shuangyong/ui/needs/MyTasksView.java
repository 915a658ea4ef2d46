package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;

/**
 * 我的任务: the needs assigned to the handler's responsible unit (the service restricts the list by
 * role); overdue ones are marked red. A click opens the detail, where progress is reported. The
 * home page's counts open it filtered ({@code ?status=IN_PROGRESS}, {@code ?overdue=true}).
 */
@Prototype
@Route(value = "needs/tasks", layout = MainLayout.class)
@Menu(title = "nav.needs-tasks", order = 50, icon = "vaadin:tasks")
@RequiresRole(Role.UNIT_HANDLER)
public class MyTasksView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
  private final Select<Status> status = new Select<>();
  private final Checkbox overdueOnly = new Checkbox();

  public MyTasksView(TenantAccess access, NeedService needs) {
    CurrentUser user = UiSession.requireUser();
    setId("my-tasks");
    setSizeFull();
    overdueOnly.setLabel(getTranslation("needs.filter.overdue"));
    overdueOnly.setId("filter-overdue");
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
    NeedGrid grid =
        new NeedGrid(
            access,
            needs,
            user,
            user::tenant,
            () ->
                new NeedQuery(
                    status.getValue(), null, null, null, null, overdueOnly.getValue(), null),
            false);
    grid.setSizeFull();
    grid.emptyStates(
        () -> status.getValue() != null || overdueOnly.getValue(),
        EmptyState.nothingYet(getTranslation("needs.empty.tasks")),
        EmptyState.noMatch(
            getTranslation("needs.empty.no-match"),
            getTranslation("empty.clear-filters"),
            () -> {
              status.clear();
              overdueOnly.setValue(false);
            }));
    status.addValueChangeListener(event -> grid.refresh());
    overdueOnly.addValueChangeListener(event -> grid.refresh());
    FlexLayout filters = new FlexLayout(status, overdueOnly);
    filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    filters.setAlignItems(Alignment.BASELINE);
    filters.addClassNames(LumoUtility.Gap.Column.MEDIUM);
    add(ViewTitle.of(getTranslation("nav.needs-tasks")), filters, grid);
  }

  /** The filters a link brings: {@code status} (a status name) and {@code overdue=true}. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    QueryParameters parameters = event.getLocation().getQueryParameters();
    status.setValue(NeedLabels.statusParameter(parameters).orElse(null));
    overdueOnly.setValue(
        parameters.getSingleParameter("overdue").map("true"::equalsIgnoreCase).orElse(false));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.needs-tasks") + " · " + getTranslation("app.name");
  }
}
