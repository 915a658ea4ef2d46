package cn.shuangyong.tenants.units.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** Works only inside a TenantScope transaction (the tenant pool reaches no schema outside one). */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface GarrisonUnitRepository extends UnitRows<GarrisonUnitRow> {
  @Query(
      value =
          "select garrison_unit_row_.* from garrison_unit garrison_unit_row_ where :q = '' or garrison_unit_row_.name ilike '%' || :q || '%'"
              + " or garrison_unit_row_.contact_name ilike '%' || :q || '%'",
      countQuery =
          "select count(*) from garrison_unit where :q = '' or name ilike '%' || :q || '%'"
              + " or contact_name ilike '%' || :q || '%'")
  Page<GarrisonUnitRow> search(String q, Pageable pageable);

  @Query(
      "select exists (select 1 from garrison_unit where lower(name) = lower(:name) and id <> :exceptId)")
  boolean nameTaken(String name, long exceptId);
}
