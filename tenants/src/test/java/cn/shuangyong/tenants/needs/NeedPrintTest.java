package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.PrintableSheet;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.api.NeedExport;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The printed lists are the ones the office signs and publishes: what it took on, nothing else. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedPrintTest implements TestPropertyProvider {
  private static final String NEEDS = "/api/v1/tenants/pinghu/needs";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  @Inject NeedExport export;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void aRejectedNeedIsNotOnThePrintedList() throws Exception {
    Api api = new Api(server, json);
    String liaison = api.login("pinghu.liaison", DemoProvince.PASSWORD);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    Submitted taken = submit(api, liaison, "打印-受理-");
    Submitted rejected = submit(api, liaison, "打印-不予受理-");
    long handlerUnit =
        Long.parseLong(
            api.get("/api/v1/me", api.login("pinghu.handler", DemoProvince.PASSWORD))
                .string("responsibleUnitId"));
    Answer accept =
        api.post(
            NEEDS + "/" + taken.id() + "/accept",
            Map.of(
                "responsibleUnitId",
                handlerUnit,
                "deadline",
                LocalDate.now().plusDays(20).toString(),
                "level",
                "CITY"),
            staff);
    assertThat(accept.status()).as(accept.text()).isEqualTo(200);
    Answer reject =
        api.post(NEEDS + "/" + rejected.id() + "/reject", Map.of("reason", "不属于地方职责范围"), staff);
    assertThat(reject.status()).as(reject.text()).isEqualTo(200);

    PrintableSheet printed =
        export.printable(
            new TestTenants(context).as("pinghu", Role.CITY_STAFF),
            LocalDate.now().getYear(),
            Direction.FOR_TROOPS,
            Messages.CHINESE);
    List<String> cells = printed.sections().get(0).rows().stream().flatMap(List::stream).toList();
    assertThat(cells).contains(taken.title()).doesNotContain(rejected.title());
  }

  private record Submitted(long id, String title) {}

  private static Submitted submit(Api api, String token, String prefix) {
    String title = prefix + UUID.randomUUID().toString().substring(0, 6);
    Answer answer =
        api.post(
            NEEDS, Map.of("direction", "FOR_TROOPS", "title", title, "category", "官兵出行"), token);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return new Submitted(Long.parseLong(answer.string("id")), title);
  }
}
