package cn.shuangyong.ui.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The one public port: Vaadin answers the UI paths, Micronaut the API and the health check. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnePortTest implements TestPropertyProvider {
  private final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void theRootIsVaadinsBootstrapPage() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<html").contains("Vaadin");
  }

  @Test
  void theApiIsNotProxiedAndStillGuarded() throws Exception {
    HttpResponse<String> me = get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void theHealthCheckIsMicronauts() throws Exception {
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void theSiteIconIsServedAndLinkedFromEveryPage() throws Exception {
    HttpResponse<byte[]> icon =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.getPort() + "/favicon.ico"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
    // an ICO file starts with reserved 0, type 1 (icon)
    assertThat(icon.body()).startsWith(0, 0, 1, 0);
    assertThat(get("/favicon.svg").body()).contains("<svg");
    assertThat(get("/").body()).contains("href=\"/favicon.ico\"").contains("href=\"/favicon.svg\"");
  }

  @Test
  void onlyApiAndHealthStayWithMicronaut() {
    assertThat(UiProxyFilter.servedByMicronaut("/api/v1/me")).isTrue();
    assertThat(UiProxyFilter.servedByMicronaut("/health")).isTrue();
    assertThat(UiProxyFilter.servedByMicronaut("/apiary")).isFalse();
    assertThat(UiProxyFilter.servedByMicronaut("/login")).isFalse();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
