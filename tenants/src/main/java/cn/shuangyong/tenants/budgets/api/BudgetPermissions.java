package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;

/**
 * Who may see and do what with the 双拥工作经费. Every role of the tenant and supervisors read the budget
 * and the ledger ({@code api-contract.md}: "tenant roles, SUPERVISOR"; the money spent for the
 * troops is public to those it is spent with); the vouchers themselves (receipts that name people)
 * only the office and supervisors download. Only the city admin sets a year's budget; the office
 * records expenditures and keeps their vouchers; a supervisor never writes.
 */
public final class BudgetPermissions {
  /** What is done with the money. */
  public enum Action {
    SET_BUDGET,
    ADD_CATEGORY,
    RECORD_EXPENDITURE,
    ATTACH_VOUCHER
  }

  private BudgetPermissions() {}

  /** May this caller read the budget, the ledger, the vouchers and the figures? */
  public static boolean mayRead(CurrentUser user) {
    return user.hasAny(
        Role.CITY_ADMIN,
        Role.CITY_STAFF,
        Role.UNIT_HANDLER,
        Role.GARRISON_LIAISON,
        Role.SUPERVISOR);
  }

  /** May this caller download a voucher (the office and supervisors)? */
  public static boolean mayReadVouchers(CurrentUser user) {
    return user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR);
  }

  /** May this caller do {@code action}? */
  public static boolean mayDo(CurrentUser user, Action action) {
    return switch (action) {
      case SET_BUDGET, ADD_CATEGORY -> user.has(Role.CITY_ADMIN);
      case RECORD_EXPENDITURE, ATTACH_VOUCHER -> user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
    };
  }
}
