package cn.shuangyong.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestClock;
import cn.shuangyong.platform.testing.TestClockFactory;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.users.UserAccount;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The TOTP second factor over real HTTP: enrolment, the code at sign-in (missing, wrong, replayed,
 * counted toward the lockout), removal, the admin's reset, the enrolment gate of a required role,
 * the secret encrypted in PostgreSQL and hostile codes. Codes are computed by the library from the
 * secret the enrolment answered, on the test clock (moved by whole 30-second steps).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorApiTest implements TestPropertyProvider {
  private static final String TENANT = "totp_city";
  private static final String OTHER_TENANT = "totp_other";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  @Inject TestClock clock;
  Api api;
  PlatformFixtures fixtures;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put(TestClockFactory.PROPERTY, "manual");
    properties.put("shuangyong.security.totp.required-roles", "SUPERVISOR");
    return properties;
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    fixtures = new PlatformFixtures(context);
    fixtures.region("totpprov", AdministrativeLevel.PROVINCE, null);
    fixtures.tenant(TENANT, "totpprov");
    fixtures.tenant(OTHER_TENANT, "totpprov");
  }

  private UserAccount newUser(Role role, String tenant) {
    String username = "totp." + UUID.randomUUID().toString().substring(0, 8);
    return fixtures.user(
        username, role, tenant, role == Role.SUPERVISOR ? "totpprov" : null, null, null);
  }

  private Answer login(String username, String totp) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("password", PlatformFixtures.PASSWORD);
    if (totp != null) {
      body.put("totp", totp);
    }
    return api.post("/api/v1/auth/login", body, null);
  }

  /** The code of the test clock's current step, computed by the library from the secret. */
  private String code(String secret) throws Exception {
    long step = Math.floorDiv(clock.instant().getEpochSecond(), 30);
    return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
  }

  private void nextStep() {
    clock.advance(Duration.ofSeconds(30));
  }

  /** Enrols the account: begins, confirms with the current code; the secret. */
  private String enrol(String token) throws Exception {
    Answer begun = api.post("/api/v1/me/totp", Map.of(), token);
    assertThat(begun.status()).isEqualTo(200);
    String secret = begun.string("secret");
    assertThat(api.post("/api/v1/me/totp/confirm", Map.of("code", code(secret)), token).status())
        .isEqualTo(204);
    nextStep();
    return secret;
  }

  @Test
  void enrolSignInWithTheCodeOnceAndRemove() throws Exception {
    UserAccount user = newUser(Role.CITY_ADMIN, TENANT);
    String token = api.login(user.username(), PlatformFixtures.PASSWORD);
    assertThat(api.get("/api/v1/me/totp", token).map())
        .containsEntry("enrolled", false)
        .containsEntry("pending", false)
        .containsEntry("required", false);

    Answer begun = api.post("/api/v1/me/totp", Map.of(), token);
    assertThat(begun.status()).isEqualTo(200);
    String secret = begun.string("secret");
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(begun.string("otpauthUri"))
        .startsWith("otpauth://totp/")
        .contains("secret=" + secret)
        .contains("digits=6")
        .contains("period=30");
    assertThat(begun.string("qrCodeSvg"))
        .startsWith("<svg")
        .contains("<path")
        .doesNotContain("<script");
    assertThat(api.get("/api/v1/me/totp", token).map()).containsEntry("pending", true);
    // not on before it is confirmed: the password alone still signs in
    assertThat(login(user.username(), null).status()).isEqualTo(200);

    assertThat(api.post("/api/v1/me/totp/confirm", Map.of("code", "000000"), token).status())
        .isEqualTo(code(secret).equals("000000") ? 204 : 422);
    String confirmCode = code(secret);
    assertThat(api.post("/api/v1/me/totp/confirm", Map.of("code", confirmCode), token).status())
        .isEqualTo(204);
    Map<String, Object> status = api.get("/api/v1/me/totp", token).map();
    assertThat(status).containsEntry("enrolled", true).doesNotContainKey("secret");
    // the secret is never answered again: beginning anew is refused while one is on
    assertThat(api.post("/api/v1/me/totp", Map.of(), token).status()).isEqualTo(409);

    Answer missing = login(user.username(), null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.string("type")).isEqualTo("https://shuangyong.cn/problems/totp-required");
    assertThat(missing.map()).doesNotContainKey("access_token");
    // the confirmation's code cannot sign in: its step is used
    Answer replayedConfirm = login(user.username(), confirmCode);
    assertThat(replayedConfirm.status()).isEqualTo(401);
    assertThat(replayedConfirm.string("type"))
        .isEqualTo("https://shuangyong.cn/problems/totp-invalid");

    nextStep();
    String signInCode = code(secret);
    Answer signedIn = login(user.username(), signInCode);
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.map()).containsKey("access_token");
    Answer replayed = login(user.username(), signInCode);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.string("type")).isEqualTo("https://shuangyong.cn/problems/totp-invalid");

    nextStep();
    String current = signedIn.string("access_token");
    assertThat(api.post("/api/v1/me/totp/remove", Map.of("code", "12345x"), current).status())
        .isEqualTo(422);
    assertThat(api.post("/api/v1/me/totp/remove", Map.of("code", code(secret)), current).status())
        .isEqualTo(204);
    assertThat(login(user.username(), null).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/me/totp/remove", Map.of("code", code(secret)), current).status())
        .isEqualTo(409);
    assertThat(auditActions(user.username()))
        .contains(
            "TOTP_ENROLLED:SUCCESS",
            "TOTP_REMOVED:SUCCESS",
            // the password was right: the step is no failure, the wrong code afterwards is
            "LOGIN_TOTP_REQUIRED:SUCCESS",
            "LOGIN_TOTP_FAILED:FAILURE");
  }

  @Test
  void wrongCodesCountTowardTheLockoutAndAMissingOneDoesNotResetTheCount() throws Exception {
    UserAccount user = newUser(Role.CITY_STAFF, TENANT);
    String secret = enrol(api.login(user.username(), PlatformFixtures.PASSWORD));
    String wrong = code(secret).equals("111111") ? "222222" : "111111";
    for (int i = 0; i < 4; i++) {
      assertThat(login(user.username(), wrong).status()).isEqualTo(401);
      // the right password without a code must not clear the failures
      assertThat(login(user.username(), null).status()).isEqualTo(401);
    }
    Answer fifth = login(user.username(), wrong);
    assertThat(fifth.status()).isEqualTo(423);
    assertThat(fifth.raw().headers().firstValue("Retry-After")).isPresent();
    // locked: even the right code is refused
    assertThat(login(user.username(), code(secret)).status()).isEqualTo(423);
  }

  @Test
  void theSecretIsStoredEncrypted() throws Exception {
    UserAccount user = newUser(Role.CITY_STAFF, TENANT);
    String token = api.login(user.username(), PlatformFixtures.PASSWORD);
    String secret = enrol(token);
    try (Connection connection = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select secret from platform.totp_factor where user_id = ?")) {
      select.setLong(1, user.id());
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        String stored = rs.getString(1);
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
      }
    }
    try (Connection connection = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select count(*) from platform.audit_event where detail like ?")) {
      select.setString(1, "%" + secret + "%");
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void neitherTheSecretNorACodeReachesTheLog() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    List<String> secrets = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    try {
      UserAccount user = newUser(Role.CITY_STAFF, TENANT);
      String secret = enrol(api.login(user.username(), PlatformFixtures.PASSWORD));
      secrets.add(secret);
      String code = code(secret);
      codes.add(code);
      assertThat(login(user.username(), code).status()).isEqualTo(200);
      assertThat(login(user.username(), code).status()).isEqualTo(401);
    } finally {
      root.detachAppender(captured);
    }
    assertThat(captured.list).isNotEmpty();
    for (ILoggingEvent event : captured.list) {
      String line = event.getFormattedMessage();
      secrets.forEach(secret -> assertThat(line).doesNotContain(secret));
      codes.forEach(code -> assertThat(line).doesNotContain("\"" + code + "\""));
    }
  }

  @Test
  void hostileCodesAreRefusedWithoutAServerError() throws Exception {
    UserAccount user = newUser(Role.CITY_STAFF, TENANT);
    String token = api.login(user.username(), PlatformFixtures.PASSWORD);
    enrol(token);
    String huge = "1".repeat(10 * 1024 * 1024);
    int hugeStatus = login(user.username(), huge).status();
    assertThat(hugeStatus).isIn(400, 413);
    Answer nul = login(user.username(), "12\u00003456");
    assertThat(nul.status()).isBetween(400, 401);
    Answer letters = login(user.username(), "abcdef");
    assertThat(letters.status()).isEqualTo(401);
    assertThat(letters.string("type")).isEqualTo("https://shuangyong.cn/problems/totp-invalid");
    assertThat(
            api.postRaw(
                    "/api/v1/me/totp/remove",
                    "{\"code\": \"" + "9".repeat(100) + "\"}",
                    api.login(
                        fixtures
                            .user("totp.hostile2", Role.CITY_STAFF, TENANT, null, null, null)
                            .username(),
                        PlatformFixtures.PASSWORD))
                .status())
        .isIn(400, 422);
    assertThat(api.post("/api/v1/me/totp/confirm", Map.of("code", "\u0000"), token).status())
        .isIn(400, 409, 422);
  }

  @Test
  void aRoleThatRequiresTheFactorMayOnlyEnrolUntilItHas() throws Exception {
    UserAccount supervisor = newUser(Role.SUPERVISOR, null);
    Answer first = login(supervisor.username(), null);
    assertThat(first.status()).isEqualTo(200);
    String token = first.string("access_token");
    Answer refused = api.get("/api/v1/tenants", token);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.string("type"))
        .isEqualTo("https://shuangyong.cn/problems/totp-enrolment-required");
    assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/me/totp", token).map()).containsEntry("required", true);
    // its refresh token is refused too until it has enrolled
    assertThat(
            api.post(
                    "/api/v1/auth/refresh",
                    Map.of("refresh_token", first.string("refresh_token")),
                    null)
                .status())
        .isEqualTo(401);

    String secret = enrol(token);
    // the same token reaches everything once the factor is on
    assertThat(api.get("/api/v1/tenants", token).status()).isEqualTo(200);
    Answer again = login(supervisor.username(), code(secret));
    assertThat(again.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tenants", again.string("access_token")).status()).isEqualTo(200);
    // a required factor cannot be removed by its owner
    nextStep();
    Answer removal =
        api.post(
            "/api/v1/me/totp/remove", Map.of("code", code(secret)), again.string("access_token"));
    assertThat(removal.status()).isEqualTo(409);
    assertThat(api.get("/api/v1/me/totp", token).map()).containsEntry("enrolled", true);
  }

  @Test
  void anAccountManagerResetsAnothersFactorAudited() throws Exception {
    UserAccount staff = newUser(Role.CITY_STAFF, TENANT);
    enrol(api.login(staff.username(), PlatformFixtures.PASSWORD));
    assertThat(login(staff.username(), null).status()).isEqualTo(401);
    String path = "/api/v1/tenants/" + TENANT + "/users/" + staff.id() + "/reset-totp";

    String otherAdmin =
        api.login(newUser(Role.CITY_ADMIN, OTHER_TENANT).username(), PlatformFixtures.PASSWORD);
    assertThat(
            api.post(
                    "/api/v1/tenants/" + OTHER_TENANT + "/users/" + staff.id() + "/reset-totp",
                    Map.of(),
                    otherAdmin)
                .status())
        .isEqualTo(404);
    assertThat(api.post(path, Map.of(), otherAdmin).status()).isEqualTo(404);
    String colleague =
        api.login(newUser(Role.CITY_STAFF, TENANT).username(), PlatformFixtures.PASSWORD);
    assertThat(api.post(path, Map.of(), colleague).status()).isEqualTo(403);
    assertThat(login(staff.username(), null).status()).isEqualTo(401);

    String cityAdmin =
        api.login(newUser(Role.CITY_ADMIN, TENANT).username(), PlatformFixtures.PASSWORD);
    assertThat(api.post(path, Map.of(), cityAdmin).status()).isEqualTo(204);
    assertThat(login(staff.username(), null).status()).isEqualTo(200);
    assertThat(auditActions(staff.username())).contains("TOTP_RESET:SUCCESS");

    UserAccount platformAccount = newUser(Role.SUPERVISOR, null);
    String supervisorToken = login(platformAccount.username(), null).string("access_token");
    enrol(supervisorToken);
    assertThat(api.get("/api/v1/tenants", supervisorToken).status()).isEqualTo(200);
    UserAccount admin = newUser(Role.PLATFORM_ADMIN, null);
    String adminToken = api.login(admin.username(), PlatformFixtures.PASSWORD);
    assertThat(
            api.post("/api/v1/users/" + platformAccount.id() + "/reset-totp", Map.of(), adminToken)
                .status())
        .isEqualTo(204);
    assertThat(
            api.post("/api/v1/users/" + admin.id() + "/reset-totp", Map.of(), adminToken).status())
        .isEqualTo(422);
    // the reset ended the supervisor's tokens; it must enrol again before anything else
    assertThat(api.get("/api/v1/tenants", supervisorToken).status()).isEqualTo(401);
    Answer after = login(platformAccount.username(), null);
    assertThat(after.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tenants", after.string("access_token")).status()).isEqualTo(403);
  }

  /** The audit actions whose target is this account, or that it did. */
  private List<String> auditActions(String username) throws Exception {
    List<String> actions = new ArrayList<>();
    try (Connection connection = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select action || ':' || result from platform.audit_event"
                    + " where username = ? or target = ?"
                    + " order by id")) {
      select.setString(1, username);
      select.setString(2, "user:" + username);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
    }
    return actions;
  }
}
