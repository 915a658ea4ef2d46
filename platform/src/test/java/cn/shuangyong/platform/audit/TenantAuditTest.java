package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestClock;
import cn.shuangyong.platform.testing.TestClockFactory;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A tenant's audit entry commits with its change (in the tenant's own {@code audit_outbox}) and
 * reaches the platform trail exactly once, with the time of the change: right after commit, or by
 * the sweep when everything after the commit failed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantAuditTest implements TestPropertyProvider {
  @Inject ApplicationContext context;
  @Inject TenantAudit audit;
  @Inject AuditRelay relay;
  @Inject AuditLog trail;
  @Inject TenantScope scope;
  @Inject TestClock clock;

  @Inject
  @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
  TransactionOperations<Connection> tenantTransactions;

  TenantContext alpha;
  TenantContext beta;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put(TestClockFactory.PROPERTY, "manual");
    return properties;
  }

  @BeforeAll
  void tenants() {
    new PlatformFixtures(context).province("auditprov", "audit_alpha", "audit_beta");
    alpha = new TestTenants(context).admin("audit_alpha");
    beta = new TestTenants(context).admin("audit_beta");
  }

  @Test
  void aRolledBackChangeLeavesNoEntryAnywhere() throws SQLException {
    String target = unique();
    assertThatThrownBy(
            () ->
                scope.write(
                    alpha,
                    () -> {
                      audit.record(alpha, "PROBE", target, null);
                      throw new IllegalStateException("the change fails");
                    }))
        .hasMessageContaining("the change fails");
    relay.sweep();
    assertThat(inTenant("audit_alpha", target)).isZero();
    assertThat(inTrail("audit_alpha", target)).isZero();
  }

  @Test
  void aCommittedChangeIsInTheTrailRightAfterCommitWithTheTimeOfTheChange() throws SQLException {
    String target = unique();
    Instant changed = clock.instant().truncatedTo(ChronoUnit.MICROS);
    scope.write(alpha, () -> record(alpha, target));
    assertThat(inTrail("audit_alpha", target)).isEqualTo(1);
    assertThat(trailTime("audit_alpha", target)).isEqualTo(changed);
    assertThat(inTrail("audit_beta", target)).isZero();

    clock.advance(Duration.ofMinutes(5));
    relay.sweep();
    relay.sweep();
    assertThat(inTrail("audit_alpha", target)).as("exactly once").isEqualTo(1);
    assertThat(inTenant("audit_alpha", target)).as("removed once copied").isZero();
    assertThat(trail.verifyChain()).isEqualTo(-1);
  }

  /**
   * The node "dies" right after commit: an after-commit step that runs before the relay throws, as
   * a crash or a lost commit answer would stop everything after the commit. The entry waits in the
   * tenant until the sweep copies it, with its own time, once however often the sweep runs.
   */
  @Test
  void anEntryLeftBehindAfterCommitIsCopiedByTheSweepOnce() throws SQLException {
    String target = unique();
    Instant changed = clock.instant().truncatedTo(ChronoUnit.MICROS);
    assertThatThrownBy(
            () ->
                scope.write(
                    alpha,
                    () -> {
                      tenantTransactions
                          .findTransactionStatus()
                          .orElseThrow()
                          .registerSynchronization(
                              new TransactionSynchronization() {
                                @Override
                                public void afterCommit() {
                                  throw new IllegalStateException("the node dies after commit");
                                }
                              });
                      return record(alpha, target);
                    }))
        .hasMessageContaining("the node dies");
    assertThat(inTenant("audit_alpha", target)).as("committed with the change").isEqualTo(1);
    assertThat(inTrail("audit_alpha", target)).as("not copied yet").isZero();

    clock.advance(Duration.ofHours(1));
    relay.sweep();
    relay.sweep();
    relay.sweep();
    assertThat(inTrail("audit_alpha", target)).isEqualTo(1);
    assertThat(trailTime("audit_alpha", target)).as("the change's time").isEqualTo(changed);
    assertThat(inTenant("audit_alpha", target)).isZero();
    assertThat(trail.verifyChain()).isEqualTo(-1);
  }

  @Test
  void aCopyRepeatedAfterALostAnswerIsSkipped() throws SQLException {
    String target = unique();
    AuditLog.Copied entry =
        new AuditLog.Copied(
            Long.MAX_VALUE - Math.abs(target.hashCode()),
            clock.instant(),
            new AuditLog.Entry("tester", "audit_beta", "PROBE", target, "SUCCESS", null, null));
    trail.copy("audit_beta", java.util.List.of(entry));
    trail.copy("audit_beta", java.util.List.of(entry));
    assertThat(inTrail("audit_beta", target)).isEqualTo(1);
    assertThat(trail.verifyChain()).isEqualTo(-1);
  }

  @Test
  void anEntryIsRecordedOnlyInsideItsOwnTenantsTransaction() {
    assertThatThrownBy(() -> audit.record(alpha, "PROBE", "outside", null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scope.write(beta, () -> record(alpha, "misplaced")))
        .isInstanceOf(IllegalStateException.class);
  }

  private Void record(TenantContext tenant, String target) {
    audit.record(tenant, "PROBE", target, null);
    return null;
  }

  private static String unique() {
    return "probe:" + UUID.randomUUID();
  }

  private static long inTenant(String tenant, String target) throws SQLException {
    return count("select count(*) from t_" + tenant + ".audit_outbox where target = ?", target);
  }

  private static long inTrail(String tenant, String target) throws SQLException {
    return count(
        "select count(*) from platform.audit_event where tenant_code = '"
            + tenant
            + "' and target = ?",
        target);
  }

  private static Instant trailTime(String tenant, String target) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select at from platform.audit_event where tenant_code = ? and target = ?")) {
      select.setString(1, tenant);
      select.setString(2, target);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getTimestamp(1).toInstant();
      }
    }
  }

  private static long count(String sql, String target) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement count = c.prepareStatement(sql)) {
      count.setString(1, target);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
