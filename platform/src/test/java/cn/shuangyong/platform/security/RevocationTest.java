package cn.shuangyong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.kv.RedisKeyValueStore;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.OwnRedis;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A logout holds on every node whatever Redis does: two nodes on one database, each on a Redis of
 * its own (as after a failover that lost the write, node A still writing to the old master), A's
 * Redis refusing every write (out of memory). PostgreSQL is the truth: A refuses the token at once,
 * B within the window {@link RevocationList} states, though no Redis ever told B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationTest {
  private final OwnRedis redisOfA = new OwnRedis();
  private final OwnRedis redisOfB = new OwnRedis();
  private EmbeddedServer nodeA;
  private EmbeddedServer nodeB;
  private Api apiA;
  private Api apiB;
  private long uiUserId;

  @BeforeAll
  void startTwoNodes() {
    nodeA = node(redisOfA);
    nodeB = node(redisOfB);
    apiA = new Api(nodeA, nodeA.getApplicationContext().getBean(JsonMapper.class));
    apiB = new Api(nodeB, nodeB.getApplicationContext().getBean(JsonMapper.class));
    PlatformFixtures fixtures = new PlatformFixtures(nodeA.getApplicationContext());
    fixtures.province("revprov", "rev_city");
    fixtures.user("rev.user", Role.CITY_STAFF, "rev_city", null, null, null);
    uiUserId = fixtures.user("rev.ui", Role.CITY_STAFF, "rev_city", null, null, null).id();
  }

  @AfterAll
  void stopTwoNodes() {
    nodeA.getApplicationContext().close();
    nodeB.getApplicationContext().close();
    redisOfA.close();
    redisOfB.close();
  }

  private static EmbeddedServer node(OwnRedis redis) {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.redis.uri", redis.uri());
    properties.put("micronaut.server.port", -1);
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  @Test
  void aLogoutHoldsOnBothNodesWhileRedisRefusesWrites() {
    String token = apiA.login("rev.user", PlatformFixtures.PASSWORD);
    assertThat(apiA.get("/api/v1/me", token).status()).isEqualTo(200);
    assertThat(apiB.get("/api/v1/me", token).status()).isEqualTo(200);

    redisOfA.refuseWrites();
    try {
      assertThat(apiA.post("/api/v1/auth/logout", Map.of(), token).status()).isEqualTo(204);
      assertThat(apiA.get("/api/v1/me", token).status()).isEqualTo(401);

      Duration window = nodeB.getApplicationContext().getBean(RevocationList.class).maxStaleness();
      long started = System.nanoTime();
      int onB = apiB.get("/api/v1/me", token).status();
      while (onB == 200 && System.nanoTime() - started < window.plusSeconds(2).toNanos()) {
        sleep(50);
        onB = apiB.get("/api/v1/me", token).status();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(onB).as("node B after %s", took).isEqualTo(401);
      assertThat(took).isLessThanOrEqualTo(window);
      // and it stays refused
      assertThat(apiB.get("/api/v1/me", token).status()).isEqualTo(401);
      assertThat(apiA.get("/api/v1/me", token).status()).isEqualTo(401);
    } finally {
      redisOfA.acceptWrites();
    }
  }

  /**
   * The UI side of "end every session of an account": a UI sign-in opened on node A is refused on
   * node B within the same window (B's tabs ask B's list at every request), the one kept is not.
   */
  @Test
  void uiSignInsEndedOnOneNodeAreRefusedOnTheOther() {
    UiSessionLedger ledgerOfA = nodeA.getApplicationContext().getBean(UiSessionLedger.class);
    TokenService tokensOfA = nodeA.getApplicationContext().getBean(TokenService.class);
    TokenService tokensOfB = nodeB.getApplicationContext().getBean(TokenService.class);
    String ended = ledgerOfA.open("rev.ui");
    String kept = ledgerOfA.open("rev.ui");
    assertThat(tokensOfB.verdict(ended)).isEqualTo(RevocationList.Verdict.VALID);

    tokensOfA.revokeAllOf(uiUserId, null, kept);

    assertThat(tokensOfA.verdict(ended)).isEqualTo(RevocationList.Verdict.REVOKED);
    Duration window = nodeB.getApplicationContext().getBean(RevocationList.class).maxStaleness();
    long started = System.nanoTime();
    while (tokensOfB.verdict(ended) != RevocationList.Verdict.REVOKED
        && System.nanoTime() - started < window.plusSeconds(2).toNanos()) {
      sleep(50);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(tokensOfB.verdict(ended))
        .as("node B after %s", took)
        .isEqualTo(RevocationList.Verdict.REVOKED);
    assertThat(took).isLessThanOrEqualTo(window);
    assertThat(tokensOfB.verdict(kept)).isEqualTo(RevocationList.Verdict.VALID);
    assertThat(tokensOfA.verdict(kept)).isEqualTo(RevocationList.Verdict.VALID);
  }

  @Test
  void whileRedisAnswersOtherNodesHearOfARevocationAtOnce() throws Exception {
    try (RedisKeyValueStore sender =
            new RedisKeyValueStore(redisOfB.uri(), Duration.ofMillis(250));
        RedisKeyValueStore receiver =
            new RedisKeyValueStore(redisOfB.uri(), Duration.ofMillis(250))) {
      BlockingQueue<String> heard = new ArrayBlockingQueue<>(1);
      assertThat(receiver.subscribe(RevocationList.CHANNEL, heard::offer)).isTrue();
      redisOfB.refuseWrites();
      try {
        sender.publish(RevocationList.CHANNEL, "some-jti 1");
        assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo("some-jti 1");
      } finally {
        redisOfB.acceptWrites();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
