package cn.shuangyong.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The pool every tenant transaction runs on. It logs in as the NOINHERIT application role, which
 * can read nothing in any tenant schema until {@code SET LOCAL ROLE} (see {@code TenantScope}).
 */
@Singleton
public class TenantPool implements AutoCloseable {
  private final HikariDataSource dataSource;

  public TenantPool(DatabaseBootstrap bootstrap, @Value("${datasources.default.url}") String url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("tenant-pool");
    config.setJdbcUrl(url);
    config.setUsername(bootstrap.settings().appUser());
    config.setPassword(bootstrap.appPassword());
    config.setMaximumPoolSize(bootstrap.settings().tenantPoolSize());
    // a returned connection must come back as the login role on schema public
    config.setSchema("public");
    this.dataSource = new HikariDataSource(config);
  }

  /** The raw pool: connections from it are the bare login role, outside any tenant. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  @PreDestroy
  public void close() {
    dataSource.close();
  }
}
