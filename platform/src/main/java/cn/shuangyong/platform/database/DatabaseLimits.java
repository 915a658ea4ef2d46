package cn.shuangyong.platform.database;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long run-time database work may wait, so that a stopped database, an exhausted pool or a held
 * lock answers a client within a couple of seconds (503 with {@code Retry-After}) instead of
 * blocking a request thread for half a minute.
 *
 * @param connectionTimeout how long a request waits for a connection of the tenant or platform pool
 *     (Hikari's default is 30 s; its minimum 250 ms); also bounds the TCP connect
 * @param statementTimeout longest single statement of a tenant transaction or of platform work
 *     ({@code statement_timeout}); the client gives up on a silent server a few seconds later
 * @param lockTimeout longest wait for a row or table lock ({@code lock_timeout}), so a write behind
 *     a stuck transaction answers 503 rather than queueing
 * @param tenantShare how many transactions one tenant may run at once on this node: its bulkhead in
 *     the shared tenant pool; 0 means max(2, tenant-pool-size / 4)
 * @param tenantShareWait how long a tenant's transaction waits for a free place in its share before
 *     it answers 503 ("this city is busy")
 */
@ConfigurationProperties("shuangyong.db")
public record DatabaseLimits(
    @Bindable(defaultValue = "1500ms") Duration connectionTimeout,
    @Bindable(defaultValue = "10s") Duration statementTimeout,
    @Bindable(defaultValue = "3s") Duration lockTimeout,
    @Bindable(defaultValue = "0") int tenantShare,
    @Bindable(defaultValue = "1s") Duration tenantShareWait) {

  /** The client-side read timeout: beyond the statement timeout, only a silent server is left. */
  private static final Duration SILENT_SERVER_MARGIN = Duration.ofSeconds(5);

  public DatabaseLimits {
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("shuangyong.db.connection-timeout must be at least 250ms");
    }
    if (statementTimeout.toMillis() < 1 || lockTimeout.toMillis() < 1) {
      throw new IllegalArgumentException(
          "shuangyong.db.statement-timeout and lock-timeout must be positive");
    }
    if (tenantShare < 0 || tenantShareWait.isNegative()) {
      throw new IllegalArgumentException(
          "shuangyong.db.tenant-share and tenant-share-wait must not be negative");
    }
  }

  /** The share of one tenant in a tenant pool of {@code poolSize} connections. */
  public int tenantShareOf(int poolSize) {
    int share = tenantShare > 0 ? tenantShare : Math.max(2, poolSize / 4);
    return Math.min(share, Math.max(1, poolSize));
  }

  /**
   * How long the driver waits for an answer before it declares the server gone: longer than any
   * statement may run, so only a server that stopped answering reaches it.
   */
  public Duration socketTimeout() {
    return statementTimeout.plus(SILENT_SERVER_MARGIN);
  }
}
