package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.needs.api.NeedPage;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * For {@code NeedListBenchmark} only: the list SQL of {@link NeedStore} (page + count in one
 * statement, the same filters, the same row mapping) without the HTTP, JSON and authentication
 * around it, so the benchmark can run it inside {@code TenantScope} and compare; and the plans of
 * its statements. Both only inside a TenantScope transaction.
 */
public final class ListSqlForBench {
  private final NeedStore store;
  private final JdbcOperations jdbc;

  public ListSqlForBench(ApplicationContext context) {
    this.store = context.getBean(NeedStore.class);
    this.jdbc =
        context.getBean(
            JdbcOperations.class, Qualifiers.byName(TenantDataSourceFactory.TENANT_DATA_SOURCE));
  }

  /**
   * What {@code NeedService.list} runs for an office user (visibility: all); {@code sort} is a key
   * of {@link NeedStore#SORTABLE} or null (newest first), as {@code NeedService.orderBy} maps it.
   */
  public long list(
      NeedQuery query, LocalDate today, String sort, boolean ascending, int page, int size) {
    NeedPage result =
        store.list(
            query,
            NeedStore.Visibility.ALL,
            today,
            NeedStore.orderBy(sort, ascending),
            page * size,
            size);
    return result.total() + result.items().size();
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the page statement {@link #list} runs, and of the count alone
   * that it runs for a page past the end: each as its text, then the plan's lines.
   */
  public List<String> explain(
      NeedQuery query, LocalDate today, String sort, boolean ascending, int page, int size) {
    NeedListStatement statement = NeedListStatement.of(query, NeedStore.Visibility.ALL, today);
    String text = statement.page(NeedStore.orderBy(sort, ascending), page * size, size);
    List<String> plans = new ArrayList<>();
    plans.add(explain(text, statement.pageArguments()));
    NeedPage result =
        store.list(
            query,
            NeedStore.Visibility.ALL,
            today,
            NeedStore.orderBy(sort, ascending),
            page * size,
            size);
    if (result.items().isEmpty() && page > 0) {
      plans.add(explain(statement.count(), statement.arguments()));
    }
    return plans;
  }

  private String explain(String text, List<Object> arguments) {
    return jdbc.prepareStatement(
        "explain (analyze, buffers) " + text,
        prepared -> {
          NeedListStatement.bind(prepared, arguments);
          StringBuilder lines = new StringBuilder(text.strip()).append("\n");
          try (ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
              lines.append(rows.getString(1)).append('\n');
            }
          }
          return lines.toString();
        });
  }
}
