package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The garrison units' names, read only (the units feature owns them). */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface GarrisonUnitNames extends GenericRepository<GarrisonUnitName, Long> {
  List<GarrisonUnitName> findAll();
}
