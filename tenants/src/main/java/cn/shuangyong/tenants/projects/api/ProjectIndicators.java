package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.comparison.IndicatorSource;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.tenants.projects.internal.ProjectStore;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 拥军项目 figures of one tenant and year for the province-wide comparison: the projects by status,
 * and the on-time rate (of the finished projects, the share finished by their planned end; a
 * fraction 0..1 with four decimals, null while none has finished).
 */
@Singleton
public class ProjectIndicators implements IndicatorSource {
  private final TenantScope scope;
  private final ProjectStore store;

  public ProjectIndicators(TenantScope scope, ProjectStore store) {
    this.scope = scope;
    this.store = store;
  }

  @Override
  public String feature() {
    return ProjectChanged.FEATURE;
  }

  @Override
  public Map<String, BigDecimal> indicators(TenantContext tenant, int year) {
    ProjectStore.YearCounts counts = scope.read(tenant, () -> store.yearCounts(year));
    long total = counts.planned() + counts.inProgress() + counts.done() + counts.cancelled();
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("projectsTotal", BigDecimal.valueOf(total));
    values.put("projectsPlanned", BigDecimal.valueOf(counts.planned()));
    values.put("projectsInProgress", BigDecimal.valueOf(counts.inProgress()));
    values.put("projectsDone", BigDecimal.valueOf(counts.done()));
    values.put("projectsCancelled", BigDecimal.valueOf(counts.cancelled()));
    values.put("projectsOnTimeRate", rate(counts.doneOnTime(), counts.done()));
    return values;
  }

  static BigDecimal rate(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
