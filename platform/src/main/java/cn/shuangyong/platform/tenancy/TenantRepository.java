package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.PlatformDataSource;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Runs on the platform pool (the least-privileged platform login role, never the owner). */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = PlatformDataSource.NAME)
interface TenantRepository extends CrudRepository<Tenant, Long> {
  Optional<Tenant> findByCode(String code);

  boolean existsByCode(String code);

  List<Tenant> findAllOrderByCode();

  /** Last writer wins: two nodes migrating the same tenant both end at the same status. */
  @Query(
      """
      update tenant set status = :status, schema_version = :schemaVersion,
             status_detail = :statusDetail, updated_at = :at, updated_by = :by,
             version = version + 1
      where id = :id""")
  void markStatus(
      long id,
      TenantStatus status,
      @io.micronaut.core.annotation.Nullable String schemaVersion,
      @io.micronaut.core.annotation.Nullable String statusDetail,
      java.time.Instant at,
      String by);

  @Query(
      """
      select t.* from tenant t join region r on r.code = t.region_code
      where r.path = :regionPath or r.path like :regionPath || '/%'
      order by r.path""")
  List<Tenant> findInRegionSubtree(String regionPath);
}
