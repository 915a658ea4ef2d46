package cn.shuangyong.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The limits on sign-in and on the API, through Redis (the test servers'), with small limits: a
 * burst of sign-ins with many different names from one address is slowed, so are many addresses
 * trying one name, and API requests per address and per account. Each refusal is a 429 problem in
 * the caller's language with {@code Retry-After}. Each test uses its own addresses (the test client
 * is a trusted proxy, so {@code X-Forwarded-For} names the client).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitApiTest {
  private static final String CITY = "rlcity";
  private final HttpClient http = HttpClient.newHttpClient();
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private EmbeddedServer node;
  private URI base;

  @BeforeAll
  void start() {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("micronaut.server.port", -1);
    properties.put("shuangyong.security.trusted-proxies", "127.0.0.1");
    properties.put("shuangyong.rate-limit.sign-in-per-address", "5");
    properties.put("shuangyong.rate-limit.sign-in-per-account", "3");
    properties.put("shuangyong.rate-limit.sign-in-period", "10m");
    properties.put("shuangyong.rate-limit.api-per-address", "20");
    properties.put("shuangyong.rate-limit.api-per-account", "10");
    properties.put("shuangyong.rate-limit.api-period", "10m");
    node = ApplicationContext.run(EmbeddedServer.class, properties);
    base = node.getURI();
    PlatformFixtures fixtures = new PlatformFixtures(node.getApplicationContext());
    fixtures.province("rlprov", CITY);
  }

  @AfterAll
  void stop() {
    node.getApplicationContext().close();
  }

  @Test
  void aBurstOfSignInsWithManyNamesFromOneAddressIsSlowed() throws Exception {
    String address = "10.1.0." + (1 + Math.abs(run.hashCode() % 200));
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 7; i++) {
      last = signIn(address, "burst" + run + i, "Wrong@123abc", "zh-CN");
      statuses.add(last.statusCode());
    }
    assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429);
    assertThat(last.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(last.body()).contains("请求过于频繁").contains("\"status\":429");

    HttpResponse<String> english = signIn(address, "burst" + run + "x", "Wrong@123abc", "en");
    assertThat(english.statusCode()).isEqualTo(429);
    assertThat(english.body()).contains("Too many requests");
  }

  @Test
  void manyAddressesTryingOneNameAreSlowed() throws Exception {
    String name = "target" + run;
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(signIn("10.2." + i + ".1", name, "Wrong@123abc", "zh-CN").statusCode());
    }
    assertThat(statuses).containsExactly(401, 401, 401, 429, 429);
  }

  @Test
  void apiRequestsAreLimitedPerAddress() throws Exception {
    String address = "10.3.0." + (1 + Math.abs(run.hashCode() % 200));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      statuses.add(get("/api/v1/me", address, null).statusCode());
    }
    assertThat(statuses.subList(0, 20)).containsOnly(401);
    assertThat(statuses.subList(20, 22)).containsOnly(429);
  }

  @Test
  void apiRequestsAreLimitedPerAccountWhateverTheAddress() throws Exception {
    String username = "rl.staff." + run;
    new PlatformFixtures(node.getApplicationContext())
        .user(username, Role.CITY_STAFF, CITY, null, null, null);
    HttpResponse<String> login = signIn("10.4.0.1", username, PlatformFixtures.PASSWORD, "zh-CN");
    assertThat(login.statusCode()).isEqualTo(200);
    String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(get("/api/v1/me", "10.5." + i + ".1", token).statusCode());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(200);
    HttpResponse<String> refused = get("/api/v1/me", "10.6.0.1", token);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<String> signIn(
      String address, String username, String password, String language) throws Exception {
    String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    return http.send(
        HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .header("Accept-Language", language)
            .header("X-Forwarded-For", address)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String address, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).header("X-Forwarded-For", address).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
