package cn.shuangyong.tenants.units;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The units API against the demo province: contract, validation, roles and tenant isolation. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitApiTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeEach
  void client() {
    api = new Api(server, json);
  }

  String token(String user) {
    return api.login(user, DemoProvince.PASSWORD);
  }

  @Test
  void aCityAdminListsItsGarrisonUnitsPaged() {
    Answer answer =
        api.get(
            "/api/v1/tenants/pinghu/garrison-units?size=4&sort=name,asc", token("pinghu.admin"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.map()).containsKeys("items", "total", "page", "size");
    assertThat(answer.items()).hasSize(4);
    assertThat(((Number) answer.map().get("total")).intValue()).isGreaterThanOrEqualTo(6);
    assertThat(answer.items().get(0)).containsKeys("id", "name", "branch");
  }

  @Test
  void createReadUpdateDeleteAGarrisonUnit() {
    String admin = token("pinghu.admin");
    String name = "驻平测试某部-" + UUID.randomUUID().toString().substring(0, 8);
    Answer created = api.post("/api/v1/tenants/pinghu/garrison-units", form(name, "NAVY"), admin);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().headers().firstValue("Location"))
        .get()
        .asString()
        .startsWith("/api/v1/tenants/pinghu/garrison-units/");
    String id = created.string("id");
    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units/" + id, admin).string("name"))
        .isEqualTo(name);
    Answer updated =
        api.put("/api/v1/tenants/pinghu/garrison-units/" + id, form(name + "改", "ARMY"), admin);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.string("branch")).isEqualTo("ARMY");
    assertThat(api.delete("/api/v1/tenants/pinghu/garrison-units/" + id, admin).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units/" + id, admin).status())
        .isEqualTo(404);
  }

  @Test
  void badInputIsA400ProblemWithFieldMessagesInTheUsersLanguage() {
    String admin = token("pinghu.admin");
    Answer empty = api.post("/api/v1/tenants/pinghu/garrison-units", form("", "ARMY"), admin);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.contentType()).startsWith("application/problem+json");
    assertThat(empty.map()).containsKeys("type", "title", "status", "detail", "errors");
    assertThat(empty.text()).contains("\"field\":\"name\"").contains("不能为空");

    Answer english =
        api.post(
            "/api/v1/tenants/pinghu/garrison-units", form("x".repeat(101), "ARMY"), admin, "en");
    assertThat(english.status()).isEqualTo(400);
    assertThat(english.text()).contains("length must be between");

    Answer unknownBranch =
        api.post("/api/v1/tenants/pinghu/garrison-units", form("驻平某部X", "SPACE_FORCE"), admin);
    assertThat(unknownBranch.status()).as("a code outside the branch table").isEqualTo(422);
    assertThat(unknownBranch.contentType()).startsWith("application/problem+json");
    assertThat(unknownBranch.text()).contains("\"field\":\"branch\"");

    Answer malformed = api.postRaw("/api/v1/tenants/pinghu/garrison-units", "{\"name\": ", admin);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    Answer duplicate =
        api.post(
            "/api/v1/tenants/pinghu/garrison-units", form("武警平湖中队（示例）", "ARMED_POLICE"), admin);
    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(duplicate.text()).contains("已有同名单位");

    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units?size=500", admin).status())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units?sort=password", admin).status())
        .isEqualTo(400);
  }

  /**
   * Branches are the tenant's table (issue 9 item 6): a current arm such as the 信息支援部队 is taken,
   * the dissolved 战略支援部队 (kept inactive for history) is refused on create and on update.
   */
  @Test
  void aCurrentBranchIsTakenAndTheDissolvedStrategicSupportForceRefused() {
    String admin = token("pinghu.admin");
    String name = "驻平信息支援某部-" + UUID.randomUUID().toString().substring(0, 8);
    Answer created =
        api.post("/api/v1/tenants/pinghu/garrison-units", form(name, "INFORMATION_SUPPORT"), admin);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("branch")).isEqualTo("INFORMATION_SUPPORT");
    String id = created.string("id");
    try {
      Answer retired =
          api.post(
              "/api/v1/tenants/pinghu/garrison-units",
              form(name + "旧", "STRATEGIC_SUPPORT"),
              admin);
      assertThat(retired.status()).isEqualTo(422);
      assertThat(retired.contentType()).startsWith("application/problem+json");
      assertThat(retired.text()).contains("\"field\":\"branch\"").contains("不是现行的军种或兵种");
      Answer changed =
          api.put(
              "/api/v1/tenants/pinghu/garrison-units/" + id,
              form(name, "STRATEGIC_SUPPORT"),
              admin);
      assertThat(changed.status()).isEqualTo(422);
      Answer english =
          api.post(
              "/api/v1/tenants/pinghu/garrison-units",
              form(name + "旧", "SPACE_FORCE"),
              admin,
              "en");
      assertThat(english.text()).contains("not a current service or arm");
      assertThat(api.get("/api/v1/tenants/pinghu/garrison-units/" + id, admin).string("branch"))
          .isEqualTo("INFORMATION_SUPPORT");
    } finally {
      api.delete("/api/v1/tenants/pinghu/garrison-units/" + id, admin);
    }
    List<Map<String, Object>> branches =
        api.get("/api/v1/tenants/pinghu/military-branches", token("pinghu.liaison")).list();
    assertThat(branches)
        .anyMatch(
            b -> "INFORMATION_SUPPORT".equals(b.get("code")) && "信息支援部队".equals(b.get("nameZh")))
        .anyMatch(
            b ->
                "STRATEGIC_SUPPORT".equals(b.get("code")) && Boolean.FALSE.equals(b.get("active")));
  }

  @Test
  void onlyTheCityAdminWritesUnits() {
    Map<String, Object> body = form("驻平无权某部", "ARMY");
    assertThat(
            api.post("/api/v1/tenants/pinghu/garrison-units", body, token("pinghu.staff")).status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/v1/tenants/pinghu/garrison-units", body, token("pinghu.liaison"))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/v1/tenants/pinghu/garrison-units", body, token("zj.supervisor"))
                .status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units", token("pinghu.staff")).status())
        .isEqualTo(200);
    assertThat(api.post("/api/v1/tenants/pinghu/garrison-units", body, null).status())
        .isEqualTo(401);
  }

  @Test
  void supervisorsReadTheirRegionOnly() {
    String jiaxing = token("jx.supervisor");
    assertThat(api.get("/api/v1/tenants/pinghu/responsible-units", jiaxing).status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/tenants/hangzhou/responsible-units", jiaxing).status())
        .isEqualTo(404);
    assertThat(
            api.get("/api/v1/tenants/hangzhou/responsible-units", token("zj.supervisor")).status())
        .isEqualTo(200);
  }

  @Test
  void anotherTenantsPathAndIdsAreNotFound() throws SQLException {
    String hangzhouAdmin = token("hangzhou.admin");
    Answer pinghuUnits = api.get("/api/v1/tenants/pinghu/garrison-units", token("pinghu.admin"));
    String pinghuId = pinghuUnits.items().get(0).get("id").toString();
    long before = count("t_pinghu");

    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units", hangzhouAdmin).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units/" + pinghuId, hangzhouAdmin).status())
        .isEqualTo(404);
    assertThat(
            api.post("/api/v1/tenants/pinghu/garrison-units", form("越界单位", "ARMY"), hangzhouAdmin)
                .status())
        .isEqualTo(404);
    assertThat(
            api.delete("/api/v1/tenants/pinghu/garrison-units/" + pinghuId, hangzhouAdmin).status())
        .isEqualTo(404);
    assertThat(
            api.put(
                    "/api/v1/tenants/pinghu/garrison-units/" + pinghuId,
                    form("越界改名", "ARMY"),
                    hangzhouAdmin)
                .status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/nosuchcity/garrison-units", hangzhouAdmin).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/Pinghu!/garrison-units", hangzhouAdmin).status())
        .isIn(400, 404);

    // a pinghu id under hangzhou's own path means hangzhou's row with that id, or nothing
    Answer own = api.get("/api/v1/tenants/hangzhou/garrison-units/" + pinghuId, hangzhouAdmin);
    if (own.status() == 200) {
      assertThat(own.string("name")).doesNotContain("驻平");
    } else {
      assertThat(own.status()).isEqualTo(404);
    }
    assertThat(count("t_pinghu")).isEqualTo(before);
    assertThat(names("t_pinghu")).noneMatch(n -> n.contains("越界"));
    assertThat(names("t_hangzhou")).noneMatch(n -> n.contains("越界"));
  }

  @Test
  void aUnitThatAccountsAreBoundToCannotBeDeleted() {
    String admin = token("pinghu.admin");
    Answer me = api.get("/api/v1/me", token("pinghu.liaison"));
    String boundUnit = me.string("garrisonUnitId");
    Answer refused = api.delete("/api/v1/tenants/pinghu/garrison-units/" + boundUnit, admin);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text()).contains("绑定");
    assertThat(api.get("/api/v1/tenants/pinghu/garrison-units/" + boundUnit, admin).status())
        .isEqualTo(200);
  }

  @Test
  void responsibleUnitsFollowTheSameContract() {
    String admin = token("pinghu.admin");
    Answer list = api.get("/api/v1/tenants/pinghu/responsible-units?q=街道", admin);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.items()).isNotEmpty().allMatch(u -> u.get("name").toString().contains("街道"));
    Map<String, Object> body = new HashMap<>();
    body.put("name", "平湖测试局-" + UUID.randomUUID().toString().substring(0, 6));
    body.put("kind", "DEPARTMENT");
    Answer created = api.post("/api/v1/tenants/pinghu/responsible-units", body, admin);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("kind")).isEqualTo("DEPARTMENT");
    Answer handler = api.get("/api/v1/me", token("pinghu.handler"));
    Answer refused =
        api.delete(
            "/api/v1/tenants/pinghu/responsible-units/" + handler.string("responsibleUnitId"),
            admin);
    assertThat(refused.status()).isEqualTo(409);
  }

  @Test
  void twoCitiesWritingAtTheSameTimeNeverMix() throws Exception {
    Map<String, String> tokens =
        Map.of("pinghu", token("pinghu.admin"), "hangzhou", token("hangzhou.admin"));
    long pinghuBefore = count("t_pinghu");
    long hangzhouBefore = count("t_hangzhou");
    String run = UUID.randomUUID().toString().substring(0, 6);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
    for (String city : tokens.keySet()) {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int created = 0;
                  for (int i = 0; i < 25; i++) {
                    String name = city + "-并发-" + run + "-" + thread + "-" + i;
                    Answer answer =
                        api.post(
                            "/api/v1/tenants/" + city + "/garrison-units",
                            form(name, "ARMY"),
                            tokens.get(city));
                    created += answer.status() == 201 ? 1 : 0;
                  }
                  return created;
                }));
      }
    }
    int created = 0;
    for (var result : results) {
      created += result.get();
    }
    pool.shutdown();
    assertThat(created).isEqualTo(200);
    assertThat(count("t_pinghu") - pinghuBefore).isEqualTo(100);
    assertThat(count("t_hangzhou") - hangzhouBefore).isEqualTo(100);
    assertThat(names("t_pinghu")).noneMatch(n -> n.startsWith("hangzhou-并发-"));
    assertThat(names("t_hangzhou")).noneMatch(n -> n.startsWith("pinghu-并发-"));
  }

  private static Map<String, Object> form(String name, String branch) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("branch", branch);
    body.put("contactName", "测试联系人");
    return body;
  }

  private static long count(String schema) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + schema + ".garrison_unit")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> names(String schema) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select name from " + schema + ".garrison_unit")) {
      List<String> names = new java.util.ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }
}
