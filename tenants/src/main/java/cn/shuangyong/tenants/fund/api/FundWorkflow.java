package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The steps of a grant and the statuses each is allowed from: review from SUBMITTED; approve and
 * reject from REVIEWED; pay from APPROVED, or, for an urgent case (先行支付), from SUBMITTED or
 * REVIEWED too; papers added until it is refused. Completing the paperwork keeps the status and is
 * allowed only while a grant paid first waits for it.
 */
public final class FundWorkflow {
  private static final Map<Action, Set<Status>> ALLOWED_FROM =
      Map.of(
          Action.REVIEW, EnumSet.of(Status.SUBMITTED),
          Action.APPROVE, EnumSet.of(Status.REVIEWED),
          Action.REJECT, EnumSet.of(Status.REVIEWED),
          Action.PAY, EnumSet.of(Status.APPROVED),
          Action.COMPLETE_PAPERWORK, EnumSet.of(Status.PAID),
          Action.ATTACH,
              EnumSet.of(Status.SUBMITTED, Status.REVIEWED, Status.APPROVED, Status.PAID));
  private static final Set<Status> URGENT_PAY_FROM =
      EnumSet.of(Status.SUBMITTED, Status.REVIEWED, Status.APPROVED);

  private FundWorkflow() {}

  /**
   * May {@code action} be done on a grant in {@code from}? {@code urgent} widens paying; {@code
   * paperworkPending} is what completing the paperwork needs.
   */
  public static boolean allows(
      Status from, Action action, boolean urgent, boolean paperworkPending) {
    if (action == Action.PAY && urgent) {
      return URGENT_PAY_FROM.contains(from);
    }
    if (action == Action.COMPLETE_PAPERWORK && !paperworkPending) {
      return false;
    }
    return ALLOWED_FROM.getOrDefault(action, Set.of()).contains(from);
  }

  /** The status after {@code action}; {@code approve} is the review's outcome. */
  public static Status next(Status from, Action action, boolean approve) {
    return switch (action) {
      case SUBMIT -> Status.SUBMITTED;
      case REVIEW -> approve ? Status.REVIEWED : Status.REJECTED;
      case APPROVE -> Status.APPROVED;
      case REJECT -> Status.REJECTED;
      case PAY -> Status.PAID;
      case COMPLETE_PAPERWORK, ATTACH, RECORD_INFLOW, SET_CAPS -> from;
    };
  }

  /** A payment made before the county's approval is a payment first (先行支付). */
  public static boolean paysFirst(Status from) {
    return from != Status.APPROVED;
  }
}
