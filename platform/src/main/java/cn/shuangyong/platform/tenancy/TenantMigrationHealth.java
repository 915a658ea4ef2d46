package cn.shuangyong.platform.tenancy;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Part of {@code /health}: the tenants as this node sees them now. {@code ready}: active tenants
 * this node serves; {@code migrating}: tenants this node is still bringing to the newest schema
 * (answered 503 meanwhile); {@code retrying}: tenants this node could not migrate for trouble of
 * its own (no connection in time, connections refused, the database out of slots), each with its
 * cause and next attempt; {@code failed}: tenants whose schema failed to migrate, from the shared
 * registry, with the cause. None of this takes the node out of service for the other tenants.
 *
 * <p>The registry is read off the event loop and at most once at a time; when it does not answer
 * within half a second the last reading is shown ({@code registryReadAt} says when it was taken).
 */
@Singleton
public class TenantMigrationHealth implements HealthIndicator {
  private static final Duration REGISTRY_WAIT = Duration.ofMillis(500);

  /** What the registry said: active tenants, and the failed ones with their causes. */
  private record Registry(Set<String> active, Map<String, String> failed, String readAt) {}

  private final TenantRepository tenants;
  private final TenantReadiness readiness;
  private final Clock clock;
  private final AtomicReference<Registry> last =
      new AtomicReference<>(new Registry(Set.of(), Map.of(), "never"));
  private final AtomicReference<Mono<Registry>> reading = new AtomicReference<>();

  TenantMigrationHealth(TenantRepository tenants, TenantReadiness readiness, Clock clock) {
    this.tenants = tenants;
    this.readiness = readiness;
    this.clock = clock;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return readRegistry()
        .timeout(REGISTRY_WAIT, Mono.fromSupplier(last::get))
        .onErrorResume(e -> Mono.fromSupplier(last::get))
        .map(this::result);
  }

  /** The reading in flight, or a new one: never two at once, even while the registry hangs. */
  private Mono<Registry> readRegistry() {
    return reading.updateAndGet(
        current ->
            current != null
                ? current
                : Mono.fromCallable(this::read)
                    .subscribeOn(Schedulers.boundedElastic())
                    .doOnNext(last::set)
                    .doFinally(signal -> reading.set(null))
                    .cache());
  }

  private Registry read() {
    List<Tenant> all = tenants.findAllOrderByCode();
    Map<String, String> failed = new TreeMap<>();
    Set<String> active = new HashSet<>();
    for (Tenant tenant : all) {
      if (tenant.status() == TenantStatus.ACTIVE) {
        active.add(tenant.code());
      } else if (tenant.status() == TenantStatus.FAILED) {
        failed.put(tenant.code(), String.valueOf(tenant.statusDetail()));
      }
    }
    return new Registry(active, failed, clock.instant().toString());
  }

  private HealthResult result(Registry registry) {
    Map<String, TenantReadiness.NotReady> notReady = readiness.notReady();
    Map<String, String> retrying = new TreeMap<>();
    int migrating = 0;
    for (TenantReadiness.NotReady tenant : notReady.values()) {
      if (tenant.reason() == TenantReadiness.Reason.RETRYING) {
        retrying.put(
            tenant.code(),
            "attempt "
                + tenant.attempts()
                + ", next at "
                + tenant.nextAttempt()
                + ": "
                + tenant.cause());
      } else {
        migrating++;
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(
        "ready", registry.active().stream().filter(code -> !notReady.containsKey(code)).count());
    details.put("migrating", migrating);
    details.put("retrying", retrying);
    details.put("failed", registry.failed());
    details.put("registryReadAt", registry.readAt());
    return HealthResult.builder("tenants", HealthStatus.UP).details(details).build();
  }
}
