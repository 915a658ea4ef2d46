package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Background work: every active tenant, one failure isolated, one node (lock holder) per job. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantJobsTest implements TestPropertyProvider {
  @Inject ApplicationContext context;
  @Inject TenantJobs jobs;
  @Inject TenantScope scope;
  private final ExecutorService otherNode = Executors.newSingleThreadExecutor();

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void tenants() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("jobsprov", "jobs_alpha", "jobs_beta");
  }

  @AfterAll
  void stop() {
    otherNode.shutdownNow();
  }

  @Test
  void oneTenantsFailureIsLoggedAndTheOthersRun() {
    Set<String> visited = ConcurrentHashMap.newKeySet();
    TenantJobs.Round round =
        jobs.forEachActiveTenant(
            "test failure",
            tenant -> {
              if (tenant.code().value().equals("jobs_alpha")) {
                throw new IllegalStateException("alpha's trouble");
              }
              visited.add(tenant.code().value());
              return scope.read(tenant, () -> 1);
            });
    assertThat(round.ran()).isTrue();
    assertThat(round.failed()).isEqualTo(1);
    assertThat(visited).contains("jobs_beta").doesNotContain("jobs_alpha");
    assertThat(round.done()).isEqualTo(round.tenants() - 1);
  }

  @Test
  void aJobEntersEachTenantAsItsOwnSystemIdentityAndMayWrite() {
    List<TenantContext> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    jobs.forEachActiveTenant(
        "test identity",
        tenant -> {
          seen.add(tenant);
          return 0;
        });
    TenantContext beta =
        seen.stream().filter(t -> t.code().value().equals("jobs_beta")).findFirst().orElseThrow();
    assertThat(beta.readOnly()).isFalse();
    assertThat(beta.caller().username()).isEqualTo("system:test identity");
    assertThat(beta.caller().roles()).doesNotContain(Role.values());
    assertThat(beta.caller().tenant()).isEqualTo("jobs_beta");
  }

  @Test
  void whileOneNodeRunsAJobAnotherSkipsItButRunsOtherJobs() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<TenantJobs.Round> first =
        otherNode.submit(
            () ->
                jobs.forEachActiveTenant(
                    "test lock",
                    tenant -> {
                      inside.countDown();
                      await(release);
                      return 1;
                    }));
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    TenantJobs.Round second = jobs.forEachActiveTenant("test lock", tenant -> 1);
    TenantJobs.Round other = jobs.forEachActiveTenant("test other job", tenant -> 1);
    release.countDown();
    assertThat(second.ran()).isFalse();
    assertThat(other.ran()).isTrue();
    assertThat(first.get(30, TimeUnit.SECONDS).ran()).isTrue();
    assertThat(jobs.forEachActiveTenant("test lock", tenant -> 1).ran())
        .as("the lock is released when the round ends")
        .isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
