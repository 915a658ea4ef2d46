package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audit trail is append-only and its hash chain finds tampering: a row changed or removed in
 * the database (by the owner, with the trigger switched off) is reported as the first broken one.
 * Each tampering is undone before the test ends, so the chain is intact for the other tests.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest implements TestPropertyProvider {
  private static final String COLUMNS =
      "id, at, username, tenant_code, action, target, result, ip, detail, prev_hash, hash, seal";

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

  @Test
  void aRowChangedInTheDatabaseIsFound() throws SQLException {
    List<Long> ids = threeEvents();
    long middle = ids.get(1);
    for (String change :
        new String[] {
          "update platform.audit_event set detail = 'forged' where id = ?",
          "update platform.audit_event set at = at + interval '1 second' where id = ?",
          "update platform.audit_event set username = 'someone.else' where id = ?"
        }) {
      Object[] original = row(middle);
      asOwnerWithoutTrigger(change, middle);
      try {
        assertThat(audit.verifyChain()).as(change).isEqualTo(middle);
      } finally {
        restore(original);
      }
      assertThat(audit.verifyChain()).isEqualTo(-1);
    }
  }

  @Test
  void aRowRemovedFromTheMiddleIsFoundAtTheNextOne() throws SQLException {
    List<Long> ids = threeEvents();
    Object[] removed = row(ids.get(1));
    asOwnerWithoutTrigger("delete from platform.audit_event where id = ?", ids.get(1));
    try {
      assertThat(audit.verifyChain()).isEqualTo(ids.get(2));
    } finally {
      reinsert(removed);
    }
    assertThat(audit.verifyChain()).isEqualTo(-1);
  }

  /** Three new events of a unique action, oldest first. */
  private List<Long> threeEvents() {
    String action = "CHAIN_" + UUID.randomUUID().toString().substring(0, 8);
    for (String target : List.of("a", "b", "c")) {
      audit.record(new AuditLog.Entry("chain", null, action, target, "SUCCESS", null, target));
    }
    List<Long> ids = new ArrayList<>();
    audit
        .search(new AuditLog.Query(null, null, null, action, null, null), 0, 10)
        .items()
        .forEach(event -> ids.add(0, event.id()));
    assertThat(ids).hasSize(3);
    return ids;
  }

  private Object[] row(long id) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            c.prepareStatement("select " + COLUMNS + " from platform.audit_event where id = ?")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        Object[] values = new Object[12];
        for (int i = 0; i < values.length; i++) {
          values[i] = rs.getObject(i + 1);
        }
        return values;
      }
    }
  }

  private void restore(Object[] original) throws SQLException {
    asOwnerWithoutTrigger("delete from platform.audit_event where id = ?", original[0]);
    reinsert(original);
  }

  private void reinsert(Object[] values) throws SQLException {
    asOwnerWithoutTrigger(
        "insert into platform.audit_event ("
            + COLUMNS
            + ") overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values);
  }

  /** What only the owner can do: the statement with the append-only trigger off, committed. */
  private static void asOwnerWithoutTrigger(String sql, Object... arguments) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement change = c.prepareStatement(sql)) {
        s.execute("alter table platform.audit_event disable trigger audit_event_append_only");
        for (int i = 0; i < arguments.length; i++) {
          change.setObject(i + 1, arguments[i]);
        }
        change.executeUpdate();
        s.execute("alter table platform.audit_event enable trigger audit_event_append_only");
        c.commit();
      }
    }
  }
}
