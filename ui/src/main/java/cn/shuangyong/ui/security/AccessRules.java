package cn.shuangyong.ui.security;

import cn.shuangyong.platform.identity.CurrentUser;

/** Who may open which view, read from {@link RequiresRole}. */
public final class AccessRules {
  private AccessRules() {}

  public static boolean mayEnter(CurrentUser user, Class<?> view) {
    RequiresRole required = view.getAnnotation(RequiresRole.class);
    return required == null || user.hasAny(required.value());
  }
}
