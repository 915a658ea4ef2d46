package cn.shuangyong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A logout holds when Redis loses its data: PostgreSQL answers, then Redis is re-seeded. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  @Inject TokenService tokens;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void aRevokedTokenStaysRevokedWhenRedisForgetsIt() throws Exception {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("revprov", AdministrativeLevel.PROVINCE, null);
    fixtures.tenant("rev_city", "revprov");
    fixtures.user("rev.user", Role.CITY_STAFF, "rev_city", null, null, null);
    Api api = new Api(server, json);
    String token = api.login("rev.user", PlatformFixtures.PASSWORD);
    String jti = jtiOf(token);
    assertThat(api.post("/api/v1/auth/logout", Map.of(), token).status()).isEqualTo(204);

    RedisClient client = RedisClient.create(TestInfrastructure.get().redisUri());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      assertThat(redis.sync().exists("token:revoked:" + jti)).isEqualTo(1L);
      // Redis restarted empty: neither the revocation nor the seeded marker is there
      redis.sync().del("token:revoked:" + jti, "token:revocations-seeded");
      assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
      tokens.seedRevocations();
      assertThat(redis.sync().exists("token:revoked:" + jti)).isEqualTo(1L);
      assertThat(redis.sync().exists("token:revocations-seeded")).isEqualTo(1L);
      assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    } finally {
      client.shutdown();
    }
  }

  @SuppressWarnings("unchecked")
  private String jtiOf(String token) throws Exception {
    byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
    return ((Map<String, Object>) json.readValue(payload, Map.class)).get("jti").toString();
  }
}
