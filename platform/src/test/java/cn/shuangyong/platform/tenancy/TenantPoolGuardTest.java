package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant pool that logs in as the owner (a superuser) is refused at startup. */
class TenantPoolGuardTest {

  @Test
  void aTenantPoolLoggedInAsTheOwnerStopsTheStart() {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("micronaut.server.port", -1);
    properties.put("datasources.tenant.username", properties.get("datasources.default.username"));
    properties.put("datasources.tenant.password", properties.get("datasources.default.password"));
    assertThatThrownBy(() -> ApplicationContext.run(properties).close())
        .hasStackTraceContaining("the tenant pool logs in as");
  }
}
