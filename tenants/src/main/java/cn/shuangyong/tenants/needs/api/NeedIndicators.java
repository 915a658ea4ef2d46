package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.comparison.IndicatorSource;
import cn.shuangyong.platform.database.Jdbc;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
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

  private final TenantDirectory tenants;
  private final TenantScope scope;
  private final Clock clock;

  public NeedIndicators(TenantDirectory tenants, TenantScope scope, Clock clock) {
    this.tenants = tenants;
    this.scope = scope;
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
    return scope.read(context, c -> compute(c, year));
  }

  @Override
  public String feature() {
    return FEATURE;
  }

  @Override
  public Map<String, BigDecimal> indicators(TenantContext tenant, int year) {
    Figures figures = scope.read(tenant, c -> compute(c, year));
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("needsTotal", BigDecimal.valueOf(figures.total()));
    values.put("needsCompletionRate", figures.completionRate());
    values.put("needsOnTimeRate", figures.onTimeRate());
    values.put("needsMedianDaysToClose", figures.medianDaysToClose());
    values.put("needsSatisfactionRate", figures.satisfactionRate());
    values.put("needsOverdueCount", BigDecimal.valueOf(figures.overdueCount()));
    return values;
  }

  private Figures compute(Connection c, int year) throws SQLException {
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
    for (Object[] row :
        Jdbc.list(
            c,
            "select status, direction, count(*) from need where year = ? group by status, direction",
            r -> new Object[] {r.getString(1), r.getString(2), r.getLong(3)},
            year)) {
      long count = (Long) row[2];
      byStatus.merge((String) row[0], count, Long::sum);
      byDirection.merge((String) row[1], count, Long::sum);
      total += count;
    }
    long done = byStatus.get("COMPLETED") + byStatus.get("CLOSED");
    long taken = total - byStatus.get("SUBMITTED") - byStatus.get("REJECTED");
    long withDeadline =
        Jdbc.count(
            c,
            "select count(*) from need where year = ? and status in ('COMPLETED', 'CLOSED')"
                + " and deadline is not null and completed_at is not null",
            year);
    long onTime =
        Jdbc.count(
            c,
            "select count(*) from need where year = ? and status in ('COMPLETED', 'CLOSED')"
                + " and deadline is not null and completed_at is not null"
                + " and (completed_at at time zone 'Asia/Shanghai')::date <= deadline",
            year);
    BigDecimal median =
        Jdbc.one(
                c,
                "select percentile_cont(0.5) within group (order by extract(epoch from closed_at -"
                    + " created_at) / 86400) from need where year = ? and status = 'CLOSED'"
                    // no row (rather than a null median) when nothing is closed yet
                    + " having count(*) > 0",
                r -> r.getBigDecimal(1),
                year)
            .map(v -> v.setScale(1, RoundingMode.HALF_UP))
            .orElse(null);
    long rated =
        Jdbc.count(
            c, "select count(*) from need where year = ? and satisfaction is not null", year);
    long satisfied =
        Jdbc.count(
            c,
            "select count(*) from need where year = ? and satisfaction in ('SATISFIED',"
                + " 'BASICALLY_SATISFIED')",
            year);
    long overdue =
        Jdbc.count(
            c,
            "select count(*) from need where year = ? and deadline < ?"
                + " and status not in ('COMPLETED', 'CLOSED', 'REJECTED')",
            year,
            today);
    return new Figures(
        year,
        byStatus,
        byDirection,
        total,
        rate(done, taken),
        rate(onTime, withDeadline),
        median,
        rate(satisfied, rated),
        overdue);
  }

  private static BigDecimal rate(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
