package cn.shuangyong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.lettuce.core.RedisURI;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /health}: whether the platform is up for anyone, its details for a platform admin only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthAccessTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  Api api;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("healthprov", AdministrativeLevel.PROVINCE, null);
    fixtures.tenant("health_city", "healthprov");
    fixtures.user("health.admin", Role.PLATFORM_ADMIN, null, null, null, null);
    fixtures.user("health.city", Role.CITY_ADMIN, "health_city", null, null, null);
  }

  @Test
  void anAnonymousCallerLearnsOnlyWhetherThePlatformIsUp() {
    Answer health = api.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.string("status")).isEqualTo("UP");
    assertThat(health.map()).doesNotContainKey("details");
    assertThat(health.text()).doesNotContain("jdbc:postgresql").doesNotContain("diskSpace");
  }

  @Test
  void aSignedInCallerOtherThanAPlatformAdminSeesNoDetailsEither() {
    String city = api.login("health.city", PlatformFixtures.PASSWORD);
    assertThat(api.get("/health", city).map()).doesNotContainKey("details");
    String forged =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIlBMQVRGT1JNX0FETUlOIl19.x";
    Answer withForgedToken = api.get("/health", forged);
    assertThat(withForgedToken.status()).isEqualTo(200);
    assertThat(withForgedToken.map()).doesNotContainKey("details");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPlatformAdminSeesTheDetails() {
    String admin = api.login("health.admin", PlatformFixtures.PASSWORD);
    Answer health = api.get("/health", admin);
    assertThat(health.status()).isEqualTo(200);
    Map<String, Object> details = (Map<String, Object>) health.map().get("details");
    assertThat(details).containsKeys("tenants", "sharedStore", "diskSpace", "database");
    assertThat((Map<String, Object>) ((Map<String, Object>) details.get("database")).get("details"))
        .containsEntry("answers", true);
    Map<String, Object> store = (Map<String, Object>) details.get("sharedStore");
    assertThat((Map<String, Object>) store.get("details"))
        .containsEntry("answers", true)
        .containsEntry("store", redisAddress(TestInfrastructure.get().redisUri()));
  }

  private static String redisAddress(String redisUri) {
    RedisURI uri = RedisURI.create(redisUri);
    return "Redis at " + uri.getHost() + ":" + uri.getPort();
  }
}
