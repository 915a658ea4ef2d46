package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.comparison.IndicatorSource;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.needs.internal.NeedAggregates;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 双清单 figures of one tenant and year: needs by status and direction, completion rate, on-time
 * rate, median days to close, satisfaction rate and overdue count.
 */
@Singleton
public class NeedIndicators implements IndicatorSource {
  /** The feature name of the 双清单 in events and the platform summary. */
  public static final String FEATURE = "needs";

  private final TenantScope scope;
  private final NeedAggregates aggregates;
  private final Clock clock;

  public NeedIndicators(TenantScope scope, NeedAggregates aggregates, Clock clock) {
    this.scope = scope;
    this.aggregates = aggregates;
    this.clock = clock;
  }

  /** Rates are fractions 0..1 with 4 decimals; null when nothing counts yet. */
  @Serdeable
  public record Figures(
      int year,
      Map<String, Long> byStatus,
      Map<String, Long> byDirection,
      long total,
      BigDecimal completionRate,
      BigDecimal onTimeRate,
      BigDecimal medianDaysToClose,
      BigDecimal satisfactionRate,
      long overdueCount) {}

  /**
   * The tenant-wide figures, for the city office and supervisors: a liaison or handler sees its own
   * needs in the list, not the whole tenant's counts (403).
   */
  public Figures figures(TenantContext context, int year) {
    CurrentUser user = context.caller();
    if (!user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR)) {
      throw ProblemException.forbidden();
    }
    return scope.read(context, () -> compute(year));
  }

  @Override
  public String feature() {
    return FEATURE;
  }

  @Override
  public Map<String, BigDecimal> indicators(TenantContext tenant, int year) {
    Figures figures = scope.read(tenant, () -> compute(year));
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("needsTotal", BigDecimal.valueOf(figures.total()));
    values.put("needsCompletionRate", figures.completionRate());
    values.put("needsOnTimeRate", figures.onTimeRate());
    values.put("needsMedianDaysToClose", figures.medianDaysToClose());
    values.put("needsSatisfactionRate", figures.satisfactionRate());
    values.put("needsOverdueCount", BigDecimal.valueOf(figures.overdueCount()));
    return values;
  }

  private Figures compute(int year) {
    LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (NeedTypes.Status status : NeedTypes.Status.values()) {
      byStatus.put(status.name(), 0L);
    }
    Map<String, Long> byDirection = new LinkedHashMap<>();
    for (NeedTypes.Direction direction : NeedTypes.Direction.values()) {
      byDirection.put(direction.name(), 0L);
    }
    long total = 0;
    for (NeedAggregates.StatusCount row : aggregates.byStatusAndDirection(year)) {
      byStatus.merge(row.status(), row.count(), Long::sum);
      // a withdrawn need was never the office's to take: in no total, rate or comparison
      if (!NeedTypes.Status.WITHDRAWN.name().equals(row.status())) {
        byDirection.merge(row.direction(), row.count(), Long::sum);
        total += row.count();
      }
    }
    long done = byStatus.get("COMPLETED") + byStatus.get("CLOSED");
    long taken = total - byStatus.get("SUBMITTED") - byStatus.get("REJECTED");
    NeedAggregates.YearCounts counts = aggregates.year(year, today);
    BigDecimal median = counts.medianDaysToClose();
    return new Figures(
        year,
        byStatus,
        byDirection,
        total,
        rate(done, taken),
        rate(counts.finishedOnTime(), counts.finishedWithDeadline()),
        median == null ? null : median.setScale(1, RoundingMode.HALF_UP),
        rate(counts.satisfied(), counts.rated()),
        counts.overdue());
  }

  private static BigDecimal rate(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
