package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.comparison.IndicatorSource;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.tenants.fund.internal.FundStore;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 帮扶基金 figures of one tenant and year for the province-wide comparison: how many grants were
 * paid in the year (by the day paid) and how much, in yuan to the fen.
 */
@Singleton
public class FundIndicators implements IndicatorSource {
  private final TenantScope scope;
  private final FundStore store;

  public FundIndicators(TenantScope scope, FundStore store) {
    this.scope = scope;
    this.store = store;
  }

  @Override
  public String feature() {
    return FundChanged.FEATURE;
  }

  @Override
  public Map<String, BigDecimal> indicators(TenantContext tenant, int year) {
    FundStore.PaidInYear paid = scope.read(tenant, () -> store.paidIn(year));
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("grantsPaidCount", BigDecimal.valueOf(paid.count()));
    values.put("grantsPaidAmount", paid.amount());
    return values;
  }
}
