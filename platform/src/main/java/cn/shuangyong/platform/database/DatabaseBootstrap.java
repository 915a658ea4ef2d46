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
 * Brings the database to where the application can run: the platform schema migrated, and the
 * tenant pool's login role present as NOINHERIT with no rights of its own on tenant schemas.
 */
@Context
public class DatabaseBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
  public static final String PLATFORM_SCHEMA = "platform";

  private final DataSource ownerDataSource;
  private final DatabaseSettings settings;
  private final String appPassword;

  public DatabaseBootstrap(OwnerDatabase owner, DatabaseSettings settings) {
    this.ownerDataSource = owner.dataSource();
    this.settings = settings;
    if (settings.appPassword() == null || settings.appPassword().isBlank()) {
      throw new IllegalStateException(
          "shuangyong.db.app-password (SHUANGYONG_DB_APP_PASSWORD) must be set: it is the"
              + " password of the tenant pool's login role");
    }
    this.appPassword = settings.appPassword();
    migratePlatform();
    ensureAppLoginRole();
  }

  /** The password of the tenant pool's login role, as set by this bootstrap. */
  public String appPassword() {
    return appPassword;
  }

  public DatabaseSettings settings() {
    return settings;
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
    LOG.info(
        "platform schema at version {} ({} migrations applied, {} ms)",
        result.targetSchemaVersion,
        result.migrationsExecuted,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void ensureAppLoginRole() {
    String role = settings.appUser();
    try (Connection connection = ownerDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "do $$ begin if not exists (select 1 from pg_roles where rolname = '"
              + role
              + "') then create role "
              + role
              + " login noinherit; end if; end $$");
      // the pool's password is (re)set at every start; it is hex, so it needs no escaping
      statement.execute("alter role " + role + " login noinherit password '" + appPassword + "'");
      statement.execute("grant usage on schema " + PLATFORM_SCHEMA + " to " + role);
      statement.execute("grant connect on database \"" + connection.getCatalog() + "\" to " + role);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the tenant pool's login role " + role, e);
    }
  }
}
