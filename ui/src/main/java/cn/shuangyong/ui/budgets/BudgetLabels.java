package cn.shuangyong.ui.budgets;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the budget screens write money (exact, to the fen, grouped) and rates (one decimal %). */
final class BudgetLabels {
  private BudgetLabels() {}

  static String money(@Nullable BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setParseBigDecimal(true);
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  static String percent(@Nullable BigDecimal fraction) {
    if (fraction == null) {
      return "—";
    }
    return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
