package cn.shuangyong.tenants.units.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Works only inside a TenantScope transaction; read-only: branches change by migration. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface MilitaryBranchRepository extends GenericRepository<MilitaryBranchRow, String> {
  @Query(
      "select military_branch_row_.* from military_branch military_branch_row_"
          + " order by military_branch_row_.display_order, military_branch_row_.code")
  List<MilitaryBranchRow> listAll();

  Optional<MilitaryBranchRow> findById(String code);
}
