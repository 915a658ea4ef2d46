package cn.shuangyong.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the running application's own platform credentials the audit trail can be appended to and
 * read, but the database refuses to change, remove or truncate its rows or to switch off its
 * trigger; and a platform pool logging in as the owner stops the start.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformRoleTest implements TestPropertyProvider {
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Inject ApplicationContext context;
  @Inject AuditLog audit;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void thePlatformRoleMayAppendToTheAuditTrailButNeverRewriteIt() throws SQLException {
    audit.record(new AuditLog.Entry("privilege", null, "TEST_EVENT", "x", "SUCCESS", null, null));
    try (Connection connection = platformConnection();
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "select current_user")).isEqualTo(property("username"));
      assertThat(single(statement, "select count(*) from platform.audit_event")).isNotEqualTo("0");
      connection.setAutoCommit(false);
      assertThat(
              statement.executeUpdate(
                  "insert into platform.audit_event (at, action, result, prev_hash, hash)"
                      + " values (now(), 'TEST_EVENT', 'SUCCESS', 'x', 'y')"))
          .isEqualTo(1);
      connection.rollback(); // the row would break the chain; inserting is what is tested
      connection.setAutoCommit(true);
      for (String change :
          new String[] {
            "update platform.audit_event set result = 'FAILURE'",
            "delete from platform.audit_event",
            "truncate platform.audit_event",
            "alter table platform.audit_event disable trigger audit_event_append_only",
            "alter table platform.audit_event disable trigger all",
            "drop trigger audit_event_append_only on platform.audit_event"
          }) {
        assertThatThrownBy(() -> statement.execute(change))
            .as(change)
            .isInstanceOfSatisfying(
                SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
      }
    }
  }

  @Test
  void thePlatformRoleOwnsNothingAndCannotCreateRoles() throws SQLException {
    try (Connection connection = platformConnection();
        Statement statement = connection.createStatement()) {
      assertThat(
              single(
                  statement,
                  "select rolsuper or rolcreaterole or rolcreatedb from pg_roles"
                      + " where rolname = current_user"))
          .isEqualTo("f");
      assertThat(
              single(
                  statement,
                  "select count(*) from pg_class where relowner = current_user::regrole"))
          .isEqualTo("0");
      assertThatThrownBy(() -> statement.execute("select * from platform.flyway_schema_history"))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
  }

  @Test
  void aPlatformPoolLoggedInAsTheOwnerStopsTheStart() {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("micronaut.server.port", -1);
    properties.put("datasources.platform.username", properties.get("datasources.default.username"));
    properties.put("datasources.platform.password", properties.get("datasources.default.password"));
    assertThatThrownBy(() -> ApplicationContext.run(properties).close())
        .hasStackTraceContaining("the platform pool logs in as");
  }

  /** The credentials the running application's platform pool uses, from its configuration. */
  private Connection platformConnection() throws SQLException {
    return DriverManager.getConnection(property("url"), property("username"), property("password"));
  }

  private String property(String name) {
    return context.getRequiredProperty("datasources.platform." + name, String.class);
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (var rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
