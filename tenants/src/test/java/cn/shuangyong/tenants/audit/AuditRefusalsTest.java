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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Refusals are in the trail (a 403/404 on tenant data, result DENIED, under the tenant that was
 * reached for), a failed sign-in carries the tenant of the account it named, and a tenant's change
 * made through the API carries the caller's source address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRefusalsTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void anotherCitysDataRefusedIsRecordedAsDeniedForThatCity() {
    Api api = new Api(server, json);
    String pinghuAdmin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    Answer refused = api.get("/api/v1/tenants/hangzhou/garrison-units", pinghuAdmin);
    assertThat(refused.status()).isIn(403, 404);

    String hangzhouAdmin = api.login("hangzhou.admin", DemoProvince.PASSWORD);
    List<Map<String, Object>> denied =
        api.get("/api/v1/audit?action=ACCESS_DENIED&size=50", hangzhouAdmin).items();
    assertThat(denied)
        .anySatisfy(
            event -> {
              assertThat(event).containsEntry("user", "pinghu.admin");
              assertThat(event).containsEntry("userName", "平湖市双拥办管理员");
              assertThat(event.get("detail")).asString().contains("callerTenant=pinghu");
              assertThat(event).containsEntry("tenant", "hangzhou");
              assertThat(event).containsEntry("result", "DENIED");
              assertThat(event.get("target")).asString().contains("/tenants/hangzhou/");
              assertThat(event.get("ip")).asString().isNotBlank();
            });
  }

  @Test
  void aFailedSignInIsSeenByTheCityAdminOfTheAccountItNamed() {
    Api api = new Api(server, json);
    Answer failed =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", "pinghu.handler", "password", "wrong-Password1"),
            null);
    assertThat(failed.status()).isEqualTo(401);
    String pinghuAdmin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    List<Map<String, Object>> failures =
        api.get("/api/v1/audit?action=LOGIN_FAILED&user=pinghu.handler&size=50", pinghuAdmin)
            .items();
    assertThat(failures)
        .anySatisfy(
            event -> {
              assertThat(event).containsEntry("tenant", "pinghu");
              assertThat(event).containsEntry("result", "FAILURE");
              assertThat(event.get("ip")).asString().isNotBlank();
            });
  }

  @Test
  void aTenantChangeThroughTheApiCarriesTheSourceAddress() {
    Api api = new Api(server, json);
    String admin = api.login("quzhou.admin", DemoProvince.PASSWORD);
    Answer created =
        api.post(
            "/api/v1/tenants/quzhou/garrison-units",
            Map.of("name", "地址测试单位", "branch", "ARMY"),
            admin);
    assertThat(created.status()).isEqualTo(201);
    List<Map<String, Object>> events =
        api.get("/api/v1/audit?user=quzhou.admin&size=50", admin).items();
    assertThat(events)
        .filteredOn(event -> !String.valueOf(event.get("action")).startsWith("LOGIN"))
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.get("ip")).asString().isNotBlank());
  }

  @Test
  void theExportHoldsTheCallersScopeOnlyAndIsAudited() throws Exception {
    Api api = new Api(server, json);
    String pinghuAdmin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    var response = api.download("/api/v1/audit/export?result=SUCCESS", pinghuAdmin);
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> tenants = new java.util.ArrayList<>();
    List<String> results = new java.util.ArrayList<>();
    try (var workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(response.body()))) {
      var sheet = workbook.getSheetAt(0);
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        tenants.add(sheet.getRow(i).getCell(4).getStringCellValue());
        results.add(sheet.getRow(i).getCell(7).getStringCellValue());
      }
    }
    assertThat(tenants).isNotEmpty().allMatch(name -> name.startsWith("平湖"));
    assertThat(results).containsOnly("成功");
    assertThat(api.get("/api/v1/audit?action=AUDIT_EXPORT&user=pinghu.admin", pinghuAdmin).items())
        .isNotEmpty();
    assertThat(api.get("/api/v1/audit?result=MAYBE", pinghuAdmin).status()).isEqualTo(400);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    assertThat(api.download("/api/v1/audit/export", staff).statusCode()).isEqualTo(403);
  }
}
