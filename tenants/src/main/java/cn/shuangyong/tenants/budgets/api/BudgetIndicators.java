package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.comparison.IndicatorSource;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.tenants.units.api.UnitService;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 双拥工作经费 figures of one tenant and year for the province-wide comparison: the year's budget and
 * its growth over the previous year, the execution rate (spent / budgeted) and the share of the
 * spending evidenced by vouchers (fractions 0..1, four decimals; null when nothing counts), and the
 * spending per garrison unit stationed in the tenant (yuan to the fen; null without a unit), so a
 * city of two units and one of twenty compare fairly.
 */
@Singleton
public class BudgetIndicators implements IndicatorSource {
  private final TenantScope scope;
  private final BudgetService budgets;
  private final UnitService units;

  public BudgetIndicators(TenantScope scope, BudgetService budgets, UnitService units) {
    this.scope = scope;
    this.budgets = budgets;
    this.units = units;
  }

  @Override
  public String feature() {
    return BudgetChanged.FEATURE;
  }

  @Override
  public Map<String, BigDecimal> indicators(TenantContext tenant, int year) {
    Budget budget = scope.read(tenant, () -> budgets.budget(year));
    long garrisonUnits = units.count(tenant).garrisonUnits();
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("budgetTotal", budget.lines().isEmpty() ? null : budget.budgeted());
    values.put("budgetGrowth", budget.growthOverPreviousYear());
    values.put("budgetExecutionRate", budget.executionRate());
    values.put("spendingEvidencedShare", budget.evidencedShare());
    values.put("spendingPerGarrisonUnit", BudgetRules.perUnit(budget.spent(), garrisonUnits));
    return values;
  }
}
