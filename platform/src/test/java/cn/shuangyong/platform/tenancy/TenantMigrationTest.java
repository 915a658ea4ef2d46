package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Nodes starting together migrate the same tenants at once: each tenant must end ACTIVE. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantMigrationTest implements TestPropertyProvider {
  @Inject ApplicationContext context;
  @Inject TenantProvisioner provisioner;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void concurrentMigrationsOfOneTenantAllSucceed() throws Exception {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("migprov", AdministrativeLevel.PROVINCE, null);
    List<Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tenants.add(fixtures.tenant("mig_city" + i, "migprov"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Tenant>> results = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (Tenant tenant : tenants) {
        results.add(pool.submit(() -> provisioner.migrate(tenant, "test")));
      }
    }
    for (Future<Tenant> result : results) {
      Tenant outcome = result.get();
      assertThat(outcome.status())
          .as(outcome.code() + ": " + outcome.statusDetail())
          .isEqualTo(TenantStatus.ACTIVE);
      assertThat(outcome.schemaVersion()).as("kept when nothing is pending").isNotNull();
    }
    pool.shutdown();
  }
}
