package cn.shuangyong.ui.layout;

import cn.shuangyong.platform.identity.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Beside Vaadin's {@code @Menu}: the drawer title (a bundle key) for users with this role, when the
 * view means something else to them (the platform admin's 城市管理 is a supervisor's 辖区城市).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MenuTitleFor {
  Role role();

  String title();
}
