package cn.shuangyong;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The published OpenAPI document is the one micronaut-openapi merged at build time: every path of
 * every module's own document is in it, under the application's title and security scheme.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements TestPropertyProvider {
  private static final Set<String> MODULES = Set.of("shuangyong-platform", "shuangyong-tenants");

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.ui.enabled", "false");
    return properties;
  }

  @Test
  void theDocumentHoldsThePathsOfEveryModule() throws IOException {
    Api api = new Api(server, json);
    Api.Answer yaml = api.get("/api/v1/openapi.yml", null);
    assertThat(yaml.status()).isEqualTo(200);
    Map<String, Object> served = new Yaml().load(yaml.text());
    assertThat(paths(served))
        .containsKeys(
            "/api/v1/auth/login",
            "/api/v1/tenants/{tenant}/garrison-units",
            "/api/v1/tenants/{tenant}/needs",
            "/api/v1/tenants/{tenant}/notifications");
    for (String module : MODULES) {
      Map<String, Object> part = moduleDocument(module);
      assertThat(paths(part)).as(module).isNotEmpty();
      assertThat(paths(served)).as(module).containsAllEntriesOf(paths(part));
    }
    assertThat(yaml.text()).contains("Shuangyong Cloud API 双拥云接口").contains("bearerFormat: JWT");
  }

  @Test
  void theJsonIsTheSameDocument() {
    Api api = new Api(server, json);
    Api.Answer document = api.get("/api/v1/openapi.json", null);
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.map()).containsKeys("openapi", "info", "paths", "components", "security");
    assertThat(paths(document.map())).containsKey("/api/v1/tenants/{tenant}/needs/{id}/accept");
  }

  /** The lint at the end of the build asks this too; here it fails with the test suite. */
  @Test
  @SuppressWarnings("unchecked")
  void everyOperationHasASummary() {
    Map<String, Object> served = new Api(server, json).get("/api/v1/openapi.json", null).map();
    List<String> withoutSummary = new ArrayList<>();
    paths(served)
        .forEach(
            (path, item) ->
                ((Map<String, Object>) item)
                    .forEach(
                        (method, operation) -> {
                          if (operation instanceof Map<?, ?> op
                              && (op.get("summary") == null
                                  || op.get("summary").toString().isBlank())) {
                            withoutSummary.add(method + " " + path);
                          }
                        }));
    assertThat(withoutSummary).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> paths(Map<String, Object> document) {
    return (Map<String, Object>) document.get("paths");
  }

  /** What the module's own processor wrote at its compile time (in its jar or classes). */
  private static Map<String, Object> moduleDocument(String module) throws IOException {
    try (InputStream in =
        OpenApiDocumentTest.class.getResourceAsStream("/META-INF/swagger/" + module + ".yml")) {
      assertThat(in).as(module + ".yml on the class path").isNotNull();
      return new Yaml().load(in);
    }
  }
}
