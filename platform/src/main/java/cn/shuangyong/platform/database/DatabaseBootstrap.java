package cn.shuangyong.platform.database;

import io.micronaut.context.annotation.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to where the application can run, as the owner: the platform schema migrated,
 * the tenant pool's login role present as NOINHERIT with no rights of its own on tenant schemas,
 * and the platform pool's login role present with only what platform work needs (on the audit trail
 * insert and select, never update, delete or truncate; it owns nothing, so it cannot disable the
 * trail's trigger either).
 */
@Context
public class DatabaseBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
  public static final String PLATFORM_SCHEMA = "platform";

  private final DataSource ownerDataSource;
  private final DatabaseSettings settings;

  public DatabaseBootstrap(OwnerDatabase owner, DatabaseSettings settings) {
    this.ownerDataSource = owner.dataSource();
    this.settings = settings;
    String appPassword = required(settings.appPassword(), "app-password", "tenant pool");
    String platformPassword =
        required(settings.platformPassword(), "platform-password", "platform pool");
    migratePlatform();
    prepareLoginRoles(appPassword, platformPassword);
  }

  public DatabaseSettings settings() {
    return settings;
  }

  private static String required(String password, String key, String pool) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "shuangyong.db."
              + key
              + " (SHUANGYONG_DB_"
              + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
              + ") must be set: it is the password of the "
              + pool
              + "'s login role");
    }
    return password;
  }

  private void migratePlatform() {
    long started = System.nanoTime();
    var result =
        Flyway.configure()
            .dataSource(ownerDataSource)
            .schemas(PLATFORM_SCHEMA)
            .defaultSchema(PLATFORM_SCHEMA)
            .createSchemas(true)
            .locations("classpath:db/platform")
            .load()
            .migrate();
    // nothing pending: Flyway names no target, the schema stays at the version it had
    String current =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        "platform schema at version {} ({} migrations applied, {} ms)",
        current,
        result.migrationsExecuted,
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Both pools' login roles, in one transaction under a lock: nodes starting together would else
   * fail on concurrent grants to one object ("tuple concurrently updated").
   */
  private void prepareLoginRoles(String appPassword, String platformPassword) {
    try (Connection connection = ownerDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("select pg_advisory_xact_lock(hashtext('shuangyong-login-roles'))");
      String database = connection.getCatalog();
      ensureLoginRole(statement, database, settings.appUser(), appPassword);
      ensureLoginRole(statement, database, settings.platformUser(), platformPassword);
      grantPlatformRole(statement, settings.platformUser());
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot prepare the login roles "
              + settings.appUser()
              + " and "
              + settings.platformUser()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Creates the role when missing and (re)sets its password; names are validated settings. */
  private static void ensureLoginRole(
      Statement statement, String database, String role, String password) throws SQLException {
    statement.execute(
        "do $$ begin if not exists (select 1 from pg_roles where rolname = '"
            + role
            + "') then create role "
            + role
            + " login noinherit; end if; end $$");
    // the pool's password is (re)set at every start; it is hex, so it needs no escaping
    statement.execute("alter role " + role + " login noinherit password '" + password + "'");
    statement.execute("grant usage on schema " + PLATFORM_SCHEMA + " to " + role);
    statement.execute("grant connect on database \"" + database + "\" to " + role);
  }

  /**
   * The platform role's rights, set anew at every start (so tables added by a migration are
   * covered; inside the transaction, so there is no moment where it holds more): plain DML on the
   * platform tables, insert and select only on the audit trail and its archive anchors, nothing on
   * Flyway's history.
   */
  private static void grantPlatformRole(Statement statement, String role) throws SQLException {
    String schema = PLATFORM_SCHEMA;
    statement.execute("revoke all on all tables in schema " + schema + " from " + role);
    statement.execute(
        "grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
    statement.execute("revoke all on " + schema + ".flyway_schema_history from " + role);
    for (String trail : new String[] {"audit_event", "audit_archive"}) {
      // the trail and its archive anchors: never update or delete (archiving runs as the owner)
      statement.execute("revoke all on " + schema + "." + trail + " from " + role);
      statement.execute("grant select, insert on " + schema + "." + trail + " to " + role);
    }
    statement.execute("grant usage, select on all sequences in schema " + schema + " to " + role);
  }
}
