package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/**
 * 我的任务: the needs assigned to the handler's responsible unit (the service restricts the list by
 * role); overdue ones are marked red. A click opens the detail, where progress is reported.
 */
@Prototype
@Route(value = "needs/tasks", layout = MainLayout.class)
@Menu(title = "nav.needs-tasks", order = 50, icon = "vaadin:tasks")
@RequiresRole(Role.UNIT_HANDLER)
public class MyTasksView extends VerticalLayout implements HasDynamicTitle {

  public MyTasksView(TenantAccess access, NeedService needs) {
    CurrentUser user = UiSession.requireUser();
    setId("my-tasks");
    setSizeFull();
    Checkbox overdueOnly = new Checkbox(getTranslation("needs.filter.overdue"));
    overdueOnly.setId("filter-overdue");
    NeedGrid grid =
        new NeedGrid(
            access,
            needs,
            user,
            user::tenant,
            () -> new NeedQuery(null, null, null, null, null, overdueOnly.getValue(), null),
            false);
    grid.setSizeFull();
    overdueOnly.addValueChangeListener(event -> grid.refresh());
    add(new H2(getTranslation("nav.needs-tasks")), overdueOnly, grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.needs-tasks") + " · " + getTranslation("app.name");
  }
}
