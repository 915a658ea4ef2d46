package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.PlatformDataSource;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Runs on the platform pool (the least-privileged platform login role, never the owner). */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = PlatformDataSource.NAME)
interface RegionRepository extends CrudRepository<Region, String> {
  List<Region> findAllOrderByPath();
}
