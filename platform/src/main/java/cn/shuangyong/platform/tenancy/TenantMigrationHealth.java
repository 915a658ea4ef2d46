package cn.shuangyong.platform.tenancy;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Part of {@code /health}: how many tenant schemas were migrated at startup and which failed. A
 * failed tenant is reported but does not take the node out of service for the other tenants.
 */
@Singleton
public class TenantMigrationHealth implements HealthIndicator {
  private final TenantStartupMigration migration;

  public TenantMigrationHealth(TenantStartupMigration migration) {
    this.migration = migration;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.just(
        HealthResult.builder("tenants", HealthStatus.UP)
            .details(
                Map.of(
                    "migrated", migration.migratedTenants(),
                    "failed", migration.failedTenants()))
            .build());
  }
}
