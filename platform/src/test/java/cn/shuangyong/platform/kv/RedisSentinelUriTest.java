package cn.shuangyong.platform.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisSentinel;
import redis.embedded.RedisServer;

/**
 * The deployed nodes reach Redis through Sentinel ({@code redis-sentinel://s1,s2,s3#master}, see
 * deploy/): the store works through such a URI and says where it is. Such a URI has no host of its
 * own, so the log and {@code /health} used to say "Redis at null:6379".
 */
class RedisSentinelUriTest {
  private RedisServer primary;
  private RedisSentinel sentinel;

  @AfterEach
  void stop() throws IOException {
    if (sentinel != null) {
      sentinel.stop();
    }
    if (primary != null) {
      primary.stop();
    }
  }

  @Test
  void theStoreFindsThePrimaryThroughSentinelAndNamesIt() throws IOException {
    int primaryPort = freePort();
    int sentinelPort = freePort();
    primary =
        RedisServer.newRedisServer()
            .port(primaryPort)
            .setting("bind 127.0.0.1")
            .setting("save \"\"")
            .build();
    primary.start();
    sentinel =
        RedisSentinel.newRedisSentinel()
            .bind("127.0.0.1")
            .port(sentinelPort)
            .masterName("shuangyong")
            .masterPort(primaryPort)
            .quorumSize(1)
            .build();
    sentinel.start();

    try (RedisKeyValueStore store =
        new RedisKeyValueStore(
            "redis-sentinel://127.0.0.1:" + sentinelPort + "#shuangyong", Duration.ofSeconds(2))) {
      store.put("sentinel:probe", "found", Duration.ofMinutes(1));
      assertThat(store.get("sentinel:probe")).contains("found");
      assertThat(store.describe())
          .isEqualTo("Redis master shuangyong through Sentinel 127.0.0.1:" + sentinelPort)
          .doesNotContain("null");
    }
  }

  @Test
  void everySentinelIsNamedAndNoPasswordEver() {
    assertThat(
            RedisKeyValueStore.describe(
                RedisURI.create(
                    "redis-sentinel://:secret@10.0.0.1:26379,10.0.0.2:26380,10.0.0.3#shuangyong")))
        .isEqualTo(
            "Redis master shuangyong through Sentinel 10.0.0.1:26379,10.0.0.2:26380,10.0.0.3:26379");
    assertThat(RedisKeyValueStore.describe(RedisURI.create("redis://:secret@127.0.0.1:6380/0")))
        .isEqualTo("Redis at 127.0.0.1:6380");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
