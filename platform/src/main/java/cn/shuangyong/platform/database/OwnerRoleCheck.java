package cn.shuangyong.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns at startup when the owner connection ({@code datasources.default}) logs in as a superuser:
 * superusers may use the connections PostgreSQL keeps for them ({@code
 * superuser_reserved_connections}), so a busy node could lock the database administrator out. The
 * owner pool is kept small ({@link PoolTuning}) and idle at run time, but the cure is a role that
 * owns the database and has CREATEROLE, not SUPERUSER. A development box with the embedded
 * PostgreSQL runs as its superuser, so this is a warning, not a refusal.
 */
@Context
public class OwnerRoleCheck {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerRoleCheck.class);

  private final boolean superuser;

  OwnerRoleCheck(OwnerDatabase owner) {
    DataSource pool = owner.dataSource();
    try (Connection connection = owner.connect();
        Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "select current_user, rolsuper, current_setting('superuser_reserved_connections'),"
                    + " current_setting('max_connections')"
                    + " from pg_roles where rolname = current_user")) {
      role.next();
      superuser = role.getBoolean(2);
      int poolSize = pool instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : -1;
      if (superuser) {
        LOG.warn(
            "the owner connection (datasources.default) logs in as {}, a SUPERUSER: it may take"
                + " the {} of {} connections PostgreSQL keeps for superusers and lock the"
                + " administrator out. Its pool is capped at {} connections and idle at run time;"
                + " give it a role that owns the database with CREATEROLE instead (README,"
                + " Configuration)",
            role.getString(1),
            role.getString(3),
            role.getString(4),
            poolSize);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the owner's role: " + e.getMessage(), e);
    }
  }

  /** Whether the owner logs in as a superuser (warned at startup). */
  public boolean superuser() {
    return superuser;
  }
}
