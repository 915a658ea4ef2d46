package cn.shuangyong.platform.database;

import io.micronaut.context.annotation.Context;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Refuses to start when the platform pool does not log in as the least-privileged platform role: a
 * superuser, a CREATEROLE role or the owner of the audit trail there could rewrite the trail or
 * switch off its trigger.
 */
@Context
public class PlatformPoolGuard {

  PlatformPoolGuard(
      DatabaseBootstrap bootstrap,
      @Named(PlatformDataSource.NAME) DataSource platformDataSource,
      DataSourceResolver resolver) {
    String expected = bootstrap.settings().platformUser();
    try (Connection connection = resolver.resolve(platformDataSource).getConnection();
        Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "select current_user, rolsuper, rolcreaterole,"
                    + " pg_has_role(current_user, (select relowner from pg_class"
                    + " where oid = 'platform.audit_event'::regclass), 'USAGE')"
                    + " from pg_roles where rolname = current_user")) {
      role.next();
      String user = role.getString(1);
      String problem =
          (role.getBoolean(2) ? " (superuser)" : "")
              + (role.getBoolean(3) ? " (CREATEROLE)" : "")
              + (role.getBoolean(4) ? " (owner of the audit trail)" : "");
      if (!expected.equals(user) || !problem.isEmpty()) {
        throw new IllegalStateException(
            "the platform pool logs in as "
                + user
                + problem
                + ", not as the least-privileged role "
                + expected
                + ": check datasources.platform and that the database URL names no user");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the platform pool: " + e.getMessage(), e);
    }
  }
}
