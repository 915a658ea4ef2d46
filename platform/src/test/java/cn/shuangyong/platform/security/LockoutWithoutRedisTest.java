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
 * With Redis gone, repeated failures for a real account and for a name that is no account answer
 * the same statuses and headers: the lockout does not tell real names apart (issue 10, 10c).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockoutWithoutRedisTest {
  private final OwnRedis redis = new OwnRedis();
  private EmbeddedServer node;
  private Api api;

  @BeforeAll
  void startNodeThenStopItsRedis() {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.redis.uri", redis.uri());
    properties.put("micronaut.server.port", -1);
    node = ApplicationContext.run(EmbeddedServer.class, properties);
    api = new Api(node, node.getApplicationContext().getBean(JsonMapper.class));
    new PlatformFixtures(node.getApplicationContext()).province("lockprov", "lock_city");
    redis.stop();
  }

  @AfterAll
  void stop() {
    node.getApplicationContext().close();
    redis.close();
  }

  @Test
  void aRealNameAndAnUnknownNameAreLockedAlike() {
    String real = "lock." + UUID.randomUUID().toString().substring(0, 8);
    new PlatformFixtures(node.getApplicationContext())
        .user(real, Role.CITY_STAFF, "lock_city", null, null, null);
    String unknown = "lock." + UUID.randomUUID().toString().substring(0, 8);

    List<String> forReal = failSevenTimes(real);
    List<String> forUnknown = failSevenTimes(unknown);

    assertThat(forUnknown).isEqualTo(forReal);
    assertThat(forReal.get(4)).startsWith("423");
  }

  /** Status, content type and whether Retry-After is there (and about how long) of each answer. */
  private List<String> failSevenTimes(String username) {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Answer answer =
          api.post(
              "/api/v1/auth/login",
              Map.of("username", username, "password", "Wrong@" + i + "abc"),
              null);
      String retryAfter =
          answer
              .raw()
              .headers()
              .firstValue("Retry-After")
              // seconds until the lock ends: the two runs are a few seconds apart
              .map(seconds -> "retry in ~" + Math.round(Long.parseLong(seconds) / 60.0) + " min")
              .orElse("no retry");
      answers.add(answer.status() + " " + answer.contentType() + " " + retryAfter);
    }
    return answers;
  }
}
