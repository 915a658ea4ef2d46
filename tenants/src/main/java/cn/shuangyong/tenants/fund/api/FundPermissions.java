package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and do what with the 帮扶基金 ({@code api-contract.md}, grants and fund). The office
 * (CITY_ADMIN, CITY_STAFF) and supervisors read the fund and the grants, with ID numbers and phones
 * masked; handlers and liaisons never (these are families in hardship, not the units' business).
 * Only the office opens the papers and unmasks an applicant (each time audited); a supervisor
 * never. CITY_STAFF records applications and does the town/street review; CITY_ADMIN approves,
 * refuses, pays and sets the caps; either records inflows, adds papers and completes the paperwork
 * of a grant paid first.
 */
public final class FundPermissions {
  private FundPermissions() {}

  /** May this caller read the fund, its inflows and the grants (masked)? */
  public static boolean mayRead(CurrentUser user) {
    return user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR);
  }

  /** May this caller open a grant's papers, or see its applicant unmasked (audited)? */
  public static boolean mayOpenPersonalData(CurrentUser user) {
    return user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
  }

  /** May this caller do {@code action}? */
  public static boolean mayDo(CurrentUser user, Action action) {
    return switch (action) {
      case SUBMIT, REVIEW -> user.has(Role.CITY_STAFF);
      case APPROVE, REJECT, PAY, SET_CAPS -> user.has(Role.CITY_ADMIN);
      case COMPLETE_PAPERWORK, ATTACH, RECORD_INFLOW ->
          user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
    };
  }

  /**
   * The statuses of the grants that wait for this caller's step (the inbox): the staff reviews what
   * is SUBMITTED; the admin approves or refuses what is REVIEWED and pays what is APPROVED (an
   * urgent SUBMITTED one too, see {@link #awaitsUrgentPayment}). Grants paid first wait for the
   * office's paperwork whatever their status.
   */
  public static Set<Status> awaiting(CurrentUser user) {
    Set<Status> statuses = EnumSet.noneOf(Status.class);
    if (user.has(Role.CITY_STAFF)) {
      statuses.add(Status.SUBMITTED);
    }
    if (user.has(Role.CITY_ADMIN)) {
      statuses.add(Status.REVIEWED);
      statuses.add(Status.APPROVED);
    }
    return statuses;
  }

  /** Does an urgent SUBMITTED grant wait for this caller (the admin may pay it first)? */
  public static boolean awaitsUrgentPayment(CurrentUser user) {
    return user.has(Role.CITY_ADMIN);
  }

  /** Does a grant paid first wait for this caller's paperwork? */
  public static boolean awaitsPaperwork(CurrentUser user) {
    return mayDo(user, Action.COMPLETE_PAPERWORK);
  }
}
