package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.tenants.needs.api.NeedPage;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * For {@code NeedListBenchmark} only: the list SQL of {@link NeedStore} (count + page, the same
 * filters, the same row mapping) without the HTTP, JSON and authentication around it, so the
 * benchmark can run it through {@code TenantScope} and compare.
 */
public final class ListSqlForBench {
  private final NeedStore store;

  public ListSqlForBench(ApplicationContext context) {
    this.store = context.getBean(NeedStore.class);
  }

  /**
   * What {@code NeedService.list} runs for an office user (visibility: all); {@code sort} is a key
   * of {@link NeedStore#SORTABLE} or null (newest first), as {@code NeedService.orderBy} maps it.
   */
  public long list(
      Connection c,
      NeedQuery query,
      LocalDate today,
      String sort,
      boolean ascending,
      int page,
      int size)
      throws SQLException {
    NeedPage result =
        store.list(
            c,
            query,
            NeedStore.Visibility.ALL,
            today,
            NeedStore.orderBy(sort, ascending),
            page * size,
            size);
    return result.total() + result.items().size();
  }
}
