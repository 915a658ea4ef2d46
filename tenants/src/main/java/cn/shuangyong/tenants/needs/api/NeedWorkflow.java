package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The states of a need and the actions allowed from each, as practised: SUBMITTED → ACCEPTED or
 * REJECTED → IN_PROGRESS → COMPLETED → CLOSED once the requester confirms; an unsatisfied requester
 * sends it back to IN_PROGRESS. 督办 is recorded on any open need and changes no status. The asking
 * liaison may withdraw (撤回) its need while it is still SUBMITTED → WITHDRAWN, which ends it.
 *
 * <p>An unsatisfied confirmation is not a 销号: the REST action is still {@code confirm}, but what
 * happened is 退回重办 ({@link Action#REOPEN}), and the history, the notifications and the toast say
 * so; the shown progress goes back to what the unit had reported before it marked the need done.
 */
public final class NeedWorkflow {
  private static final Map<Action, Set<Status>> ALLOWED_FROM =
      Map.of(
          Action.ACCEPT, EnumSet.of(Status.SUBMITTED),
          Action.REJECT, EnumSet.of(Status.SUBMITTED),
          Action.PROGRESS, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS),
          Action.COMPLETE, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS),
          Action.CONFIRM, EnumSet.of(Status.COMPLETED),
          Action.SUPERVISE, EnumSet.of(Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROGRESS),
          Action.WITHDRAW, EnumSet.of(Status.SUBMITTED),
          Action.PROGRESS_ON_BEHALF, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS),
          Action.COMPLETE_ON_BEHALF, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS));

  private NeedWorkflow() {}

  public static boolean allows(Status from, Action action) {
    return ALLOWED_FROM.getOrDefault(action, Set.of()).contains(from);
  }

  /** The status after {@code action}; CONFIRM depends on the satisfaction given. */
  public static Status next(Status from, Action action, Satisfaction satisfaction) {
    return switch (action) {
      case ACCEPT -> Status.ACCEPTED;
      case REJECT -> Status.REJECTED;
      case PROGRESS, PROGRESS_ON_BEHALF -> Status.IN_PROGRESS;
      case COMPLETE, COMPLETE_ON_BEHALF -> Status.COMPLETED;
      case CONFIRM -> satisfaction == Satisfaction.UNSATISFIED ? Status.IN_PROGRESS : Status.CLOSED;
      case SUPERVISE -> from;
      case SUBMIT -> Status.SUBMITTED;
      case REOPEN -> Status.IN_PROGRESS;
      case WITHDRAW -> Status.WITHDRAWN;
    };
  }

  /**
   * What the step is called in the history, notifications, audit and toast: a confirmation rated
   * 不满意 sends the need back for rework (退回重办), so it is recorded as REOPEN, not CONFIRM.
   */
  public static Action recorded(Action action, @Nullable Satisfaction satisfaction) {
    return action == Action.CONFIRM && satisfaction == Satisfaction.UNSATISFIED
        ? Action.REOPEN
        : action;
  }

  /**
   * What a progress report or completion is recorded as: done by city staff for the assigned unit
   * it is 代为报告进度 / 代为办结, so the history, the audit and the unit's bell tell the two apart.
   */
  public static Action recorded(
      Action action, @Nullable Satisfaction satisfaction, boolean onBehalfOfTheUnit) {
    if (onBehalfOfTheUnit && action == Action.PROGRESS) {
      return Action.PROGRESS_ON_BEHALF;
    }
    if (onBehalfOfTheUnit && action == Action.COMPLETE) {
      return Action.COMPLETE_ON_BEHALF;
    }
    return recorded(action, satisfaction);
  }

  /** True for a step taken by city staff for the assigned unit, which must say why. */
  public static boolean onBehalf(Action action) {
    return action == Action.PROGRESS_ON_BEHALF || action == Action.COMPLETE_ON_BEHALF;
  }

  /**
   * The same for a history line stored before send-backs were named (a CONFIRM that led back to
   * IN_PROGRESS), so an old need's history does not call its send-back 确认销号 either.
   */
  public static NeedEvent shown(NeedEvent event) {
    return event.action() == Action.CONFIRM && event.to() == Status.IN_PROGRESS
        ? new NeedEvent(
            event.at(),
            event.actor(),
            Action.REOPEN,
            event.from(),
            event.to(),
            event.percent(),
            event.note())
        : event;
  }

  /**
   * The progress a need shows once sent back: the last percentage the unit reported below 100
   * before it marked the need done (the completion set 100 %), or 0 when it reported none. The
   * rework is not finished, so 100 % would contradict the status.
   */
  public static int percentAfterSendBack(List<NeedEvent> history) {
    int percent = 0;
    for (NeedEvent event : history) {
      boolean report =
          event.action() == Action.PROGRESS || event.action() == Action.PROGRESS_ON_BEHALF;
      if (report && event.percent() != null && event.percent() < 100) {
        percent = event.percent();
      }
    }
    return percent;
  }
}
