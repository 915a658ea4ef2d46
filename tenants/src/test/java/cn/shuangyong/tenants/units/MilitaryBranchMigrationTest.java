package cn.shuangyong.tenants.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * The tenant migration that makes branches data (issue 9 item 6), run on a schema of its own: a
 * unit of the dissolved 战略支援部队 ends at the 信息支援部队, every other unit keeps its branch, and a branch
 * outside the table is refused by the database too.
 */
class MilitaryBranchMigrationTest {
  private static final MigrationVersion BRANCHES = MigrationVersion.fromVersion("2026.12.01.1430");

  @Test
  void aStrategicSupportUnitEndsAtTheInformationSupportForce() throws SQLException {
    String schema = "mig_branch_" + UUID.randomUUID().toString().substring(0, 8);
    TestInfrastructure infra = TestInfrastructure.get();
    try (Connection owner = infra.ownerConnection();
        Statement sql = owner.createStatement()) {
      sql.execute("create schema " + schema);
      try {
        flyway(infra, schema, before(infra, schema)).migrate();
        sql.execute(
            "insert into "
                + schema
                + ".garrison_unit (name, branch, created_at, created_by, updated_at, updated_by)"
                + " values ('驻某战略支援部队某部', 'STRATEGIC_SUPPORT', now(), 't', now(), 't'),"
                + " ('驻某火箭军某部', 'ROCKET_FORCE', now(), 't', now(), 't')");

        flyway(infra, schema, MigrationVersion.LATEST).migrate();

        assertThat(branchOf(sql, schema, "驻某战略支援部队某部")).isEqualTo("INFORMATION_SUPPORT");
        assertThat(branchOf(sql, schema, "驻某火箭军某部")).isEqualTo("ROCKET_FORCE");
        try (ResultSet old =
            sql.executeQuery(
                "select name_zh, active from "
                    + schema
                    + ".military_branch where code = 'STRATEGIC_SUPPORT'")) {
          assertThat(old.next()).isTrue();
          assertThat(old.getString(1)).isEqualTo("战略支援部队");
          assertThat(old.getBoolean(2)).as("kept for history, not offered").isFalse();
        }
        try (ResultSet current =
            sql.executeQuery(
                "select string_agg(name_zh, ',' order by display_order) from "
                    + schema
                    + ".military_branch where active")) {
          current.next();
          assertThat(current.getString(1))
              .contains("军事航天部队", "网络空间部队", "信息支援部队", "联勤保障部队")
              .doesNotContain("战略支援部队");
        }
        assertThatThrownBy(
                () ->
                    sql.execute(
                        "insert into "
                            + schema
                            + ".garrison_unit (name, branch, created_at, created_by, updated_at,"
                            + " updated_by) values ('x', 'SPACE_FORCE', now(), 't', now(), 't')"))
            .isInstanceOf(SQLException.class);
      } finally {
        sql.execute("drop schema " + schema + " cascade");
      }
    }
  }

  /** The newest tenant migration before this one, whatever else has been added since. */
  private static MigrationVersion before(TestInfrastructure infra, String schema) {
    return Arrays.stream(flyway(infra, schema, MigrationVersion.LATEST).info().all())
        .map(MigrationInfo::getVersion)
        .filter(version -> version.compareTo(BRANCHES) < 0)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static Flyway flyway(TestInfrastructure infra, String schema, MigrationVersion target) {
    Map<String, String> properties = infra.properties();
    return Flyway.configure()
        .dataSource(
            properties.get("datasources.default.url"),
            properties.get("datasources.default.username"),
            properties.get("datasources.default.password"))
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(false)
        .locations("classpath:db/tenant")
        .target(target)
        .load();
  }

  private static String branchOf(Statement sql, String schema, String name) throws SQLException {
    try (ResultSet row =
        sql.executeQuery(
            "select branch from " + schema + ".garrison_unit where name = '" + name + "'")) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
    }
  }
}
