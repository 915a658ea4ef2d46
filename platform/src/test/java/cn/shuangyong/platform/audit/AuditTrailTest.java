package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The audit trail is append-only and its hash chain detects tampering. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest implements TestPropertyProvider {
  @Inject AuditLog audit;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void eventsChainAndCannotBeChangedOrRemoved() throws Exception {
    audit.record(
        new AuditLog.Entry("tester", null, "TEST_EVENT", "x", "SUCCESS", "127.0.0.1", "一"));
    audit.record(
        new AuditLog.Entry("tester", null, "TEST_EVENT", "y", "SUCCESS", "127.0.0.1", null));
    assertThat(audit.verifyChain()).isEqualTo(-1);
    assertThat(
            audit
                .search(new AuditLog.Query(null, null, "tester", "TEST_EVENT", null, null), 0, 10)
                .total())
        .isGreaterThanOrEqualTo(2);
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("update platform.audit_event set result = 'FAILURE'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("delete from platform.audit_event"))
          .hasMessageContaining("append-only");
    }
  }
}
