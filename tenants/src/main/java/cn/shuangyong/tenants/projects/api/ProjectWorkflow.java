package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.ProgressSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import io.micronaut.core.annotation.Nullable;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a project and the steps allowed from each: PLANNED → IN_PROGRESS (start) → DONE
 * (finish); cancel from PLANNED or IN_PROGRESS, never once DONE. Milestones are added and completed
 * while the project is open, and progress entered or cleared; needs are linked and unlinked until
 * it is cancelled. And how progress is derived.
 */
public final class ProjectWorkflow {
  private static final Map<Action, Set<Status>> ALLOWED_FROM =
      Map.of(
          Action.START, EnumSet.of(Status.PLANNED),
          Action.FINISH, EnumSet.of(Status.IN_PROGRESS),
          Action.CANCEL, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS),
          Action.ADD_MILESTONE, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS),
          Action.COMPLETE_MILESTONE, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS),
          Action.ENTER_PROGRESS, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS),
          Action.CLEAR_PROGRESS, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS),
          Action.LINK_NEED, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS, Status.DONE),
          Action.UNLINK_NEED, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS, Status.DONE));

  private ProjectWorkflow() {}

  public static boolean allows(Status from, Action action) {
    return ALLOWED_FROM.getOrDefault(action, Set.of()).contains(from);
  }

  /** The status after {@code action}; milestone steps keep the status. */
  public static Status next(Status from, Action action) {
    return switch (action) {
      case CREATE -> Status.PLANNED;
      case START -> Status.IN_PROGRESS;
      case FINISH -> Status.DONE;
      case CANCEL -> Status.CANCELLED;
      case ADD_MILESTONE,
          COMPLETE_MILESTONE,
          ENTER_PROGRESS,
          CLEAR_PROGRESS,
          LINK_NEED,
          UNLINK_NEED ->
          from;
    };
  }

  /** A progress figure and where it comes from. */
  public record Progress(int percent, ProgressSource source) {}

  /**
   * The shown progress: a done project is 100 %; else what the office entered, if it did; else the
   * share of completed milestones (rounded down, so 100 % means all are done); else 0.
   */
  public static Progress progress(
      Status status, @Nullable Integer entered, int milestones, int completed) {
    if (status == Status.DONE) {
      return new Progress(100, ProgressSource.STATUS);
    }
    if (entered != null) {
      return new Progress(Math.max(0, Math.min(100, entered)), ProgressSource.ENTERED);
    }
    if (milestones > 0) {
      return new Progress(completed * 100 / milestones, ProgressSource.MILESTONES);
    }
    return new Progress(0, ProgressSource.NONE);
  }
}
