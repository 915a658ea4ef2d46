package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.events.TenantEvent;
import cn.shuangyong.platform.tenancy.TenantCode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The money of a year changed: its budget was set, an expenditure recorded or a voucher kept;
 * published after the change commits, so the platform summary refreshes the budget figures.
 */
@Serdeable
public record BudgetChanged(
    TenantCode tenant, int year, BudgetPermissions.Action action, long targetId)
    implements TenantEvent {
  /** The feature name of the budgets in events and the platform summary. */
  public static final String FEATURE = "budgets";

  @Override
  public String feature() {
    return FEATURE;
  }
}
