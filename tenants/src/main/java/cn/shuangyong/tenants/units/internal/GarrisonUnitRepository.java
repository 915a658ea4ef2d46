package cn.shuangyong.tenants.units.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import java.util.List;

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

  /** Rows whose contact phone is still stored in plain (written before encryption at rest). */
  @Query(
      "select garrison_unit_row_.* from garrison_unit garrison_unit_row_ where garrison_unit_row_.contact_phone is not null"
          + " and garrison_unit_row_.contact_phone not like 'v1:%'")
  List<GarrisonUnitRow> findPlainContactPhones();

  /**
   * Replaces a plain contact phone by its ciphertext if it is still that plain value: another node
   * that encrypted it first leaves nothing to do (0 rows).
   */
  @Query(
      "update garrison_unit set contact_phone = :encrypted where id = :id and contact_phone = :plain")
  long encryptContactPhone(long id, String plain, String encrypted);
}
