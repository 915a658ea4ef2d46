package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The counts behind the 双清单 indicators of one year, inside a TenantScope transaction. */
@Singleton
public class NeedAggregates {
  private final JdbcOperations jdbc;

  NeedAggregates(@Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** How many needs of a year have a status and a direction. */
  public record StatusCount(String status, String direction, long count) {}

  /**
   * Counts of one year: finished needs that had a deadline and those finished by it (in China's
   * calendar), rated and satisfied ones, open needs past their deadline on {@code today}, and the
   * median days from submission to close (null while none is closed).
   */
  public record YearCounts(
      long finishedWithDeadline,
      long finishedOnTime,
      long rated,
      long satisfied,
      long overdue,
      @Nullable BigDecimal medianDaysToClose) {}

  public List<StatusCount> byStatusAndDirection(int year) {
    return jdbc.prepareStatement(
        "select status, direction, count(*) from need where year = ? group by status, direction",
        statement -> {
          statement.setInt(1, year);
          try (ResultSet rows = statement.executeQuery()) {
            List<StatusCount> counts = new ArrayList<>();
            while (rows.next()) {
              counts.add(new StatusCount(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
            return counts;
          }
        });
  }

  public YearCounts year(int year, LocalDate today) {
    String finished =
        "status in ('COMPLETED', 'CLOSED') and deadline is not null and completed_at is not null";
    return jdbc.prepareStatement(
        "select count(*) filter (where "
            + finished
            + "), count(*) filter (where "
            + finished
            + " and (completed_at at time zone 'Asia/Shanghai')::date <= deadline),"
            + " count(*) filter (where satisfaction is not null),"
            + " count(*) filter (where satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')),"
            + " count(*) filter (where deadline < ?"
            + " and status not in ('COMPLETED', 'CLOSED', 'REJECTED')),"
            + " percentile_cont(0.5) within group"
            + " (order by extract(epoch from closed_at - created_at) / 86400)"
            + " filter (where status = 'CLOSED')"
            + " from need where year = ?",
        statement -> {
          statement.setObject(1, today);
          statement.setInt(2, year);
          try (ResultSet row = statement.executeQuery()) {
            row.next();
            return new YearCounts(
                row.getLong(1),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                row.getBigDecimal(6));
          }
        });
  }
}
