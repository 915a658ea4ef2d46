package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedAttachments;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/**
 * 新建需求: the office's entry of a need (what was heard in a visit, or a 拥政爱民 ask of the city), opened
 * from the board's toolbar. The liaison's form with the direction and the garrison unit to choose
 * ({@link NeedEntryForm}); no drawer entry: the board is the office's door to needs.
 */
@Prototype
@Route(value = "needs/board/new", layout = MainLayout.class)
@RequiresRole({Role.CITY_ADMIN, Role.CITY_STAFF})
public class NewNeedView extends NeedEntryForm {
  public NewNeedView(
      TenantAccess access, NeedService needs, NeedAttachments attachments, UnitService units) {
    super(access, needs, attachments, units);
  }
}
