package cn.shuangyong.tenants.budgets.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import cn.shuangyong.tenants.budgets.api.BudgetPermissions.Action;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The budgets' permission and money tables without a database: every role against reading and every
 * action, the amounts NUMERIC(14,2) takes or refuses, the over-budget rule at the fen, rates and
 * growth, and totals that are the sums of their lines to the cent.
 */
class BudgetRulesTest {
  /** Role → may read, then the actions it may do, in the order of {@link Action}. */
  private static final List<String> PERMISSIONS =
      List.of(
          // read vouchers | SET_BUDGET ADD_CATEGORY RECORD_EXPENDITURE ATTACH_VOUCHER
          "CITY_ADMIN        x x | x x x x",
          "CITY_STAFF        x x | . . x x",
          "SUPERVISOR        x x | . . . .",
          "UNIT_HANDLER      x . | . . . .",
          "GARRISON_LIAISON  x . | . . . .",
          "PLATFORM_ADMIN    . . | . . . .");

  @Test
  void eachRoleReadsAndDoesExactlyWhatTheTableSays() {
    List<String> actual = new ArrayList<>();
    for (String line : PERMISSIONS) {
      Role role = Role.valueOf(line.substring(0, line.indexOf(' ')));
      CurrentUser user = new CurrentUser("u", "u", Set.of(role), "pinghu", null, 7L, 11L);
      StringBuilder row = new StringBuilder(String.format("%-17s", role.name()));
      row.append(BudgetPermissions.mayRead(user) ? " x" : " .");
      row.append(BudgetPermissions.mayReadVouchers(user) ? " x" : " .").append(" |");
      for (Action action : Action.values()) {
        row.append(BudgetPermissions.mayDo(user, action) ? " x" : " .");
      }
      actual.add(row.toString());
    }
    assertThat(actual).containsExactlyElementsOf(PERMISSIONS);
  }

  @Test
  void moneyFitsNumeric14Comma2OrSaysWhy() {
    assertThat(BudgetRules.moneyProblem(new BigDecimal("0"), false)).isNull();
    assertThat(BudgetRules.moneyProblem(new BigDecimal("0"), true)).isEqualTo("budget.amount.zero");
    assertThat(BudgetRules.moneyProblem(new BigDecimal("0.00"), true))
        .isEqualTo("budget.amount.zero");
    assertThat(BudgetRules.moneyProblem(new BigDecimal("0.01"), true)).isNull();
    assertThat(BudgetRules.moneyProblem(new BigDecimal("1.50000"), true)).isNull();
    assertThat(BudgetRules.moneyProblem(new BigDecimal("999999999999.99"), true)).isNull();
    assertThat(BudgetRules.moneyProblem(null, true)).isEqualTo("budget.amount.required");
    assertThat(BudgetRules.moneyProblem(new BigDecimal("-0.01"), false))
        .isEqualTo("budget.amount.negative");
    assertThat(BudgetRules.moneyProblem(new BigDecimal("1000000000000"), true))
        .isEqualTo("budget.amount.too-large");
    assertThat(BudgetRules.moneyProblem(new BigDecimal("1e999999999"), true))
        .isEqualTo("budget.amount.too-large");
    assertThat(BudgetRules.moneyProblem(new BigDecimal("0.001"), true))
        .isEqualTo("budget.amount.decimals");
    assertThat(BudgetRules.moneyProblem(new BigDecimal("1e-999999999"), true))
        .isEqualTo("budget.amount.decimals");
  }

  @Test
  void spendingPastALineNeedsAReasonAndTheMessageNamesWhatIsLeft() {
    BigDecimal budget = new BigDecimal("1000.00");
    BigDecimal spent = new BigDecimal("999.99");
    assertThat(BudgetRules.overBudget(budget, spent, new BigDecimal("0.01"), null))
        .as("exactly to the budget is within it")
        .isNull();
    FieldError over = BudgetRules.overBudget(budget, spent, new BigDecimal("0.02"), null);
    assertThat(over).isNotNull();
    assertThat(over.field()).isEqualTo("overBudgetReason");
    assertThat(over.messageKey()).isEqualTo("expenditure.over-budget");
    assertThat(over.arguments()).containsExactly("0.01");
    assertThat(BudgetRules.overBudget(budget, spent, new BigDecimal("0.02"), "  ")).isNotNull();
    assertThat(BudgetRules.overBudget(budget, spent, new BigDecimal("5"), "春节慰问追加")).isNull();
    assertThat(
            BudgetRules.overBudget(budget, new BigDecimal("1200.00"), BigDecimal.ONE, null)
                .arguments())
        .as("an overspent line has nothing left, never a negative remainder")
        .containsExactly("0.00");
  }

