package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.web.ValidationException.FieldError;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of the money, checked before any database work (each a 422 naming the field): amounts
 * that fit {@code NUMERIC(14,2)} (not negative, an expenditure above zero, at most two decimals, at
 * most 999,999,999,999.99), checked without arithmetic on the given number so that an absurd {@code
 * 1e999999999} costs nothing; a budget's categories once each; an expenditure's date in the year of
 * the budget it is booked on; spending past a line only with a reason. Rates are fractions 0..1
 * with four decimals.
 */
public final class BudgetRules {
  /** The largest amount {@code NUMERIC(14,2)} holds. */
  public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

  private BudgetRules() {}

  /**
   * The message key of what is wrong with {@code amount}, or null when valid; {@code positive}
   * refuses zero too (an expenditure), else zero is a valid amount (a budget line).
   */
  public static @Nullable String moneyProblem(@Nullable BigDecimal amount, boolean positive) {
    if (amount == null) {
      return "budget.amount.required";
    }
    if (amount.signum() < 0) {
      return "budget.amount.negative";
    }
    if (positive && amount.signum() == 0) {
      return "budget.amount.zero";
    }
    if (amount.compareTo(MAX_MONEY) > 0) {
      return "budget.amount.too-large";
    }
    // compared first, so the amount is small here and stripping its zeros is cheap
    if (amount.stripTrailingZeros().scale() > 2) {
      return "budget.amount.decimals";
    }
    return null;
  }

  /** Every broken rule of a year's budget (empty when it passes). */
  public static List<FieldError> check(BudgetCommands.SetBudget command) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<BudgetCommands.LineInput> lines = command.lines();
    for (int i = 0; i < lines.size(); i++) {
      BudgetCommands.LineInput line = lines.get(i);
      if (line == null || line.category() == null) {
        errors.add(new FieldError("lines[" + i + "].category", "budget.category.required"));
        continue;
      }
      String money = moneyProblem(line.amount(), false);
      if (money != null) {
        errors.add(new FieldError("lines[" + i + "].amount", money));
      }
      if (!seen.add(line.category().trim().toLowerCase(Locale.ROOT))) {
        errors.add(
            new FieldError("lines[" + i + "].category", "budget.category.twice", line.category()));
      }
    }
    return errors;
  }

  /** Every broken rule of an expenditure's own input (empty when it passes). */
  public static List<FieldError> check(BudgetCommands.RecordExpenditure command) {
    List<FieldError> errors = new ArrayList<>();
    String money = moneyProblem(command.amount(), true);
    if (money != null) {
      errors.add(new FieldError("amount", money));
    }
    if (command.year() != null
        && command.date() != null
        && command.date().getYear() != command.year()) {
      errors.add(
          new FieldError("date", "expenditure.date.outside-year", String.valueOf(command.year())));
    }
    return errors;
  }

  /**
   * The 422 when {@code amount} takes the line past its budget without a reason: the line's
   * remaining amount is named. Null when it stays within, or a reason is given.
   */
  public static @Nullable FieldError overBudget(
      BigDecimal budgeted, BigDecimal spent, BigDecimal amount, @Nullable String reason) {
    BigDecimal after = spent.add(amount);
    if (after.compareTo(budgeted) <= 0 || (reason != null && !reason.isBlank())) {
      return null;
    }
    return new FieldError(
        "overBudgetReason",
        "expenditure.over-budget",
        budgeted.subtract(spent).max(BigDecimal.ZERO).setScale(2).toPlainString());
  }

  /** {@code part / whole} with four decimals, null when {@code whole} is zero. */
  public static @Nullable BigDecimal rate(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
  }

  /**
   * {@code amount} shared by {@code units} (to the fen), null when there is no unit to share it.
   */
  public static @Nullable BigDecimal perUnit(BigDecimal amount, long units) {
    return units <= 0 ? null : amount.divide(BigDecimal.valueOf(units), 2, RoundingMode.HALF_UP);
  }

  /** The growth of {@code current} over {@code previous} (0.05 = 5 %), null without a previous. */
  public static @Nullable BigDecimal growth(BigDecimal current, @Nullable BigDecimal previous) {
    if (previous == null || previous.signum() == 0) {
      return null;
    }
    return current.subtract(previous).divide(previous, 4, RoundingMode.HALF_UP);
  }
}
