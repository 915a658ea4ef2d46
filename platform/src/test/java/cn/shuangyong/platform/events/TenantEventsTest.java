package cn.shuangyong.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Events are kept in the tenant's outbox with the change and heard only after it commits. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantEventsTest implements TestPropertyProvider {
  @Inject ApplicationContext context;
  @Inject TenantEvents events;
  @Inject TenantScope scope;
  @Inject Heard heard;
  TenantContext alpha;
  TenantContext beta;

  @Serdeable
  record Probed(TenantCode tenant, String note) implements TenantEvent {
    @Override
    public String feature() {
      return "probe";
    }
  }

  /** Collects what listeners hear. */
  @Singleton
  static class Heard implements ApplicationEventListener<Probed> {
    final List<Probed> events = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(Probed event) {
      events.add(event);
    }
  }

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void tenants() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("eventsprov", "events_alpha", "events_beta");
    alpha = new TestTenants(context).admin("events_alpha");
    beta = new TestTenants(context).admin("events_beta");
  }

  @Test
  void aCommittedChangeIsKeptInItsTenantsOutboxAndHeardAfterCommit() throws SQLException {
    long alphaBefore = outbox("events_alpha");
    long betaBefore = outbox("events_beta");
    Probed probe = new Probed(alpha.code(), "committed");
    scope.write(
        alpha,
        () -> {
          events.publish(alpha, probe);
          assertThat(heard.events).as("not before commit").doesNotContain(probe);
          return null;
        });
    assertThat(heard.events).contains(probe);
    assertThat(outbox("events_alpha")).isEqualTo(alphaBefore + 1);
    assertThat(outbox("events_beta")).isEqualTo(betaBefore);
    assertThat(lastPayload("events_alpha")).contains("committed").contains("events_alpha");
  }

  @Test
  void aRolledBackChangePublishesNothing() throws SQLException {
    long before = outbox("events_alpha");
    Probed probe = new Probed(alpha.code(), "rolled back");
    assertThatThrownBy(
            () ->
                scope.write(
                    alpha,
                    () -> {
                      events.publish(alpha, probe);
                      throw new IllegalStateException("the change fails");
                    }))
        .hasMessageContaining("the change fails");
    assertThat(heard.events).doesNotContain(probe);
    assertThat(outbox("events_alpha")).isEqualTo(before);
  }

  @Test
  void anEventIsPublishedOnlyInsideItsOwnTenantsTransaction() {
    Probed alphas = new Probed(alpha.code(), "misplaced");
    assertThatThrownBy(() -> events.publish(alpha, alphas))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scope.write(beta, () -> publishIn(alpha, alphas)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scope.write(beta, () -> publishIn(beta, alphas)))
        .isInstanceOf(IllegalStateException.class);
  }

  private Void publishIn(TenantContext tenant, TenantEvent event) {
    events.publish(tenant, event);
    return null;
  }

  private long outbox(String tenant) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement count =
            c.prepareStatement("select count(*) from t_" + tenant + ".outbox");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private String lastPayload(String tenant) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement last =
            c.prepareStatement(
                "select topic || ' ' || payload from t_"
                    + tenant
                    + ".outbox order by id desc limit 1");
        ResultSet row = last.executeQuery()) {
      row.next();
      return row.getString(1);
    }
  }
}
