package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a need and the actions allowed from each, as practised: SUBMITTED → ACCEPTED or
 * REJECTED → IN_PROGRESS → COMPLETED → CLOSED once the requester confirms; an unsatisfied requester
 * sends it back to IN_PROGRESS. 督办 is recorded on any open need and changes no status.
 */
public final class NeedWorkflow {
  private static final Map<Action, Set<Status>> ALLOWED_FROM =
      Map.of(
          Action.ACCEPT, EnumSet.of(Status.SUBMITTED),
          Action.REJECT, EnumSet.of(Status.SUBMITTED),
          Action.PROGRESS, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS),
          Action.COMPLETE, EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS),
          Action.CONFIRM, EnumSet.of(Status.COMPLETED),
          Action.SUPERVISE, EnumSet.of(Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROGRESS));

  private NeedWorkflow() {}

  public static boolean allows(Status from, Action action) {
    return ALLOWED_FROM.getOrDefault(action, Set.of()).contains(from);
  }

  /** The status after {@code action}; CONFIRM depends on the satisfaction given. */
  public static Status next(Status from, Action action, Satisfaction satisfaction) {
    return switch (action) {
      case ACCEPT -> Status.ACCEPTED;
      case REJECT -> Status.REJECTED;
      case PROGRESS -> Status.IN_PROGRESS;
      case COMPLETE -> Status.COMPLETED;
      case CONFIRM -> satisfaction == Satisfaction.UNSATISFIED ? Status.IN_PROGRESS : Status.CLOSED;
      case SUPERVISE -> from;
      case SUBMIT -> Status.SUBMITTED;
      case REOPEN -> Status.IN_PROGRESS;
    };
  }
}
