package cn.shuangyong.platform.database;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Publishes the {@link TenantPool} as the data source named {@code tenant}, so that Micronaut Data
 * gives it a transaction manager and tenant repositories can use it.
 */
@Factory
public class TenantDataSourceFactory {
  public static final String TENANT_DATA_SOURCE = "tenant";

  @Singleton
  @Named(TENANT_DATA_SOURCE)
  DataSource tenantDataSource(TenantPool pool) {
    return pool.dataSource();
  }
}
