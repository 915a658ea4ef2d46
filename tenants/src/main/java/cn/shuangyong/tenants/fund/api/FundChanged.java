package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.events.TenantEvent;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The fund or one of its grants changed: an inflow recorded, the caps set, a grant submitted or
 * moved on a step ({@code grantId} and the statuses then); published after the change commits, so
 * the platform summary refreshes the grants' figures.
 */
@Serdeable
public record FundChanged(
    TenantCode tenant,
    Action action,
    @Nullable Long grantId,
    @Nullable Status from,
    @Nullable Status to)
    implements TenantEvent {
  /** The feature name of the fund in events and the platform summary. */
  public static final String FEATURE = "fund";

  @Override
  public String feature() {
    return FEATURE;
  }
}
