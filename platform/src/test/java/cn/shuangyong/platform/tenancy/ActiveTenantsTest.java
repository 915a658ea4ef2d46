package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestClock;
import cn.shuangyong.platform.testing.TestClockFactory;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Entering a tenant asks a short-lived cache of active tenants: the node that changes a tenant's
 * status forgets it at once, other nodes within the cache's lifetime (here 1 s).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActiveTenantsTest implements TestPropertyProvider {
  @Inject ApplicationContext context;
  @Inject TenantDirectory directory;
  @Inject TenantRepository tenants;
  @Inject ActiveTenants active;
  @Inject TestClock clock;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.tenancy.active-cache-ttl", "1s");
    properties.put(TestClockFactory.PROPERTY, "manual");
    return properties;
  }

  @BeforeAll
  void setUp() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("acprov", "ac_here", "ac_there");
  }

  private static CurrentUser adminOf(String tenant) {
    return new CurrentUser(
        tenant + ".admin", tenant, Set.of(Role.CITY_ADMIN), tenant, null, null, null);
  }

  private void markSuspended(String code) {
    Tenant tenant = tenants.findByCode(code).orElseThrow();
    tenants.markStatus(
        tenant.id(), TenantStatus.SUSPENDED, tenant.schemaVersion(), null, Instant.now(), "test");
  }

  @Test
  void theNodeThatChangesATenantRefusesItAtOnce() {
    CurrentUser admin = adminOf("ac_here");
    assertThat(directory.enter(admin, "ac_here").code().value()).isEqualTo("ac_here");

    markSuspended("ac_here");
    active.forget("ac_here");

    assertThatThrownBy(() -> directory.enter(admin, "ac_here"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void anotherNodesChangeArrivesWithinTheCacheLifetime() {
    CurrentUser admin = adminOf("ac_there");
    directory.enter(admin, "ac_there");

    markSuspended("ac_there"); // as another node would: this node's cache is not told

    clock.advance(Duration.ofMillis(1500));
    assertThatThrownBy(() -> directory.enter(admin, "ac_there"))
        .isInstanceOf(ProblemException.class);
  }
}
