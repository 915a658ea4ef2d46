package cn.shuangyong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Login, lockout, refresh, logout and /me over real HTTP ({@code api-contract.md}, Auth). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  Api api;
  PlatformFixtures fixtures;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    fixtures = new PlatformFixtures(context);
    fixtures.region("authprov", AdministrativeLevel.PROVINCE, null);
    fixtures.tenant("auth_city", "authprov");
  }

  private String newUser(Role role) {
    String username = "auth." + UUID.randomUUID().toString().substring(0, 8);
    fixtures.user(username, role, "auth_city", null, null, null);
    return username;
  }

  @Test
  void loginAnswersTokensAndMeTellsWhoIsCalling() {
    String username = newUser(Role.CITY_ADMIN);
    Answer login =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", username, "password", PlatformFixtures.PASSWORD),
            null);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.map())
        .containsKeys("access_token", "token_type", "expires_in", "refresh_token");
    assertThat(login.string("token_type")).isEqualTo("Bearer");
    Answer me = api.get("/api/v1/me", login.string("access_token"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.string("username")).isEqualTo(username);
    assertThat(me.string("tenant")).isEqualTo("auth_city");
    assertThat(me.map().get("roles")).isEqualTo(List.of("CITY_ADMIN"));
  }

  @Test
  void withoutOrWithAForgedTokenTheApiAnswers401Problem() {
    Answer none = api.get("/api/v1/me", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/v1/me", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.forged").status())
        .isEqualTo(401);
  }

  @Test
  void anUnknownUserAnswersExactlyLikeAWrongPassword() {
    String username = newUser(Role.CITY_STAFF);
    Answer wrong =
        api.post(
            "/api/v1/auth/login", Map.of("username", username, "password", "Wrong@2026x"), null);
    Answer unknown =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", "ghost." + UUID.randomUUID(), "password", "Wrong@2026x"),
            null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.text()).isEqualTo(wrong.text());
    assertThat(wrong.text()).contains("用户名或密码错误");
    Answer english =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", username, "password", "Wrong@2026x"),
            null,
            "en-US,en;q=0.9");
    assertThat(english.text()).contains("Wrong user name or password");
  }

  @Test
  void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
    String username = newUser(Role.CITY_STAFF);
    for (int i = 0; i < 4; i++) {
      assertThat(
              api.post(
                      "/api/v1/auth/login",
                      Map.of("username", username, "password", "Wrong@" + i + "abc"),
                      null)
                  .status())
          .isEqualTo(401);
    }
    Answer fifth =
        api.post(
            "/api/v1/auth/login", Map.of("username", username, "password", "Wrong@5abc"), null);
    assertThat(fifth.status()).isEqualTo(423);
    Answer right =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", username, "password", PlatformFixtures.PASSWORD),
            null);
    assertThat(right.status()).isEqualTo(423);
    assertThat(right.contentType()).startsWith("application/problem+json");
    assertThat(right.text()).contains("锁定");
  }

  @Test
  void anUnknownNameIsLockedTheSameWay() {
    String ghost = "ghost." + UUID.randomUUID().toString().substring(0, 8);
    int last = 0;
    for (int i = 0; i < 6; i++) {
      last =
          api.post(
                  "/api/v1/auth/login",
                  Map.of("username", ghost, "password", "Wrong@" + i + "abc"),
                  null)
              .status();
    }
    assertThat(last).isEqualTo(423);
  }

  @Test
  void aRefreshTokenWorksOnceAndLogoutEndsTheSession() {
    String username = newUser(Role.CITY_STAFF);
    Answer login =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", username, "password", PlatformFixtures.PASSWORD),
            null);
    String refresh = login.string("refresh_token");
    Answer refreshed = api.post("/api/v1/auth/refresh", Map.of("refresh_token", refresh), null);
    assertThat(refreshed.status()).isEqualTo(200);

    String access = refreshed.string("access_token");
    assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/auth/logout", Map.of(), access).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/me", access).status()).isEqualTo(401);
    assertThat(
            api.post(
                    "/api/v1/auth/refresh",
                    Map.of("refresh_token", refreshed.string("refresh_token")),
                    null)
                .status())
        .isEqualTo(401);
    // used once already (a second use also revokes its sign-in's tokens: RefreshTokenTest)
    assertThat(api.post("/api/v1/auth/refresh", Map.of("refresh_token", refresh), null).status())
        .isEqualTo(401);
  }

  @Test
  void malformedOrEmptyLoginBodiesAre400Problems() {
    Answer malformed = api.postRaw("/api/v1/auth/login", "{\"username\": \"x\", ", null);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    Answer empty = api.post("/api/v1/auth/login", Map.of("username", "", "password", ""), null);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.text()).contains("\"field\":\"username\"").contains("\"field\":\"password\"");
  }
}
