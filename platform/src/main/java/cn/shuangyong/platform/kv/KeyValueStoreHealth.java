package cn.shuangyong.platform.kv;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Part of {@code /health}: which shared store serves (Redis or in-process) and whether it answers.
 * A silent Redis does not take the node out of service (revocations are held in memory and polled
 * from PostgreSQL, the login counters live in PostgreSQL, see the runbook), so the status stays UP
 * and the details say {@code answers: false}. The check runs off the event loop and is given up
 * after {@link #ANSWER_WITHIN}: a frozen Redis never holds {@code /health} back.
 */
@Singleton
public class KeyValueStoreHealth implements HealthIndicator {
  static final Duration ANSWER_WITHIN = Duration.ofMillis(500);
  private final KeyValueStore store;

  public KeyValueStoreHealth(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.fromCallable(this::check)
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(ANSWER_WITHIN, Mono.fromSupplier(() -> result(false)));
  }

  private HealthResult check() {
    try {
      store.get("health:ping");
      return result(true);
    } catch (KeyValueStoreUnavailableException e) {
      return result(false);
    }
  }

  private HealthResult result(boolean answers) {
    return HealthResult.builder("sharedStore", HealthStatus.UP)
        .details(Map.of("store", store.describe(), "answers", answers))
        .build();
  }
}
