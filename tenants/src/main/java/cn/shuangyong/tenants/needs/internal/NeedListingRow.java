package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A need as {@link NeedStore} reads it: the columns of {@link NeedStore#NEED_COLUMNS} and the names
 * of its category and units, joined. Read by {@code JdbcOperations.readEntity}, never written.
 */
@MappedEntity("need")
public record NeedListingRow(
    @Id long id,
    int year,
    Direction direction,
    String title,
    @Nullable String description,
    @Nullable Long garrisonUnitId,
    Source source,
    @Nullable LocalDate expectedBy,
    Status status,
    @Nullable Long responsibleUnitId,
    @Nullable LocalDate deadline,
    @Nullable Level level,
    int percent,
    @Nullable String rejectionReason,
    @Nullable Satisfaction satisfaction,
    @Nullable String satisfactionComment,
    int supervisionCount,
    boolean sample,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    @Nullable Instant closedAt,
    String categoryName,
    @Nullable String garrisonUnitName,
    @Nullable String responsibleUnitName) {}
