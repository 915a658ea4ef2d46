package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The tenant's need categories; works only inside a TenantScope transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface NeedCategoryRepository extends GenericRepository<NeedCategoryRow, Long> {
  NeedCategoryRow save(NeedCategoryRow category);

  Optional<NeedCategoryRow> findById(long id);

  @Query("select * from need_category order by sort_order, name")
  List<NeedCategoryRow> all();

  @Query("select * from need_category where active order by sort_order, name")
  List<NeedCategoryRow> active();

  @Query("select id from need_category where lower(name) = lower(:name) and active")
  Optional<Long> activeIdByName(String name);

  @Query(
      "select exists (select 1 from need_category where lower(name) = lower(:name)"
          + " and id <> :exceptId)")
  boolean nameTaken(String name, long exceptId);

  /** Renames; a null order or state keeps the old one. How many rows changed (0: no such id). */
  @Query(
      "update need_category set name = :name, sort_order = coalesce(:sortOrder, sort_order),"
          + " active = coalesce(:active, active), version = version + 1 where id = :id")
  int change(long id, String name, @Nullable Integer sortOrder, @Nullable Boolean active);
}
