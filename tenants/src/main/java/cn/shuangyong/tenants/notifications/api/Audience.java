package cn.shuangyong.tenants.notifications.api;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import io.micronaut.core.annotation.Nullable;

/** Who a notification is for: the office, one responsible unit or one garrison unit. */
public record Audience(Kind kind, @Nullable Long unitId) {
  public enum Kind {
    OFFICE,
    RESPONSIBLE_UNIT,
    GARRISON_UNIT
  }

  public static final Audience OFFICE = new Audience(Kind.OFFICE, null);

  public static Audience responsibleUnit(long id) {
    return new Audience(Kind.RESPONSIBLE_UNIT, id);
  }

  public static Audience garrisonUnit(long id) {
    return new Audience(Kind.GARRISON_UNIT, id);
  }

  /** The audience a signed-in user reads; null when the user reads none (supervisors). */
  public static @Nullable Audience of(CurrentUser user) {
    if (user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF)) {
      return OFFICE;
    }
    if (user.has(Role.UNIT_HANDLER) && user.responsibleUnitId() != null) {
      return responsibleUnit(user.responsibleUnitId());
    }
    if (user.has(Role.GARRISON_LIAISON) && user.garrisonUnitId() != null) {
      return garrisonUnit(user.garrisonUnitId());
    }
    return null;
  }
}