  @Test
  void aBudgetNamesEachCategoryOnceAndEachBadAmountByItsLine() {
    List<FieldError> errors =
        BudgetRules.check(
            new BudgetCommands.SetBudget(
                Arrays.asList(
                    new BudgetCommands.LineInput("慰问", new BigDecimal("100")),
                    new BudgetCommands.LineInput("慰问 ", new BigDecimal("1")),
                    new BudgetCommands.LineInput("其他", new BigDecimal("-1")),
                    null)));
    assertThat(errors)
        .extracting(FieldError::field, FieldError::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lines[1].category", "budget.category.twice"),
            org.assertj.core.groups.Tuple.tuple("lines[2].amount", "budget.amount.negative"),
            org.assertj.core.groups.Tuple.tuple("lines[3].category", "budget.category.required"));
  }

  @Test
  void anExpenditureDatedOutsideTheYearOfItsBudgetIsRefused() {
    BudgetCommands.RecordExpenditure command =
        new BudgetCommands.RecordExpenditure(
            LocalDate.of(2025, 12, 31),
            new BigDecimal("10.00"),
            "慰问",
            "某部",
            "春节慰问",
            null,
            null,
            null,
            2026);
    assertThat(BudgetRules.check(command))
        .extracting(FieldError::messageKey)
        .containsExactly("expenditure.date.outside-year");
  }

  @Test
  void growthAndRatesAreFractionsWithFourDecimalsOrNullWhenNothingCounts() {
    assertThat(BudgetRules.growth(new BigDecimal("105.00"), new BigDecimal("100.00")))
        .isEqualByComparingTo("0.05");
    assertThat(BudgetRules.growth(new BigDecimal("90"), new BigDecimal("100")))
        .isEqualByComparingTo("-0.1");
    assertThat(BudgetRules.growth(BigDecimal.TEN, null)).isNull();
    assertThat(BudgetRules.growth(BigDecimal.TEN, BigDecimal.ZERO)).isNull();
    assertThat(BudgetRules.rate(BigDecimal.ONE, new BigDecimal("3"))).isEqualTo("0.3333");
    assertThat(BudgetRules.rate(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
  }

  @Test
  void theYearsTotalsAreTheSumsOfItsLinesToTheCent() {
    Random random = new Random(20261202);
    List<Budget.Line> lines = new ArrayList<>();
    long budgetedFen = 0;
    long spentFen = 0;
    long evidencedFen = 0;
    for (int i = 0; i < 9; i++) {
      long budgeted = random.nextInt(1_000_000_00);
      long spent = random.nextInt(1_000_000_00);
      long evidenced = spent == 0 ? 0 : random.nextLong(spent);
      budgetedFen += budgeted;
      spentFen += spent;
      evidencedFen += evidenced;
      lines.add(
          new Budget.Line(
              i,
              "c" + i,
              fen(budgeted),
              fen(spent),
              fen(evidenced),
              fen(budgeted - spent),
              null,
              null,
              1));
    }
    Budget budget = Budget.of(2026, lines, fen(budgetedFen / 2));
    assertThat(budget.budgeted()).isEqualTo(fen(budgetedFen));
    assertThat(budget.spent()).isEqualTo(fen(spentFen));
    assertThat(budget.evidenced()).isEqualTo(fen(evidencedFen));
    assertThat(budget.remaining()).isEqualTo(fen(budgetedFen - spentFen));
    assertThat(budget.growthOverPreviousYear()).isNotNull();
    assertThat(Budget.of(2026, List.of(), null).budgeted()).isEqualTo("0.00");
  }

  @Test
  void spendingPerGarrisonUnitIsSharedToTheFenAndAbsentWithoutAUnit() {
    assertThat(BudgetRules.perUnit(new BigDecimal("100.00"), 3)).isEqualTo("33.33");
    assertThat(BudgetRules.perUnit(new BigDecimal("100.01"), 2)).isEqualTo("50.01");
    assertThat(BudgetRules.perUnit(new BigDecimal("0.00"), 4)).isEqualTo("0.00");
    assertThat(BudgetRules.perUnit(new BigDecimal("100.00"), 0)).isNull();
  }

  private static BigDecimal fen(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }
}
