package cn.shuangyong.ui.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The security headers on every answer of the one public port: the API's (Micronaut), the UI's
 * (Jetty behind the proxy filter), static files, errors and health; HSTS and Secure cookies only
 * behind TLS (a trusted proxy's {@code X-Forwarded-Proto: https}); no header names the server.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest implements TestPropertyProvider {
  private final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.security.trusted-proxies", "127.0.0.1");
    return properties;
  }

  @Test
  void everyAnswerCarriesTheHeadersAndNamesNoServer() throws Exception {
    for (String path :
        List.of("/", "/login", "/api/v1/me", "/api/v1/nothing-here", "/health", "/VAADIN/x.js")) {
      HttpHeaders headers = get(path, null).headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .contains("object-src 'none'"));
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("Referrer-Policy"))
          .as(path)
          .hasValue("strict-origin-when-cross-origin");
      assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isEmpty();
      assertThat(headers.firstValue("Server")).as(path).isEmpty();
      assertThat(headers.firstValue("X-Powered-By")).as(path).isEmpty();
      assertThat(headers.map().values().toString()).as(path).doesNotContainIgnoringCase("jetty");
    }
  }

  @Test
  void theUiSessionCookieIsHttpOnlyAndSameSiteAndSecureOnlyBehindTls() throws Exception {
    String plain = sessionCookie(get("/", null).headers());
    assertThat(plain).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
    assertThat(plain).doesNotContain("Secure");

    HttpHeaders behindTls = get("/", "https").headers();
    assertThat(sessionCookie(behindTls)).contains("HttpOnly").contains("Secure");
    assertThat(behindTls.firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
    assertThat(get("/api/v1/me", "https").headers().firstValue("Strict-Transport-Security"))
        .isPresent();
  }

  private static String sessionCookie(HttpHeaders headers) {
    return headers.allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + headers.map()));
  }

  private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
