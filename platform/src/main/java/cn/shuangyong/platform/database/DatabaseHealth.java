package cn.shuangyong.platform.database;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Part of {@code /health}: whether PostgreSQL answers, decided within {@link #ANSWER_WITHIN} (500
 * ms) whatever the database does, and never on the event loop.
 *
 * <p>A silent database is DOWN (503): the node cannot serve a request without it, and a load
 * balancer should send the work elsewhere. The check asks PostgreSQL itself, not the pools: on a
 * connection of its own (the platform login role, {@code select 1}), so a pool exhausted by load
 * does not make a healthy database look dead and take every node out at once (pool trouble answers
 * 503 per request instead). One check runs at a time on a thread of its own: a {@code /health} that
 * comes while a check is under way waits for that check, so a silent database holds one thread and
 * one connection attempt, not one per call; the thread gives up after the driver's connect and
 * socket timeouts (2 s and 3 s).
 */
@Singleton
public class DatabaseHealth implements HealthIndicator {
  static final Duration ANSWER_WITHIN = Duration.ofMillis(500);
  private final ExecutorService prober =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "database-health");
            thread.setDaemon(true);
            return thread;
          });

  /** Only the prober thread touches it. */
  private final DedicatedConnection connection;

  private CompletableFuture<Boolean> running;

  public DatabaseHealth(DatabaseLogin database) {
    this.connection =
        new DedicatedConnection(
            database, "shuangyong-health", Duration.ofSeconds(2), Duration.ofSeconds(3), "");
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.fromFuture(this::check, true)
        .timeout(ANSWER_WITHIN, Mono.just(false))
        .map(DatabaseHealth::result);
  }

  private static HealthResult result(boolean answers) {
    return HealthResult.builder("database", answers ? HealthStatus.UP : HealthStatus.DOWN)
        .details(Map.of("answers", answers, "within", ANSWER_WITHIN.toMillis() + " ms"))
        .build();
  }

  /** The check under way, or a new one. */
  private synchronized CompletableFuture<Boolean> check() {
    if (running == null || running.isDone()) {
      running = CompletableFuture.supplyAsync(this::selectOne, prober);
    }
    return running;
  }

  private boolean selectOne() {
    try (Statement statement = connection.get().createStatement()) {
      statement.execute("select 1");
      return true;
    } catch (SQLException e) {
      connection.close();
      return false;
    }
  }

  @PreDestroy
  void stop() {
    prober.execute(connection::close);
    prober.shutdown();
  }
}
