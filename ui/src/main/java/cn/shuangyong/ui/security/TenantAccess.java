package cn.shuangyong.ui.security;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * How a view enters a tenant: once per page the user opens, the way a controller binds one context
 * per request. The context is kept on the browser tab's UI together with the page's location, so
 * grid callbacks, dialogs and refreshes of one page reuse it (a supervisor's read is audited once
 * per page and city, not once per callback), and opening another page enters anew.
 */
@Singleton
public class TenantAccess {
  private final TenantDirectory directory;

  TenantAccess(TenantDirectory directory) {
    this.directory = directory;
  }

  /** The signed-in user's own tenant (city users). */
  public TenantContext own() {
    return enter(UiSession.requireUser().tenant());
  }

  /** A tenant the user may see (its own, or one it supervises), else 404 as a problem. */
  public TenantContext enter(String tenantCode) {
    CurrentUser user = UiSession.requireUser();
    UI ui = UI.getCurrent();
    if (ui == null) {
      return directory.enter(user, tenantCode);
    }
    String page = ui.getInternals().getActiveViewLocation().getPathWithQueryParameters();
    Entered entered = ComponentUtil.getData(ui, Entered.class);
    if (entered != null && entered.matches(user, page, tenantCode)) {
      return entered.context();
    }
    TenantContext context = directory.enter(user, tenantCode);
    ComponentUtil.setData(ui, Entered.class, new Entered(user, page, tenantCode, context));
    return context;
  }

  private record Entered(CurrentUser user, String page, String code, TenantContext context) {
    boolean matches(CurrentUser other, String otherPage, String otherCode) {
      return user.equals(other) && page.equals(otherPage) && Objects.equals(code, otherCode);
    }
  }
}
