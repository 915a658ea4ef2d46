package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.OwnerDatabase;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and migrates one tenant's schema from the {@code db/tenant} stream, as the owner, and
 * fences it: a NOLOGIN role per tenant with rights on its own schema only, granted to the
 * application's login role (which is NOINHERIT, so it must {@code SET ROLE} to use them).
 */
@Singleton
public class TenantSchemaMigrator {
  private final OwnerDatabase owner;
  private final DataSource ownerDataSource;
  private final TenantRoles roles;

  public TenantSchemaMigrator(OwnerDatabase owner, TenantRoles roles) {
    this.owner = owner;
    this.ownerDataSource = owner.dataSource();
    this.roles = roles;
  }

  /**
   * Idempotent: creates what is missing, applies pending migrations, re-applies the grants. Runs
   * under a per-tenant advisory lock, so nodes starting together migrate each tenant once, in turn;
   * on this node it waits for a turn of the small owner pool ({@link
   * OwnerDatabase#inMigrationTurn}).
   */
  public String migrate(TenantCode code) {
    return owner.inMigrationTurn(() -> migrateInTurn(code));
  }

  private String migrateInTurn(TenantCode code) {
    String schema = code.schema();
    String role = roles.roleOf(code);
    try (Connection lockHolder = ownerDataSource.getConnection()) {
      try (PreparedStatement lock =
          lockHolder.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
        lock.setString(1, "shuangyong-tenant-migration:" + code.value());
        lock.execute();
      }
      try {
        prepare(schema, role);
        MigrateResult result =
            Flyway.configure()
                .dataSource(ownerDataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .locations("classpath:db/tenant")
                .load()
                .migrate();
        grant(schema, role);
        // nothing pending: the schema stays at the version it had
        return result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
      } finally {
        try (PreparedStatement unlock =
            lockHolder.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
          unlock.setString(1, "shuangyong-tenant-migration:" + code.value());
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot migrate schema " + schema + ": " + e.getMessage(), e);
    }
  }

  private void prepare(String schema, String role) {
    try (Connection connection = ownerDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "do $$ begin if not exists (select 1 from pg_roles where rolname = '"
              + role
              + "') then create role \""
              + role
              + "\" nologin; end if; end $$");
      statement.execute("create schema if not exists \"" + schema + "\"");
      statement.execute("grant \"" + role + "\" to \"" + roles.appLoginRole() + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare schema " + schema + ": " + e.getMessage(), e);
    }
  }

  private void grant(String schema, String role) {
    try (Connection connection = ownerDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      String s = "\"" + schema + "\"";
      String r = "\"" + role + "\"";
      statement.execute("revoke all on schema " + s + " from public");
      statement.execute("grant usage on schema " + s + " to " + r);
      statement.execute(
          "grant select, insert, update, delete on all tables in schema " + s + " to " + r);
      statement.execute("grant usage, select on all sequences in schema " + s + " to " + r);
      statement.execute("revoke all on " + s + ".flyway_schema_history from " + r);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot grant on schema " + schema + ": " + e.getMessage(), e);
    }
  }
}
