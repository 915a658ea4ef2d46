package cn.shuangyong.tenants.units;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The published OpenAPI document covers every module's endpoints. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void theDocumentMergesPlatformAndTenantEndpoints() {
    Api api = new Api(server, json);
    Api.Answer yaml = api.get("/api/v1/openapi.yml", null);
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.text())
        .contains("/api/v1/auth/login")
        .contains("/api/v1/tenants/{tenant}/garrison-units")
        .contains("bearer");
    Api.Answer document = api.get("/api/v1/openapi.json", null);
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.map()).containsKeys("openapi", "info", "paths", "components");
  }
}
