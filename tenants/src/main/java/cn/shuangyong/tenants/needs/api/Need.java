package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 双清单事项: one item of the mutual lists, as the API shows it. {@code overdue} is computed: a deadline
 * in the past and the need still open. {@code history} is filled on the detail only.
 */
@Serdeable
public record Need(
    long id,
    int year,
    Direction direction,
    String title,
    @Nullable String description,
    String category,
    @Nullable Long garrisonUnitId,
    @Nullable String garrisonUnitName,
    Source source,
    @Nullable LocalDate expectedBy,
    Status status,
    @Nullable Long responsibleUnitId,
    @Nullable String responsibleUnitName,
    @Nullable LocalDate deadline,
    @Nullable Level level,
    int percent,
    @Nullable String rejectionReason,
    @Nullable Satisfaction satisfaction,
    @Nullable String satisfactionComment,
    int supervisionCount,
    boolean overdue,
    boolean sample,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    @Nullable Instant closedAt,
    @Nullable List<NeedEvent> history) {

  public Need withHistory(List<NeedEvent> events) {
    return new Need(
        id,
        year,
        direction,
        title,
        description,
        category,
        garrisonUnitId,
        garrisonUnitName,
        source,
        expectedBy,
        status,
        responsibleUnitId,
        responsibleUnitName,
        deadline,
        level,
        percent,
        rejectionReason,
        satisfaction,
        satisfactionComment,
        supervisionCount,
        overdue,
        sample,
        createdAt,
        createdBy,
        updatedAt,
        closedAt,
        List.copyOf(events));
  }
}
