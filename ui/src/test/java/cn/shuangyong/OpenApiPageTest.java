package cn.shuangyong;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The browsable API page answers anonymously on the one public port (the Vaadin host beside it),
 * loads every asset from this node with its right type, and opens nothing else to anonymous users.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiPageTest implements TestPropertyProvider {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void thePageAnswersHtmlToAnyone() {
    Api.Answer page = new Api(server, json).get("/api/v1/docs", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<html lang=\"en\">").contains("id=\"swagger-ui\"");
    assertThat(new Api(server, json).get("/api/v1/docs/init.js", null).text())
        .contains("url: \"/api/v1/openapi.yml\"")
        .contains("validatorUrl: null");
  }

  @Test
  void everyAssetOfThePageLoadsFromThisNodeWithItsType() {
    Api api = new Api(server, json);
    List<String> assets = assetsOf(api.get("/api/v1/docs", null).text());
    assertThat(assets)
        .contains("/api/v1/docs/swagger-ui.css", "/api/v1/docs/swagger-ui-bundle.js")
        .allSatisfy(url -> assertThat(url).as("no CDN").startsWith("/api/v1/"));
    for (String url : assets) {
      Api.Answer asset = api.get(url, null);
      assertThat(asset.status()).as(url).isEqualTo(200);
      assertThat(asset.contentType()).as(url).startsWith(expectedType(url));
      assertThat(asset.text()).as(url).isNotEmpty();
    }
    assertThat(api.get("/api/v1/docs/swagger-ui-bundle.js", null).text())
        .contains("SwaggerUIBundle");
  }

  @Test
  void onlyTheNamedAssetsAreServedAndTheRestOfTheApiStaysClosed() {
    Api api = new Api(server, json);
    assertThat(api.get("/api/v1/docs/index.html", null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/docs/oauth2-redirect.html", null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/docs/..%2F..%2Fapplication.yml", null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
  }

  private static List<String> assetsOf(String html) {
    List<String> urls = new ArrayList<>();
    Matcher matcher = ASSET.matcher(html);
    while (matcher.find()) {
      urls.add(matcher.group(1));
    }
    return urls;
  }

  private static String expectedType(String url) {
    if (url.endsWith(".css")) {
      return "text/css";
    }
    if (url.endsWith(".js")) {
      return "text/javascript";
    }
    if (url.endsWith(".png")) {
      return "image/png";
    }
    return url.endsWith(".yml") ? "application/yaml" : "text/html";
  }
}
