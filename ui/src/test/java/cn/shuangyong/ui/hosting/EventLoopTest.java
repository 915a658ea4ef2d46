package cn.shuangyong.ui.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.OwnRedis;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.blockhound.BlockHound;

/**
 * Nothing blocks the web server's event loop (issue 10, item 3). BlockHound, with the integration
 * netty-common ships (Netty's event-loop threads may not block), records every blocking call made
 * on an event-loop thread while real requests run: anonymous {@code /health}, sign-in, the OpenAPI
 * document, the UI's page, authenticated API calls (the tenant list, a 双清单 list), a logout and the
 * revoked token refused. And the report's case: with the node's Redis frozen and the revocations
 * table locked, several authenticated requests in flight do not hold back anonymous {@code /health}
 * and sign-in.
 *
 * <p>BlockHound instruments the whole JVM: this class runs in a surefire execution of its own
 * ({@code event-loop} in {@code ui/pom.xml}), which sets {@code shuangyong.event-loop-jvm};
 * elsewhere it is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "shuangyong.event-loop-jvm", matches = "true")
class EventLoopTest {
  /**
   * How long Redis stays frozen. An anonymous request held back behind the blocked ones answers
   * only after the thaw; one that does not wait answers while Redis is still frozen (and the
   * revocations still locked), however busy the machine is: the test asks for that, not for a time.
   */
  private static final Duration FREEZE = Duration.ofSeconds(6);

  /** How long a request of the latency test may take at all (on a blocked event loop: forever). */
  private static final Duration PATIENCE = Duration.ofSeconds(8);

  private final List<String> blockingCalls = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private OwnRedis redis;
  private EmbeddedServer node;
  private Api api;

  @BeforeAll
  void installBlockHoundAndStartTheApplication() {
    BlockHound.builder()
        .loadIntegrations()
        .blockingMethodCallback(
            method ->
                blockingCalls.add(
                    method
                        + " on "
                        + Thread.currentThread().getName()
                        + "\n"
                        + stackOf(new Exception("blocking call"))))
        .install();
    redis = new OwnRedis();
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.redis.uri", redis.uri());
    properties.put("micronaut.server.port", -1);
    // the requests need two users and a tenant, not the demo province (20 tenants, ~10 s)
    properties.put("shuangyong.demo.enabled", "false");
    node = ApplicationContext.run(EmbeddedServer.class, properties);
    api = new Api(node, node.getApplicationContext().getBean(JsonMapper.class));
    PlatformFixtures fixtures = new PlatformFixtures(node.getApplicationContext());
    fixtures.province("loopprov", "loop_city");
    fixtures.user("loop.admin", Role.PLATFORM_ADMIN, null, null, null, null);
    fixtures.user("loop.staff", Role.CITY_STAFF, "loop_city", null, null, null);
  }

  @AfterAll
  void stop() {
    node.getApplicationContext().close();
    redis.close();
  }

  @BeforeEach
  void forgetStartup() {
    // the start itself runs on the main thread; only what the requests do counts
    blockingCalls.clear();
  }

  @Test
  void noRequestBlocksAnEventLoopThread() {
    assertThat(api.get("/health", null).status()).isEqualTo(200);
    String admin = api.login("loop.admin", PlatformFixtures.PASSWORD);
    String staff = api.login("loop.staff", PlatformFixtures.PASSWORD);
    assertThat(
            api.post("/api/v1/auth/login", Map.of("username", "loop.nobody", "password", "x"), null)
                .status())
        .isEqualTo(401);
    assertThat(api.get("/api/v1/openapi.yml", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/openapi.json", null).status()).isEqualTo(200);
    assertThat(api.get("/health", admin).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tenants", admin).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/me", staff).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tenants/loop_city/needs", staff).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tenants/loop_city/garrison-units", staff).status()).isEqualTo(200);
    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(api.post("/api/v1/auth/logout", Map.of(), staff).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/me", staff).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me", "not.a.token").status()).isEqualTo(401);

    assertThat(blockingCalls).as(String.join("\n\n", blockingCalls)).isEmpty();
  }

  @Test
  void healthAndSignInAnswerWhileRedisIsFrozenAndTheRevocationsAreLocked() throws Exception {
    String admin = api.login("loop.admin", PlatformFixtures.PASSWORD);
    String signIn =
        "{\"username\":\"loop.admin\",\"password\":\"" + PlatformFixtures.PASSWORD + "\"}";
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    Timed health;
    Timed login;
    long thaw;
    try (Connection owner = TestInfrastructure.get().ownerConnection();
        Statement lock = owner.createStatement()) {
      owner.setAutoCommit(false);
      lock.execute("lock table platform.revoked_token in access exclusive mode");
      try {
        thaw = System.nanoTime() + FREEZE.toNanos();
        redis.freeze(FREEZE);
        for (int i = 0; i < 8; i++) {
          inFlight.add(send(request(i % 2 == 0 ? "/api/v1/me" : "/api/v1/tenants", admin).GET()));
        }
        Thread.sleep(300);
        health = timed(request("/health", null).GET());
        login = timed(request("/api/v1/auth/login", null).POST(BodyPublishers.ofString(signIn)));
      } finally {
        owner.rollback();
      }
    }
    assertThat(health.status()).as("health").isEqualTo(200);
    assertThat(health.answeredAt()).as("health answered while Redis was frozen").isLessThan(thaw);
    assertThat(login.status()).as("sign-in").isEqualTo(200);
    assertThat(login.answeredAt()).as("sign-in answered while Redis was frozen").isLessThan(thaw);
    for (CompletableFuture<HttpResponse<String>> request : inFlight) {
      // each answered (200, or 503 once the revocations could not be read for 3 s): none hangs
      assertThat(request.handle((response, failure) -> failure == null).get()).isTrue();
    }
    assertThat(blockingCalls).as(String.join("\n\n", blockingCalls)).isEmpty();
  }

  /**
   * A status and when it came ({@link System#nanoTime()}); a request that takes longer than {@link
   * #PATIENCE} fails.
   */
  private record Timed(int status, long answeredAt) {}

  private Timed timed(HttpRequest.Builder request) throws Exception {
    int status;
    try {
      status = send(request).get().statusCode();
    } catch (java.util.concurrent.ExecutionException e) {
      status = -1; // timed out: the event loop did not get to it
    }
    return new Timed(status, System.nanoTime());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(node.getURI().resolve(path))
            .timeout(PATIENCE)
            .header("Content-Type", "application/json");
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(node.getURI() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stackOf(Exception e) {
    return java.util.Arrays.stream(e.getStackTrace())
        .limit(40)
        .map(frame -> "    at " + frame)
        .collect(Collectors.joining("\n"));
  }
}
