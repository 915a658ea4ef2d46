package cn.shuangyong.platform.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the three pools their limits before they start, from {@link DatabaseLimits} and {@link
 * DatabaseSettings} (values that follow from other settings cannot be written in YAML). A key set
 * explicitly under {@code datasources.<name>} wins.
 *
 * <ul>
 *   <li>The tenant and platform pools serve requests: a connection is waited for at most {@code
 *       shuangyong.db.connection-timeout} (Hikari's default of 30 s held a request thread for half
 *       a minute before a 500), an idle connection is checked within half a second, the driver
 *       gives up on a silent server a little after the statement timeout ({@code socketTimeout}),
 *       and the platform pool's sessions start with {@code statement_timeout} and {@code
 *       lock_timeout} (the tenant pool sets them per transaction, in {@code TenantScope}).
 *   <li>The owner pool ({@code datasources.default}) logs in as a superuser or CREATEROLE role and
 *       runs only migrations and provisioning: it is kept to what the migrations need, 3 × {@code
 *       migration-threads} + 1 connections (each tenant migration holds one connection for its
 *       advisory lock while Flyway uses two, a main and a migration connection), so it cannot take
 *       the slots PostgreSQL keeps for the administrator; it has no statement or read timeout,
 *       since a migration may legitimately run long.
 *   <li>Every connection names its pool ({@code application_name} {@code shuangyong-owner}, {@code
 *       -platform}, {@code -tenant}), so {@code pg_stat_activity} shows who holds what.
 * </ul>
 */
@Singleton
public class PoolTuning implements BeanCreatedEventListener<DatasourceConfiguration> {
  public static final String OWNER_POOL = "default";
  public static final String APPLICATION_NAME_PREFIX = "shuangyong-";

  private static final Logger LOG = LoggerFactory.getLogger(PoolTuning.class);
  private static final long SHORTEST_VALIDATION_MILLIS = 250;
  private static final long LONGEST_VALIDATION_MILLIS = 500;
  private static final int OWNER_CONNECT_SECONDS = 10;

  private final DatabaseLimits limits;
  private final DatabaseSettings settings;
  private final Environment environment;

  public PoolTuning(DatabaseLimits limits, DatabaseSettings settings, Environment environment) {
    this.limits = limits;
    this.settings = settings;
    this.environment = environment;
  }

  /** The {@code application_name} of a pool's connections. */
  public static String applicationName(String pool) {
    return APPLICATION_NAME_PREFIX + (OWNER_POOL.equals(pool) ? "owner" : pool);
  }

  /** The owner pool's size when none is configured: what the parallel migrations need. */
  public static int ownerPoolSize(int migrationThreads) {
    return 3 * Math.max(1, migrationThreads) + 1;
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration pool = event.getBean();
    String name = pool.getName();
    boolean runtime =
        PlatformDataSource.NAME.equals(name)
            || TenantDataSourceFactory.TENANT_DATA_SOURCE.equals(name);
    if (!runtime && !OWNER_POOL.equals(name)) {
      return pool;
    }
    pool.addDataSourceProperty("ApplicationName", applicationName(name));
    pool.addDataSourceProperty("tcpKeepAlive", "true");
    if (runtime) {
      tuneRuntimePool(pool, name);
    } else {
      tuneOwnerPool(pool);
    }
    return pool;
  }

  private void tuneRuntimePool(DatasourceConfiguration pool, String name) {
    if (!configured(name, "connection-timeout")) {
      pool.setConnectionTimeout(limits.connectionTimeout().toMillis());
    }
    if (!configured(name, "validation-timeout")) {
      pool.setValidationTimeout(
          Math.max(
              SHORTEST_VALIDATION_MILLIS,
              Math.min(LONGEST_VALIDATION_MILLIS, pool.getConnectionTimeout() / 3)));
    }
    long connectSeconds = seconds(Duration.ofMillis(pool.getConnectionTimeout()));
    pool.addDataSourceProperty("connectTimeout", Long.toString(connectSeconds));
    pool.addDataSourceProperty("loginTimeout", Long.toString(connectSeconds));
    pool.addDataSourceProperty("socketTimeout", Long.toString(seconds(limits.socketTimeout())));
    if (PlatformDataSource.NAME.equals(name)) {
      pool.addDataSourceProperty(
          "options",
          "-c statement_timeout="
              + limits.statementTimeout().toMillis()
              + " -c lock_timeout="
              + limits.lockTimeout().toMillis());
    }
    LOG.debug(
        "pool {}: connection timeout {} ms, validation {} ms, socket timeout {} s",
        name,
        pool.getConnectionTimeout(),
        pool.getValidationTimeout(),
        seconds(limits.socketTimeout()));
  }

  private void tuneOwnerPool(DatasourceConfiguration pool) {
    if (!configured(OWNER_POOL, "maximum-pool-size")) {
      pool.setMaximumPoolSize(ownerPoolSize(settings.migrationThreads()));
    }
    pool.addDataSourceProperty("connectTimeout", Integer.toString(OWNER_CONNECT_SECONDS));
    pool.addDataSourceProperty("loginTimeout", Integer.toString(OWNER_CONNECT_SECONDS));
  }

  private boolean configured(String pool, String key) {
    return environment.containsProperty("datasources." + pool + "." + key);
  }

  /** Whole seconds, rounded up: the driver's timeouts count in seconds. */
  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
