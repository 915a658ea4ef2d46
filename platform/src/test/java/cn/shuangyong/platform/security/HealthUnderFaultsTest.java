package cn.shuangyong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.OwnRedis;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /health} answers within a second whatever PostgreSQL and Redis do: a node whose database
 * has fallen silent (a proxy that stops forwarding) and whose Redis is frozen ({@code DEBUG SLEEP})
 * says DOWN at once, tells the admin which part is silent, and lets no token in that it can no
 * longer vouch for; it is UP again once the database answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthUnderFaultsTest {
  private static final Duration WITHIN = Duration.ofSeconds(1);
  private final OwnRedis redis = new OwnRedis();
  private SilentProxy database;
  private EmbeddedServer node;
  private Api api;

  @BeforeAll
  void startNodeBehindTheProxy() throws Exception {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    String url = (String) properties.get("datasources.default.url");
    Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
    assertThat(hostPort.find()).as("host and port in %s", url).isTrue();
    database = new SilentProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
    properties.put(
        "datasources.default.url", hostPort.replaceFirst("//127.0.0.1:" + database.port() + "/"));
    properties.put("shuangyong.redis.uri", redis.uri());
    properties.put("micronaut.server.port", -1);
    node = ApplicationContext.run(EmbeddedServer.class, properties);
    api = new Api(node, node.getApplicationContext().getBean(JsonMapper.class));
    PlatformFixtures fixtures = new PlatformFixtures(node.getApplicationContext());
    fixtures.user("faults.admin", Role.PLATFORM_ADMIN, null, null, null, null);
  }

  @AfterAll
  void stop() {
    database.resume();
    node.getApplicationContext().close();
    database.close();
    redis.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void healthAnswersWithinASecondWhenTheDatabaseAndRedisFallSilent() {
    String admin = api.login("faults.admin", PlatformFixtures.PASSWORD);
    assertThat(timed(() -> api.get("/health", admin)).answer().status()).isEqualTo(200);

    database.pause();
    redis.freeze(Duration.ofSeconds(6));
    try {
      Timed anonymous = timed(() -> api.get("/health", null));
      assertThat(anonymous.took()).isLessThan(WITHIN);
      assertThat(anonymous.answer().status()).isEqualTo(503);
      assertThat(anonymous.answer().string("status")).isEqualTo("DOWN");

      Timed detailed = timed(() -> api.get("/health", admin));
      assertThat(detailed.took()).isLessThan(WITHIN);
      Map<String, Object> details = (Map<String, Object>) detailed.answer().map().get("details");
      assertThat(details).as(detailed.answer().text()).isNotNull();
      assertThat(detail(details, "database")).containsEntry("answers", false);
      assertThat(detail(details, "sharedStore")).containsEntry("answers", false);

      // past the revocation list's window the node cannot vouch for a token: 503, never let in
      sleep(
          node.getApplicationContext()
              .getBean(RevocationList.class)
              .maxStaleness()
              .plusMillis(300));
      Timed me = timed(() -> api.get("/api/v1/me", admin));
      assertThat(me.took()).isLessThan(WITHIN);
      assertThat(me.answer().status()).isEqualTo(503);
      assertThat(me.answer().raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(timed(() -> api.get("/health", null)).took()).isLessThan(WITHIN);
    } finally {
      database.resume();
    }
    assertThat(eventually(() -> api.get("/health", null))).isEqualTo(200);
    assertThat(eventually(() -> api.get("/api/v1/me", admin))).isEqualTo(200);
  }

  /** The status once it is 200, or the last one after ten seconds. */
  private static int eventually(java.util.function.Supplier<Answer> call) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int status = call.get().status();
    while (status != 200 && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(200));
      status = call.get().status();
    }
    return status;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(Map<String, Object> details, String indicator) {
    return (Map<String, Object>) ((Map<String, Object>) details.get(indicator)).get("details");
  }

  private record Timed(Answer answer, Duration took) {}

  private static Timed timed(java.util.function.Supplier<Answer> call) {
    long started = System.nanoTime();
    Answer answer = call.get();
    return new Timed(answer, Duration.ofNanos(System.nanoTime() - started));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
