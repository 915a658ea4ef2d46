package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The inputs of the 双清单 actions, as the API and the UI send them. */
public final class NeedCommands {
  private NeedCommands() {}

  @Serdeable
  public record Submit(
      @NotNull Direction direction,
      @NotBlank @Size(max = 200) String title,
      @Nullable @Size(max = 4000) String description,
      @NotBlank @Size(max = 50) String category,
      @Nullable Long garrisonUnitId,
      @Nullable LocalDate expectedBy,
      @Nullable Source source,
      @Nullable @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR) Integer year) {}

  /** FOR_TROOPS names the responsible unit; FOR_CIVILIANS names the garrison unit that does it. */
  @Serdeable
  public record Accept(
      @Nullable Long responsibleUnitId,
      @Nullable Long garrisonUnitId,
      @NotNull LocalDate deadline,
      @Nullable Level level,
      @Nullable @Size(max = 2000) String note) {}

  @Serdeable
  public record Reject(@NotBlank @Size(max = 2000) String reason) {}

  @Serdeable
  public record Progress(
      @NotNull @Min(0) @Max(100) Integer percent, @Nullable @Size(max = 2000) String note) {}

  @Serdeable
  public record Complete(@Nullable @Size(max = 2000) String note) {}

  @Serdeable
  public record Confirm(
      @NotNull Satisfaction satisfaction, @Nullable @Size(max = 2000) String comment) {}

  /** 撤回: why the liaison takes the need back, optional. */
  @Serdeable
  public record Withdraw(@Nullable @Size(max = 2000) String note) {}

  @Serdeable
  public record Supervise(@NotBlank @Size(max = 2000) String note) {}
}
