package cn.shuangyong.platform.tenancy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TenantRepository extends CrudRepository<Tenant, Long> {
  Optional<Tenant> findByCode(String code);

  boolean existsByCode(String code);

  List<Tenant> findAllOrderByCode();

  @Query(
      """
      select t.* from tenant t join region r on r.code = t.region_code
      where r.path = :regionPath or r.path like :regionPath || '/%'
      order by r.path""")
  List<Tenant> findInRegionSubtree(String regionPath);
}
