package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One line of a need's history: a transition or a 督办. */
@Serdeable
public record NeedEvent(
    Instant at,
    String actor,
    Action action,
    @Nullable Status from,
    Status to,
    @Nullable Integer percent,
    @Nullable String note) {}
