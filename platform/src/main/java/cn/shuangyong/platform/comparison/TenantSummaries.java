package cn.shuangyong.platform.comparison;

import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.tenancy.TenantCode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform summary: per tenant, feature and year, the indicators the feature published. The one
 * place the comparison reads across tenants; it never queries a tenant schema.
 */
@Singleton
public class TenantSummaries {
  private final TransactionOperations<Connection> transactions;
  private final Clock clock;

  TenantSummaries(
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Replaces what {@code feature} last published for the tenant and year. */
  public void put(TenantCode tenant, String feature, int year, Map<String, BigDecimal> values) {
    transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "insert into tenant_summary (tenant_code, feature, year, name, value, updated_at)"
                      + " values (?, ?, ?, ?, ?, ?) on conflict (tenant_code, feature, year, name)"
                      + " do update set value = excluded.value, updated_at = excluded.updated_at")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (Map.Entry<String, BigDecimal> value : values.entrySet()) {
              upsert.setString(1, tenant.value());
              upsert.setString(2, feature);
              upsert.setInt(3, year);
              upsert.setString(4, value.getKey());
              upsert.setBigDecimal(5, value.getValue());
              upsert.setTimestamp(6, now);
              upsert.addBatch();
            }
            upsert.executeBatch();
          }
          return null;
        });
  }

  /** What the tenant's features published for the year: indicator name → value. */
  public Map<String, BigDecimal> of(TenantCode tenant, int year) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement(
                      "select name, value from tenant_summary where tenant_code = ? and year = ?"
                          + " order by feature, name")) {
            select.setString(1, tenant.value());
            select.setInt(2, year);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                values.put(rows.getString(1), rows.getBigDecimal(2));
              }
            }
            return values;
          } catch (SQLException e) {
            throw new IllegalStateException("could not read the summary of " + tenant, e);
          }
        });
  }
}
