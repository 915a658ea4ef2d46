package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The inputs of the project actions, as the API and the UI send them. Shape errors (missing, too
 * long) are 400; business rules (money, dates in order, units and needs of this tenant) are checked
 * by {@link ProjectRules} and the service and answer 422.
 */
public final class ProjectCommands {
  private ProjectCommands() {}

  @Serdeable
  public record Create(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 50) String category,
      @Nullable @Size(max = 50) List<Long> garrisonUnitIds,
      @Nullable Long responsibleUnitId,
      @Nullable BigDecimal budget,
      @NotNull FundingSource fundingSource,
      @NotNull LocalDate plannedStart,
      @NotNull LocalDate plannedEnd,
      @Nullable @Size(max = 100) List<Long> needIds,
      @Nullable @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR) Integer year) {}

  /**
   * A project's fields corrected by the office while it is PLANNED or IN_PROGRESS: the same as at
   * creation but the needs (linked one by one) and the year (kept).
   */
  @Serdeable
  public record Update(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 50) String category,
      @Nullable @Size(max = 50) List<Long> garrisonUnitIds,
      @Nullable Long responsibleUnitId,
      @Nullable BigDecimal budget,
      @NotNull FundingSource fundingSource,
      @NotNull LocalDate plannedStart,
      @NotNull LocalDate plannedEnd) {

    /** The same fields as a creation's, for the rules they share. */
    Create asCreate() {
      return new Create(
          name,
          category,
          garrisonUnitIds,
          responsibleUnitId,
          budget,
          fundingSource,
          plannedStart,
          plannedEnd,
          null,
          null);
    }
  }

  @Serdeable
  public record AddMilestone(@NotBlank @Size(max = 200) String title, @NotNull LocalDate dueDate) {}

  /** An optional note on start and finish. */
  @Serdeable
  public record Note(@Nullable @Size(max = 2000) String note) {}

  /** Progress entered by the office, 0..100, with an optional note of what was done. */
  @Serdeable
  public record EnterProgress(
      @NotNull @Min(0) @Max(100) Integer percent, @Nullable @Size(max = 2000) String note) {}

  /** A need of this tenant that the project fulfils. */
  @Serdeable
  public record LinkNeed(@NotNull @Min(1) Long needId) {}

  @Serdeable
  public record Cancel(@NotBlank @Size(max = 2000) String reason) {}
}
