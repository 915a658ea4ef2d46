package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;

/** Filters of the needs list; a null field does not filter. */
public record NeedQuery(
    @Nullable Status status,
    @Nullable Direction direction,
    @Nullable Integer year,
    @Nullable Long garrisonUnitId,
    @Nullable Long responsibleUnitId,
    boolean overdueOnly,
    @Nullable String text) {

  public static NeedQuery all() {
    return new NeedQuery(null, null, null, null, null, false, null);
  }
}
