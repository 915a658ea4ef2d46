package cn.shuangyong.tenants.audit;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The audit trail shows each caller only its own scope, whatever it asks for. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditScopeTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void cityAdminsSeeTheirCitySupervisorsTheirRegionOthersNothing() {
    Api api = new Api(server, json);
    String hangzhouAdmin = api.login("hangzhou.admin", DemoProvince.PASSWORD);
    api.post(
        "/api/v1/tenants/hangzhou/garrison-units",
        Map.of("name", "审计测试单位", "branch", "ARMY"),
        hangzhouAdmin);

    String pinghuAdmin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    Answer own = api.get("/api/v1/audit?size=200", pinghuAdmin);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.items()).isNotEmpty().allMatch(e -> "pinghu".equals(e.get("tenant")));
    Answer asked = api.get("/api/v1/audit?tenant=hangzhou&size=200", pinghuAdmin);
    assertThat(asked.items()).isEmpty();

    Answer jiaxing =
        api.get("/api/v1/audit?size=200", api.login("jx.supervisor", DemoProvince.PASSWORD));
    assertThat(jiaxing.items())
        .allMatch(e -> e.get("tenant").equals("pinghu") || e.get("tenant").equals("jiaxing"));
    Answer platform =
        api.get(
            "/api/v1/audit?tenant=hangzhou&size=200", api.login("admin", DemoProvince.PASSWORD));
    assertThat(platform.items()).isNotEmpty().allMatch(e -> "hangzhou".equals(e.get("tenant")));
    // the contract's field for the person, by name (the admin who created the unit)
    assertThat(platform.items())
        .anySatisfy(
            e -> {
              assertThat(e.get("user")).isEqualTo("hangzhou.admin");
              assertThat(e.get("userDisplayName"))
                  .asString()
                  .isNotBlank()
                  .isNotEqualTo("hangzhou.admin");
            });

    assertThat(api.get("/api/v1/audit", api.login("pinghu.staff", DemoProvince.PASSWORD)).status())
        .isEqualTo(403);
    assertThat(
            api.get("/api/v1/audit", api.login("pinghu.liaison", DemoProvince.PASSWORD)).status())
        .isEqualTo(403);
  }
}
