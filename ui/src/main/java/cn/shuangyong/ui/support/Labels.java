package cn.shuangyong.ui.support;

import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.TenantStatus;
import com.vaadin.flow.component.Component;

/** Bundle labels of enum values shown in several views. */
public final class Labels {
  private Labels() {}

  public static String level(Component component, AdministrativeLevel level) {
    return level == null ? "" : component.getTranslation("level." + level.name());
  }

  public static String status(Component component, TenantStatus status) {
    return status == null ? "" : component.getTranslation("tenant.status." + status.name());
  }
}
