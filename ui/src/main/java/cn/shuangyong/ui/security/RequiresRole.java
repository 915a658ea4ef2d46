package cn.shuangyong.ui.security;

import cn.shuangyong.platform.identity.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may open a view (any one of them suffices). A view without it is open to every
 * signed-in user; {@link LoginView} is the only view open to anonymous users.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresRole {
  Role[] value();
}
