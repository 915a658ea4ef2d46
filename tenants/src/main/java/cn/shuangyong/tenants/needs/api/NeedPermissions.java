package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import java.util.Objects;

/**
 * Who may do what to a need ({@code api-contract.md}, Needs). For FOR_TROOPS the responsible unit's
 * handler works and the asking garrison's liaison confirms; for FOR_CIVILIANS the roles mirror: the
 * assigned garrison's liaison works and city staff confirm.
 */
public final class NeedPermissions {
  private NeedPermissions() {}

  /** May this caller see this need at all (others' needs are "not found")? */
  public static boolean maySee(CurrentUser user, Need need) {
    if (user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR)) {
      return true;
    }
    if (user.has(Role.GARRISON_LIAISON)) {
      return Objects.equals(user.garrisonUnitId(), need.garrisonUnitId());
    }
    if (user.has(Role.UNIT_HANDLER)) {
      return Objects.equals(user.responsibleUnitId(), need.responsibleUnitId());
    }
    return false;
  }

  public static boolean mayDo(CurrentUser user, Need need, Action action) {
    boolean office = user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
    boolean troops = need.direction() == Direction.FOR_TROOPS;
    return switch (action) {
      case ACCEPT, REJECT -> office;
      case PROGRESS, COMPLETE -> user.has(Role.CITY_STAFF) || isAssignee(user, need);
      case CONFIRM ->
          troops
              ? user.has(Role.GARRISON_LIAISON)
                  && Objects.equals(user.garrisonUnitId(), need.garrisonUnitId())
              : user.has(Role.CITY_STAFF);
      case SUPERVISE -> user.hasAny(Role.SUPERVISOR, Role.CITY_ADMIN);
      case SUBMIT -> office || user.has(Role.GARRISON_LIAISON);
      case REOPEN -> false;
      case PROGRESS_ON_BEHALF, COMPLETE_ON_BEHALF -> actsOnBehalf(user, need);
      // the requester takes it back: the asking garrison (FOR_TROOPS) or the office
      case WITHDRAW ->
          office
              || troops
                  && user.has(Role.GARRISON_LIAISON)
                  && Objects.equals(user.garrisonUnitId(), need.garrisonUnitId());
    };
  }

  /**
   * City staff working a need assigned to a unit they are not: their progress report or completion
   * is made for that unit (代为报告进度 / 代为办结), recorded as such and with a reason.
   */
  public static boolean actsOnBehalf(CurrentUser user, Need need) {
    return user.has(Role.CITY_STAFF) && !isAssignee(user, need);
  }

  private static boolean isAssignee(CurrentUser user, Need need) {
    if (need.direction() == Direction.FOR_TROOPS) {
      return user.has(Role.UNIT_HANDLER)
          && need.responsibleUnitId() != null
          && need.responsibleUnitId().equals(user.responsibleUnitId());
    }
    return user.has(Role.GARRISON_LIAISON)
        && need.garrisonUnitId() != null
        && need.garrisonUnitId().equals(user.garrisonUnitId());
  }
}
