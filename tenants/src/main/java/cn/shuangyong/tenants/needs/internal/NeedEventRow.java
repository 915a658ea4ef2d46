package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code need_event}: what {@link cn.shuangyong.tenants.needs.api.NeedEvent} is read from.
 */
@MappedEntity("need_event")
public record NeedEventRow(
    @Id @GeneratedValue @Nullable Long id,
    long needId,
    Instant at,
    String actor,
    Action action,
    @Nullable Status fromStatus,
    Status toStatus,
    @Nullable Integer percent,
    @Nullable String note) {}
