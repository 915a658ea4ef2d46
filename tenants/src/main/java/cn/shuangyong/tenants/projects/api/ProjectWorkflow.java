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
 * it is cancelled; its fields are corrected while it is open; files are attached and taken off in
 * any status (the photos of a finished project, the notice of a cancelled one). And how progress is
 * derived.
 */
public final class ProjectWorkflow {
  private static final Map<Action, Set<Status>> ALLOWED_FROM =
      Map.ofEntries(
          Map.entry(Action.START, EnumSet.of(Status.PLANNED)),
          Map.entry(Action.FINISH, EnumSet.of(Status.IN_PROGRESS)),
          Map.entry(Action.CANCEL, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS)),
          Map.entry(Action.ADD_MILESTONE, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS)),
          Map.entry(Action.COMPLETE_MILESTONE, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS)),
          Map.entry(Action.ENTER_PROGRESS, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS)),
          Map.entry(Action.CLEAR_PROGRESS, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS)),
          Map.entry(Action.LINK_NEED, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS, Status.DONE)),
          Map.entry(
              Action.UNLINK_NEED, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS, Status.DONE)),
          Map.entry(Action.UPDATE, EnumSet.of(Status.PLANNED, Status.IN_PROGRESS)),
          Map.entry(Action.ADD_ATTACHMENT, EnumSet.allOf(Status.class)),
          Map.entry(Action.DELETE_ATTACHMENT, EnumSet.allOf(Status.class)));

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
          UNLINK_NEED,
          UPDATE,
          ADD_ATTACHMENT,
          DELETE_ATTACHMENT ->
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
