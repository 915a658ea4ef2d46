package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import java.util.Objects;

/**
 * Who may see and do what to a project. The city office (CITY_ADMIN, CITY_STAFF) and supervisors
 * see every project of the tenant; a UNIT_HANDLER sees the projects its responsible unit carries
 * out; a GARRISON_LIAISON sees the projects that benefit its garrison unit (one of the project's
 * garrison units). Any other project is "not found" for them. Only the office creates projects and
 * moves them on (start, finish, cancel, milestones); a supervisor never writes.
 */
public final class ProjectPermissions {
  private ProjectPermissions() {}

  /** May this caller see this project at all (others' projects are "not found")? */
  public static boolean maySee(CurrentUser user, Project project) {
    if (user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR)) {
      return true;
    }
    if (user.has(Role.UNIT_HANDLER)
        && Objects.equals(user.responsibleUnitId(), project.responsibleUnitId())) {
      return true;
    }
    return user.has(Role.GARRISON_LIAISON)
        && user.garrisonUnitId() != null
        && project.garrisonUnitIds().contains(user.garrisonUnitId());
  }

  /** May this caller do {@code action} (on any project it may see)? */
  public static boolean mayDo(CurrentUser user, Action action) {
    return switch (action) {
      case CREATE,
          START,
          FINISH,
          CANCEL,
          ADD_MILESTONE,
          COMPLETE_MILESTONE,
          ENTER_PROGRESS,
          CLEAR_PROGRESS,
          LINK_NEED,
          UNLINK_NEED,
          UPDATE,
          ADD_ATTACHMENT,
          DELETE_ATTACHMENT ->
          user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
    };
  }
}
