package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** A need's history; works only inside a TenantScope transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface NeedEventRepository extends GenericRepository<NeedEventRow, Long> {
  NeedEventRow save(NeedEventRow event);

  List<NeedEventRow> findByNeedIdOrderById(long needId);
}
