package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.DatabaseBootstrap;
import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.context.annotation.Context;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Refuses to start when the tenant pool does not log in as the fenced application role: a superuser
 * or an INHERIT role there would let code outside a tenant transaction read every tenant (a URL
 * carrying {@code ?user=…} is enough to cause it).
 */
@Context
public class TenantPoolGuard {

  TenantPoolGuard(
      DatabaseBootstrap bootstrap,
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) DataSource tenantDataSource,
      DataSourceResolver resolver) {
    String expected = bootstrap.settings().appUser();
    try (Connection connection = resolver.resolve(tenantDataSource).getConnection();
        Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "select current_user, rolsuper, rolinherit from pg_roles"
                    + " where rolname = current_user")) {
      role.next();
      String user = role.getString(1);
      if (!expected.equals(user) || role.getBoolean(2) || role.getBoolean(3)) {
        throw new IllegalStateException(
            "the tenant pool logs in as "
                + user
                + (role.getBoolean(2) ? " (superuser)" : "")
                + (role.getBoolean(3) ? " (INHERIT)" : "")
                + ", not as the NOINHERIT role "
                + expected
                + ": check datasources.tenant and that the database URL names no user");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the tenant pool: " + e.getMessage(), e);
    }
  }
}
