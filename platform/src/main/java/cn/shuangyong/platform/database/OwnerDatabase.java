package cn.shuangyong.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Plain connections of the owner ({@code datasources.default}) for DDL: migrations, roles, grants.
 * The injected data source is Micronaut's contextual one (it wants a surrounding transaction);
 * schema work needs the pool itself.
 *
 * <p>The owner pool is small ({@link PoolTuning}), so tenant migrations take turns for it: each
 * holds {@value #CONNECTIONS_PER_MIGRATION} connections at once (its advisory lock's, Flyway's main
 * and migration connections), and without turns a few provisionings during the startup migration
 * could each hold part of what they need and wait for the rest until the pool's timeout.
 */
@Singleton
public class OwnerDatabase {
  /** Owner connections one tenant migration holds at once. */
  public static final int CONNECTIONS_PER_MIGRATION = 3;

  private static final int UNKNOWN_POOL_SIZE = 10;

  private final DataSource dataSource;
  private final int concurrentMigrations;
  private final Semaphore migrationTurns;

  public OwnerDatabase(DataSource dataSource, DataSourceResolver resolver) {
    this.dataSource = resolver.resolve(dataSource);
    int poolSize =
        this.dataSource instanceof HikariDataSource pool
            ? pool.getMaximumPoolSize()
            : UNKNOWN_POOL_SIZE;
    // one connection stays free for the rest of the owner's work (bootstrap, checks)
    this.concurrentMigrations = Math.max(1, (poolSize - 1) / CONNECTIONS_PER_MIGRATION);
    this.migrationTurns = new Semaphore(concurrentMigrations, true);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs one tenant migration in its turn: at most as many at once as the pool can serve. */
  public <T> T inMigrationTurn(Supplier<T> migration) {
    try {
      migrationTurns.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a migration turn", e);
    }
    try {
      return migration.get();
    } finally {
      migrationTurns.release();
    }
  }

  /** How many tenant migrations may run at once on this node. */
  public int concurrentMigrations() {
    return concurrentMigrations;
  }
}
