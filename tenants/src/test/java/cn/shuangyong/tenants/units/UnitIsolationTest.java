package cn.shuangyong.tenants.units;

import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.ADMIN;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.HANDLER;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.LIAISON;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.OTHER_LIAISON;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.STAFF;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.testing.IsolationTemplate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Units through the isolation template: everyone of the tenant and its supervisor reads them. */
@MicronautTest(transactional = false)
class UnitIsolationTest extends IsolationTemplate {
  private static final Set<Caller> THE_TENANT =
      Set.of(ADMIN, STAFF, HANDLER, LIAISON, OTHER_LIAISON, SUPERVISOR);

  @Override
  protected String prefix() {
    return "isounits";
  }

  @Override
  protected String table() {
    return "garrison_unit";
  }

  @Override
  protected Written write(World world, String marker) {
    Api.Answer unit =
        api.post(
            "/api/v1/tenants/" + world.tenantA() + "/garrison-units",
            Map.of("name", "驻军" + marker, "branch", "ARMY"),
            world.token(ADMIN));
    assertThat(unit.status()).isEqualTo(201);
    return new Written(Long.parseLong(unit.string("id")), marker, Map.of());
  }

  @Override
  protected List<Read> reads() {
    return List.of(
        new Read("garrison unit", "/garrison-units/{id}", THE_TENANT),
        new Read("search", "/garrison-units?q={marker}", THE_TENANT),
        new Read("list", "/garrison-units?size=100", THE_TENANT));
  }
}
