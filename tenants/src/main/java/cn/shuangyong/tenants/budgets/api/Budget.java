package cn.shuangyong.tenants.budgets.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A year's budget against what was spent: each line with {@code budgeted}, {@code spent}, {@code
 * evidenced} (spent with a voucher), {@code remaining} and {@code growthOverPreviousYear}, and the
 * same totals for the year. {@code executionRate} is spent / budgeted and {@code evidencedShare}
 * evidenced / spent (fractions 0..1, four decimals; null when nothing counts). Every amount is
 * exact to the fen, and the totals are the sums of the lines.
 */
@Serdeable
public record Budget(
    int year,
    List<Line> lines,
    BigDecimal budgeted,
    BigDecimal spent,
    BigDecimal evidenced,
    BigDecimal remaining,
    @Nullable BigDecimal previousYearBudgeted,
    @Nullable BigDecimal growthOverPreviousYear,
    @Nullable BigDecimal executionRate,
    @Nullable BigDecimal evidencedShare,
    long expenditures) {

  /** One line: a category's budget and its spending in the year. */
  @Serdeable
  public record Line(
      long id,
      String category,
      BigDecimal budgeted,
      BigDecimal spent,
      BigDecimal evidenced,
      BigDecimal remaining,
      @Nullable BigDecimal previousYearBudgeted,
      @Nullable BigDecimal growthOverPreviousYear,
      long expenditures) {}

  /** The year's figures from its lines and the previous year's total budget (null: none). */
  public static Budget of(int year, List<Line> lines, @Nullable BigDecimal previousYear) {
    BigDecimal budgeted = sum(lines, Line::budgeted);
    BigDecimal spent = sum(lines, Line::spent);
    BigDecimal evidenced = sum(lines, Line::evidenced);
    return new Budget(
        year,
        lines,
        budgeted,
        spent,
        evidenced,
        budgeted.subtract(spent),
        previousYear,
        BudgetRules.growth(budgeted, previousYear),
        BudgetRules.rate(spent, budgeted),
        BudgetRules.rate(evidenced, spent),
        lines.stream().mapToLong(Line::expenditures).sum());
  }

  private static BigDecimal sum(
      List<Line> lines, java.util.function.Function<Line, BigDecimal> amount) {
    return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
