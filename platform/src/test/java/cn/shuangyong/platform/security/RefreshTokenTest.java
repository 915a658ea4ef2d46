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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Refresh tokens over the API: they stop working for a disabled or locked account, and one used a
 * second time revokes every token issued from the same sign-in (other sign-ins keep working).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshTokenTest implements TestPropertyProvider {
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
    fixtures.region("refreshprov", AdministrativeLevel.PROVINCE, null);
    fixtures.tenant("refresh_city", "refreshprov");
  }

  @Test
  void aRefreshTokenUsedTwiceRevokesEveryTokenOfItsSignIn() {
    String username = newUser();
    Answer login = login(username);
    Answer first = refresh(login.string("refresh_token"));
    Answer second = refresh(first.string("refresh_token"));
    assertThat(second.status()).isEqualTo(200);
    Answer otherSignIn = login(username);

    Answer reused = refresh(login.string("refresh_token"));
    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    for (Answer issued : new Answer[] {login, first, second}) {
      assertThat(me(issued)).isEqualTo(401);
    }
    assertThat(refresh(second.string("refresh_token")).status()).isEqualTo(401);

    assertThat(me(otherSignIn)).isEqualTo(200);
    Answer otherRefreshed = refresh(otherSignIn.string("refresh_token"));
    assertThat(otherRefreshed.status()).isEqualTo(200);
    assertThat(me(otherRefreshed)).isEqualTo(200);
  }

  @Test
  void aDisabledAccountsRefreshTokenStopsWorking() throws SQLException {
    String username = newUser();
    Answer login = login(username);
    asOwner("update platform.app_user set enabled = false where username = ?", username);
    Answer refused = refresh(login.string("refresh_token"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.text()).contains("\"status\":401");
  }

  @Test
  void aLockedAccountsRefreshTokenStopsWorking() {
    String username = newUser();
    Answer login = login(username);
    for (int i = 0; i < 5; i++) {
      api.post(
          "/api/v1/auth/login", Map.of("username", username, "password", "Wrong@" + i + "x"), null);
    }
    assertThat(
            api.post(
                    "/api/v1/auth/login",
                    Map.of("username", username, "password", PlatformFixtures.PASSWORD),
                    null)
                .status())
        .isEqualTo(423);
    assertThat(refresh(login.string("refresh_token")).status()).isEqualTo(401);
  }

  @Test
  void anUnknownRefreshTokenIs401AndRevokesNothing() {
    Answer login = login(newUser());
    assertThat(refresh("not-a-refresh-token").status()).isEqualTo(401);
    assertThat(me(login)).isEqualTo(200);
    assertThat(refresh(login.string("refresh_token")).status()).isEqualTo(200);
  }

  private String newUser() {
    String username = "refresh." + UUID.randomUUID().toString().substring(0, 8);
    fixtures.user(username, Role.CITY_STAFF, "refresh_city", null, null, null);
    return username;
  }

  private Answer login(String username) {
    Answer login =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", username, "password", PlatformFixtures.PASSWORD),
            null);
    assertThat(login.status()).isEqualTo(200);
    return login;
  }

  private Answer refresh(String refreshToken) {
    return api.post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken), null);
  }

  private int me(Answer tokens) {
    return api.get("/api/v1/me", tokens.string("access_token")).status();
  }

  private static void asOwner(String sql, String argument) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, argument);
      statement.executeUpdate();
    }
  }
}
