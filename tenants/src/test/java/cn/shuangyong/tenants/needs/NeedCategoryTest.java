package cn.shuangyong.tenants.needs;

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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each city edits its own category list; who may submit needs at all. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedCategoryTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void aCityAdminEditsItsOwnCategoriesOnly() {
    Api api = new Api(server, json);
    String admin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    String name = "海防保障-" + UUID.randomUUID().toString().substring(0, 4);
    Answer added =
        api.post(
            "/api/v1/tenants/pinghu/need-categories", Map.of("name", name, "sortOrder", 75), admin);
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    assertThat(names(api.get("/api/v1/tenants/pinghu/needs/categories", admin))).contains(name);
    String hangzhouAdmin = api.login("hangzhou.admin", DemoProvince.PASSWORD);
    assertThat(names(api.get("/api/v1/tenants/hangzhou/needs/categories", hangzhouAdmin)))
        .doesNotContain(name);

    assertThat(
            api.post("/api/v1/tenants/pinghu/need-categories", Map.of("name", name), admin)
                .status())
        .isEqualTo(422);
    assertThat(
            api.post("/api/v1/tenants/pinghu/need-categories", Map.of("name", ""), admin).status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    "/api/v1/tenants/pinghu/need-categories",
                    Map.of("name", "x"),
                    api.login("pinghu.staff", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/tenants/pinghu/need-categories",
                    Map.of("name", "x"),
                    api.login("hangzhou.admin", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(404);

    Answer retired =
        api.put(
            "/api/v1/tenants/pinghu/need-categories/" + added.string("id"),
            Map.of("name", name, "active", false),
            admin);
    assertThat(retired.status()).isEqualTo(200);
    assertThat(names(api.get("/api/v1/tenants/pinghu/needs/categories", admin)))
        .doesNotContain(name);
    Map<String, Object> need =
        new HashMap<>(Map.of("direction", "FOR_TROOPS", "title", "用退役类别", "category", name));
    assertThat(
            api.post(
                    "/api/v1/tenants/pinghu/needs",
                    need,
                    api.login("pinghu.liaison", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(422);
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<String> names(Answer answer) {
    return (java.util.List<String>) answer.body();
  }

  @Test
  void onlyTheOfficeAndLiaisonsSubmitNeeds() {
    Api api = new Api(server, json);
    Map<String, Object> need =
        new HashMap<>(Map.of("direction", "FOR_TROOPS", "title", "提交权限", "category", "其他"));
    need.put("garrisonUnitId", 1);
    assertThat(
            api.post(
                    "/api/v1/tenants/pinghu/needs",
                    need,
                    api.login("pinghu.handler", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/tenants/pinghu/needs",
                    need,
                    api.login("jx.supervisor", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/tenants/pinghu/needs",
                    need,
                    api.login("hangzhou.liaison", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(404);
    assertThat(api.post("/api/v1/tenants/pinghu/needs", need, null).status()).isEqualTo(401);
  }
}
