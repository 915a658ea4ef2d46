package cn.shuangyong.tenants.budgets.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For {@code BudgetBenchmark} and the reconciliation test only: the budget-against-actual reads of
 * {@link BudgetStore} without HTTP, JSON and authentication around them, and the bare aggregate of
 * the ledger itself (sums over every expenditure row of the year, by line and by month), so the
 * benchmark can run both inside {@code TenantScope} and compare, and a test can hold the answer
 * against the rows. All only inside a TenantScope transaction.
 */
public final class BudgetSqlForBench {
  /** Spent, evidenced and count of each line of the year, straight from the ledger's rows. */
  public static final String LEDGER_LINES =
      """
      select l.id, coalesce(s.spent, 0), coalesce(s.evidenced, 0), coalesce(s.count, 0)
      from budget_line l
      left join (select budget_line_id, sum(amount) as spent,
                        coalesce(sum(amount) filter (where evidenced), 0) as evidenced,
                        count(*) as count
                 from expenditure where year = ? group by budget_line_id) s
             on s.budget_line_id = l.id
      where l.year = ?
      order by l.id
      """;

  /** Spent and evidenced in each month of the year, straight from the ledger's rows. */
  public static final String LEDGER_MONTHS =
      """
      select extract(month from spent_on)::int, sum(amount),
             coalesce(sum(amount) filter (where evidenced), 0), count(*)
      from expenditure where year = ? group by 1 order by 1
      """;

  /** One line or month of an aggregate: its key and its exact sums. */
  public record Sums(long key, BigDecimal spent, BigDecimal evidenced, long count) {}

  private final BudgetStore store;
  private final JdbcOperations jdbc;

  public BudgetSqlForBench(ApplicationContext context) {
    this.store = context.getBean(BudgetStore.class);
    this.jdbc =
        context.getBean(
            JdbcOperations.class, Qualifiers.byName(TenantDataSourceFactory.TENANT_DATA_SOURCE));
  }

  /** What {@code BudgetService.find} runs: the lines with their spending and last year's total. */
  public int storeLines(int year) {
    int lines = store.lines(year).size();
    store.total(year - 1);
    return lines;
  }

  /** What {@code BudgetService.months} runs. */
  public int storeMonths(int year) {
    return store.months(year).size();
  }

  /** The bare aggregate of the ledger by line (line id → sums). */
  public Map<Long, Sums> ledgerLines(int year) {
    return sums(LEDGER_LINES, year, year);
  }

  /** The bare aggregate of the ledger by month (month → sums). */
  public Map<Long, Sums> ledgerMonths(int year) {
    return sums(LEDGER_MONTHS, year);
  }

  private Map<Long, Sums> sums(String sql, Object... arguments) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
          }
          Map<Long, Sums> sums = new LinkedHashMap<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              sums.put(
                  rows.getLong(1),
                  new Sums(
                      rows.getLong(1),
                      rows.getBigDecimal(2).setScale(2),
                      rows.getBigDecimal(3).setScale(2),
                      rows.getLong(4)));
            }
          }
          return sums;
        });
  }

  /** The plan of each bare aggregate and of the store's reads, for the report. */
  public List<String> explain(int year) {
    return List.of(explain(LEDGER_LINES, year, year), explain(LEDGER_MONTHS, year));
  }

  private String explain(String sql, Object... arguments) {
    return jdbc.prepareStatement(
        "explain (analyze, buffers) " + sql,
        statement -> {
          for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
          }
          StringBuilder lines = new StringBuilder(sql.strip()).append('\n');
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              lines.append(rows.getString(1)).append('\n');
            }
          }
          return lines.toString();
        });
  }
}
