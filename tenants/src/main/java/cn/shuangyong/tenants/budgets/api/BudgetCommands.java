package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.web.PlausibleDates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The inputs of the budget actions, as the API and the UI send them. Shape errors (missing, too
 * long) are 400; the money, the dates and the lines are checked by {@link BudgetRules} and the
 * service and answer 422.
 */
public final class BudgetCommands {
  private BudgetCommands() {}

  /** One line of a year's budget: a category (by name) and the amount budgeted for it. */
  @Serdeable
  public record LineInput(@NotBlank @Size(max = 50) String category, @Nullable BigDecimal amount) {}

  /** The year's whole budget: the lines replace the ones kept. */
  @Serdeable
  public record SetBudget(@NotNull @Size(max = 100) @Valid List<LineInput> lines) {}

  /**
   * An expenditure booked on the line of {@code category} in the budget of {@code year} (the year
   * of {@code date} when absent; the date must lie in it). Past the line's budget only with an
   * {@code overBudgetReason}.
   */
  @Serdeable
  public record RecordExpenditure(
      @NotNull LocalDate date,
      @Nullable BigDecimal amount,
      @NotBlank @Size(max = 50) String category,
      @NotBlank @Size(max = 200) String payee,
      @NotBlank @Size(max = 2000) String purpose,
      @Nullable Long projectId,
      @Nullable Long needId,
      @Nullable @Size(max = 2000) String overBudgetReason,
      @Nullable @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR) Integer year) {}

  /** A new category of budget lines. */
  @Serdeable
  public record AddCategory(@NotBlank @Size(max = 50) String name) {}
}
