package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.events.TenantEvent;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import io.micronaut.serde.annotation.Serdeable;

/** A need entered the tenant's lists (submitted, recorded by the office, or imported). */
@Serdeable
public record NeedSubmitted(TenantCode tenant, long needId, Direction direction)
    implements TenantEvent {
  @Override
  public String feature() {
    return NeedIndicators.FEATURE;
  }
}
