package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedAttachments;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/**
 * 提交需求: the garrison liaison's phone-friendly form for a need of its own unit (拥军优属), photos
 * included ({@link NeedEntryForm}).
 */
@Prototype
@Route(value = "needs/new", layout = MainLayout.class)
@Menu(title = "nav.needs-submit", order = 20, icon = "vaadin:plus-circle")
@RequiresRole(Role.GARRISON_LIAISON)
public class SubmitNeedView extends NeedEntryForm {
  public SubmitNeedView(
      TenantAccess access, NeedService needs, NeedAttachments attachments, UnitService units) {
    super(access, needs, attachments, units);
  }
}
