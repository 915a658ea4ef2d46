package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.events.TenantEvent;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.serde.annotation.Serdeable;

/** A step of the workflow was taken on a need: accepted, rejected, progressed, closed, 督办… */
@Serdeable
public record NeedAdvanced(TenantCode tenant, long needId, Action action, Status from, Status to)
    implements TenantEvent {
  @Override
  public String feature() {
    return NeedIndicators.FEATURE;
  }
}
