package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tenants and regions over the API: who sees what, and provisioning by the platform admin. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantApiTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  Api api;
  String admin;
  String provinceSupervisor;
  String prefectureSupervisor;
  String cityAdmin;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("tprov", AdministrativeLevel.PROVINCE, null);
    fixtures.region("tpref_a", AdministrativeLevel.PREFECTURE, "tprov");
    fixtures.region("tpref_b", AdministrativeLevel.PREFECTURE, "tprov");
    fixtures.tenant("tcounty_a", "tpref_a");
    fixtures.tenant("tcounty_b", "tpref_b");
    fixtures.user("t.admin", Role.PLATFORM_ADMIN, null, null, null, null);
    fixtures.user("t.prov", Role.SUPERVISOR, null, "tprov", null, null);
    fixtures.user("t.pref", Role.SUPERVISOR, null, "tpref_a", null, null);
    fixtures.user("t.city", Role.CITY_ADMIN, "tcounty_a", null, null, null);
    admin = api.login("t.admin", PlatformFixtures.PASSWORD);
    provinceSupervisor = api.login("t.prov", PlatformFixtures.PASSWORD);
    prefectureSupervisor = api.login("t.pref", PlatformFixtures.PASSWORD);
    cityAdmin = api.login("t.city", PlatformFixtures.PASSWORD);
  }

  @Test
  void eachCallerSeesOnlyTheTenantsItMay() {
    assertThat(api.get("/api/v1/tenants", provinceSupervisor).list())
        .extracting(t -> t.get("code"))
        .contains("tcounty_a", "tcounty_b");
    assertThat(api.get("/api/v1/tenants", prefectureSupervisor).list())
        .extracting(t -> t.get("code"))
        .containsExactly("tcounty_a");
    assertThat(api.get("/api/v1/tenants", cityAdmin).list())
        .extracting(t -> t.get("code"))
        .containsExactly("tcounty_a");
    assertThat(api.get("/api/v1/tenants", admin).list().get(0))
        .containsKeys("code", "name", "level", "region", "status");
  }

  @Test
  void regionTenantsAreForSupervisorsOfThatRegionOrAbove() {
    assertThat(api.get("/api/v1/regions/tpref_b/tenants", provinceSupervisor).status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/regions/tpref_b/tenants", prefectureSupervisor).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/regions/tprov/tenants", prefectureSupervisor).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/regions/tpref_a/tenants", cityAdmin).status()).isEqualTo(404);
  }

  @Test
  void thePlatformAdminProvisionsATenantThatIsUsableAtOnce() throws Exception {
    String code = "tnew_" + UUID.randomUUID().toString().substring(0, 6);
    Answer created =
        api.post(
            "/api/v1/tenants",
            Map.of("code", code, "name", "新城市", "level", "COUNTY", "parent", "tpref_a"),
            admin);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("status")).isEqualTo("ACTIVE");
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from information_schema.tables where table_schema = 't_"
                    + code
                    + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThan(0);
    }
    assertThat(
            api.post(
                    "/api/v1/tenants",
                    Map.of("code", code, "name", "重复", "level", "COUNTY", "parent", "tpref_a"),
                    admin)
                .status())
        .isEqualTo(409);

    // the provisioning is audited with the tenant as it was made
    Map<String, Object> event =
        api.get("/api/v1/audit?action=TENANT_CREATE&size=200", admin).items().stream()
            .filter(e -> code.equals(e.get("target")))
            .findFirst()
            .orElseThrow();
    assertThat(event.get("before")).isNull();
    assertThat(event.get("after"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("code", code)
        .containsEntry("name", "新城市")
        .containsEntry("status", "ACTIVE")
        .containsEntry("parentCode", "tpref_a");
  }

  @Test
  void badTenantRequestsAreRefusedClearly() {
    Answer badCode =
        api.post(
            "/api/v1/tenants",
            Map.of("code", "Bad-Code", "name", "x", "level", "COUNTY", "parent", "tprov"),
            admin);
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.text()).contains("城市编码");
    Answer unknownParent =
        api.post(
            "/api/v1/tenants",
            Map.of("code", "tnoparent", "name", "x", "level", "COUNTY", "parent", "nowhere"),
            admin);
    assertThat(unknownParent.status()).isEqualTo(422);
    assertThat(unknownParent.text()).contains("未知的上级地区");
    // no parent chosen is not an unknown one: the answer says what to do, on the field
    Answer noParent =
        api.post(
            "/api/v1/tenants", Map.of("code", "tnoparent", "name", "x", "level", "COUNTY"), admin);
    assertThat(noParent.status()).isEqualTo(422);
    assertThat(noParent.text()).contains("请选择上级地区").contains("parent").doesNotContain("未知");
    assertThat(
            api.post(
                    "/api/v1/tenants",
                    Map.of("code", "tnoparent", "name", "x", "level", "COUNTY", "parent", ""),
                    admin,
                    "en")
                .text())
        .contains("Choose the parent region");
    Answer notAdmin =
        api.post(
            "/api/v1/tenants",
            Map.of("code", "tnotadmin", "name", "x", "level", "COUNTY", "parent", "tprov"),
            provinceSupervisor);
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/tenants", admin).list())
        .extracting(t -> t.get("code"))
        .doesNotContain("tnoparent", "tnotadmin");
  }

  /**
   * A schema that fails to migrate (here: a stray table left in the tenant's schema where a
   * migration creates its own) is FAILED with the cause, which the platform admin reads in the
   * list; once the cause is removed the admin migrates it again over the API, without a restart.
   */
  @Test
  void aSchemaThatFailsIsShownWithItsCauseAndMigratedAgainByThePlatformAdmin() throws Exception {
    String code = "tbroken_" + UUID.randomUUID().toString().substring(0, 6);
    String schema = "t_" + code;
    Map<String, String> database = TestInfrastructure.get().properties();
    // the schema at the stream's first version, and a table of the second one already there
    Flyway.configure()
        .dataSource(
            database.get("datasources.default.url"),
            database.get("datasources.default.username"),
            database.get("datasources.default.password"))
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/tenant")
        .target("2026.11.25.1000")
        .load()
        .migrate();
    owner("create table " + schema + ".need_category (stray integer)");

    Answer created =
        api.post(
            "/api/v1/tenants",
            Map.of("code", code, "name", "故障城市", "level", "COUNTY", "parent", "tpref_a"),
            admin);
    assertThat(created.string("status")).isEqualTo("FAILED");
    assertThat(created.string("statusDetail")).contains("need_category");
    Map<String, Object> listed =
        api.get("/api/v1/tenants", admin).list().stream()
            .filter(t -> code.equals(t.get("code")))
            .findFirst()
            .orElseThrow();
    assertThat(listed).containsEntry("status", "FAILED");
    assertThat((String) listed.get("statusDetail")).contains("need_category");
    assertThat(api.get("/api/v1/tenants", provinceSupervisor).text())
        .as("the cause is for the operator")
        .doesNotContain("need_category");

    String migration = "/api/v1/tenants/" + code + "/migration";
    assertThat(api.post(migration, Map.of(), cityAdmin).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/tenants/tnowhere/migration", Map.of(), admin).status())
        .isEqualTo(404);
    Answer stillBroken = api.post(migration, Map.of(), admin);
    assertThat(stillBroken.status()).isEqualTo(200);
    assertThat(stillBroken.string("status")).isEqualTo("FAILED");

    owner("drop table " + schema + ".need_category");
    Answer repaired = api.post(migration, Map.of(), admin);
    assertThat(repaired.status()).isEqualTo(200);
    assertThat(repaired.string("status")).isEqualTo("ACTIVE");
    assertThat(repaired.string("statusDetail")).isNull();
    assertThat(repaired.string("schemaVersion"))
        .isEqualTo(context.getBean(TenantSchemaStream.class).newest());
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select string_agg(result, ',' order by id) from platform.audit_event"
                    + " where action = 'TENANT_MIGRATE' and tenant_code = '"
                    + code
                    + "'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("FAILURE,SUCCESS");
    }
  }

  private static void owner(String sql) throws Exception {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
