package cn.shuangyong.platform.kv;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Part of {@code /health}: which shared store serves (Redis or in-process) and whether it answers.
 * A silent Redis does not take the node out of service (revocations fall back to PostgreSQL, see
 * the runbook), so the status stays UP and the details say {@code answers: false}.
 */
@Singleton
public class KeyValueStoreHealth implements HealthIndicator {
  private final KeyValueStore store;

  public KeyValueStoreHealth(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
  }

  private HealthResult check() {
    boolean answers;
    try {
      store.get("health:ping");
      answers = true;
    } catch (KeyValueStoreUnavailableException e) {
      answers = false;
    }
    return HealthResult.builder("sharedStore", HealthStatus.UP)
        .details(Map.of("store", store.describe(), "answers", answers))
        .build();
  }
}
