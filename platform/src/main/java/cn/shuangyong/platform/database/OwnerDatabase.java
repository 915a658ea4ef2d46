package cn.shuangyong.platform.database;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain connections of the owner ({@code datasources.default}) for DDL: migrations, roles, grants.
 * The injected data source is Micronaut's contextual one (it wants a surrounding transaction);
 * schema work needs the pool itself.
 */
@Singleton
public class OwnerDatabase {
  private final DataSource dataSource;

  public OwnerDatabase(DataSource dataSource, DataSourceResolver resolver) {
    this.dataSource = resolver.resolve(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }
}
