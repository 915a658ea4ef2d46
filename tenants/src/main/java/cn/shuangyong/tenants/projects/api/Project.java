package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.ProgressSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 拥军项目: one troop-support project as the API shows it. {@code progress} (0..100) says where it
 * comes from in {@code progressSource}; {@code overdueMilestones} counts milestones past their due
 * date and not completed; {@code needs} names the needs of {@code needIds}. {@code milestones} and
 * {@code history} are filled on the detail only.
 */
@Serdeable
public record Project(
    long id,
    int year,
    String name,
    String category,
    List<Long> garrisonUnitIds,
    List<UnitName> garrisonUnits,
    long responsibleUnitId,
    String responsibleUnitName,
    BigDecimal budget,
    FundingSource fundingSource,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    Status status,
    @Nullable String cancelReason,
    int progress,
    ProgressSource progressSource,
    int milestoneCount,
    int completedMilestones,
    int overdueMilestones,
    List<Long> needIds,
    List<NeedName> needs,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    @Nullable List<Milestone> milestones,
    @Nullable List<ProjectEvent> history) {

  /** A unit by id and name (the screens show names, never ids). */
  @Serdeable
  public record UnitName(long id, String name) {}

  /** A need the project fulfils, by id and title (the sheets and the report show titles). */
  @Serdeable
  public record NeedName(long id, String title) {}

  public Project withDetail(List<Milestone> milestoneList, List<ProjectEvent> events) {
    return new Project(
        id,
        year,
        name,
        category,
        garrisonUnitIds,
        garrisonUnits,
        responsibleUnitId,
        responsibleUnitName,
        budget,
        fundingSource,
        plannedStart,
        plannedEnd,
        status,
        cancelReason,
        progress,
        progressSource,
        milestoneCount,
        completedMilestones,
        overdueMilestones,
        needIds,
        needs,
        createdAt,
        createdBy,
        updatedAt,
        List.copyOf(milestoneList),
        List.copyOf(events));
  }
}
