package cn.shuangyong.platform.comparison;

import cn.shuangyong.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A feature's per-tenant indicators, computed inside that tenant's schema (never across schemas).
 * The province-wide comparison reads every source for each tenant and publishes the values into a
 * platform summary table; supervisors read that table, not the tenants.
 */
public interface IndicatorSource {
  /** The feature the indicators belong to ("needs", "projects", …). */
  String feature();

  /** Indicator name (camelCase, documented in the OpenAPI) → value; null when undefined. */
  Map<String, BigDecimal> indicators(TenantContext tenant, int year);
}
