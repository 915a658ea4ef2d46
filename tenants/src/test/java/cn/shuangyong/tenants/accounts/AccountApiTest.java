package cn.shuangyong.tenants.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.accounts.web.PasswordChangeGate;
import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The accounts API ({@code api-contract.md}, Accounts) against the demo province: every status, who
 * may grant what, tenant isolation, the forced change at first sign-in, revocation and the password
 * history.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountApiTest implements TestPropertyProvider {
  static final String PINGHU = "/api/v1/tenants/pinghu/users";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Inject
  @Named(PlatformDataSource.NAME)
  TransactionOperations<Connection> platform;

  Api api;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeEach
  void client() {
    api = new Api(server, json);
  }

  String token(String user) {
    return api.login(user, DemoProvince.PASSWORD);
  }

  static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  long firstUnit(String tenant, String kind, String admin) {
    Answer units = api.get("/api/v1/tenants/" + tenant + "/" + kind + "?size=1", token(admin));
    return ((Number) units.items().get(0).get("id")).longValue();
  }

  Map<String, Object> form(String username, String role, Object... bindings) {
    Map<String, Object> form = new HashMap<>();
    form.put("username", username);
    form.put("displayName", "测试 " + username);
    form.put("roles", List.of(role));
    for (int i = 0; i + 1 < bindings.length; i += 2) {
      form.put((String) bindings[i], bindings[i + 1]);
    }
    return form;
  }

  /** A new liaison of Pinghu: answers its id and initial password. */
  Answer createLiaison(String admin) {
    long unit = firstUnit("pinghu", "garrison-units", "pinghu.admin");
    return api.post(
        PINGHU,
        form(unique("liaison"), "GARRISON_LIAISON", "garrisonUnitId", unit, "phone", "13812345678"),
        admin);
  }

  @Test
  void aCityAdminCreatesALiaisonWithAOneTimePasswordAndListsItMasked() {
    String admin = token("pinghu.admin");
    Answer created = createLiaison(admin);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().headers().firstValue("Location"))
        .get()
        .asString()
        .startsWith(PINGHU + "/");
    assertThat(created.string("initialPassword")).hasSizeGreaterThanOrEqualTo(12);
    assertThat(created.map().get("mustChangePassword")).isEqualTo(true);
    assertThat(created.string("status")).isEqualTo("ACTIVE");
    assertThat(created.string("phone")).isEqualTo("138****5678");
    Answer listed = api.get(PINGHU + "?q=" + created.string("username"), admin);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.map()).containsKeys("items", "total", "page", "size");
    assertThat(listed.items()).hasSize(1);
    assertThat(listed.items().get(0))
        .containsEntry("phone", "138****5678")
        .containsEntry("roles", List.of("GARRISON_LIAISON"))
        .doesNotContainKey("initialPassword");
    assertThat(api.get(PINGHU + "?role=GARRISON_LIAISON&status=ACTIVE&size=200", admin).items())
        .extracting(item -> item.get("username"))
        .contains("pinghu.liaison", created.string("username"))
        .doesNotContain("pinghu.staff", "hangzhou.liaison");
    assertThat(api.get(PINGHU + "?status=WHATEVER", admin).status()).isEqualTo(400);
    assertThat(api.get(PINGHU + "?size=500", admin).status()).isEqualTo(400);
  }

  @Test
  void aTakenNameIs409AndMissingOrForeignUnitsOrUngrantableRolesAre422() {
    String admin = token("pinghu.admin");
    assertThat(api.post(PINGHU, form("pinghu.staff", "CITY_STAFF"), admin).status()).isEqualTo(409);
    assertThat(api.post(PINGHU, form(unique("l"), "GARRISON_LIAISON"), admin).status())
        .as("liaison without a garrison unit")
        .isEqualTo(422);
    assertThat(api.post(PINGHU, form(unique("h"), "UNIT_HANDLER"), admin).status())
        .as("handler without a responsible unit")
        .isEqualTo(422);
    Answer foreign =
        api.post(
            PINGHU, form(unique("l"), "GARRISON_LIAISON", "garrisonUnitId", 987654321L), admin);
    assertThat(foreign.status()).as("a unit Pinghu does not have").isEqualTo(422);
    assertThat(foreign.text()).contains("\"field\":\"garrisonUnitId\"");
    assertThat(api.post(PINGHU, form(unique("p"), "PLATFORM_ADMIN"), admin).status())
        .isEqualTo(422);
    Answer byPlatform =
        api.post(
            PINGHU,
            form(
                unique("h"),
                "UNIT_HANDLER",
                "responsibleUnitId",
                firstUnit("pinghu", "responsible-units", "pinghu.admin")),
            token("admin"));
    assertThat(byPlatform.status()).as("binding to units is the city admin's").isEqualTo(422);
    long own = idOf(admin, "pinghu.admin");
    Map<String, Object> ownChange = new HashMap<>(form("x", "CITY_STAFF"));
    ownChange.remove("username");
    assertThat(api.put(PINGHU + "/" + own, ownChange, admin).status())
        .as("nobody changes its own roles")
        .isEqualTo(422);
  }

  @Test
  void thePlatformAdminCreatesTheFirstCityAdminOfACity() {
    Answer created = api.post(PINGHU, form(unique("ca"), "CITY_ADMIN"), token("admin"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("tenant")).isEqualTo("pinghu");
  }

  long idOf(String admin, String username) {
    return ((Number) api.get(PINGHU + "?q=" + username, admin).items().get(0).get("id"))
        .longValue();
  }

  @Test
  void aCityAdminNeitherSeesNorTouchesAnotherCitysAccounts() {
    String pinghu = token("pinghu.admin");
    String hangzhouAdmin = token("hangzhou.admin");
    long hangzhouLiaison =
        ((Number)
                api.get("/api/v1/tenants/hangzhou/users?q=hangzhou.liaison", hangzhouAdmin)
                    .items()
                    .get(0)
                    .get("id"))
            .longValue();
    assertThat(api.get("/api/v1/tenants/hangzhou/users", pinghu).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/hangzhou/users/" + hangzhouLiaison, pinghu).status())
        .isEqualTo(404);
    assertThat(api.get(PINGHU + "/" + hangzhouLiaison, pinghu).status()).isEqualTo(404);
    assertThat(api.post(PINGHU + "/" + hangzhouLiaison + "/disable", Map.of(), pinghu).status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/tenants/hangzhou/users/" + hangzhouLiaison + "/reset-password",
                    Map.of(),
                    pinghu)
                .status())
        .isEqualTo(404);
    Map<String, Object> changes = new HashMap<>(form("x", "GARRISON_LIAISON"));
    changes.remove("username");
    assertThat(api.put(PINGHU + "/" + hangzhouLiaison, changes, pinghu).status()).isEqualTo(404);
    assertThat(
            api.post("/api/v1/tenants/hangzhou/users", form(unique("x"), "CITY_STAFF"), pinghu)
                .status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/nowhere/users", token("admin")).status()).isEqualTo(404);
    assertThat(api.get(PINGHU, token("pinghu.staff")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/users", pinghu).status()).isEqualTo(403);
    assertThat(api.get(PINGHU, null).status()).isEqualTo(401);
    // the hangzhou account is untouched
    assertThat(token("hangzhou.liaison")).isNotBlank();
  }

  @Test
  void platformAccountsWithTheirRegion() {
    String admin = token("admin");
    Answer noRegion = api.post("/api/v1/users", form(unique("sup"), "SUPERVISOR"), admin);
    assertThat(noRegion.status()).isEqualTo(422);
    Answer created =
        api.post("/api/v1/users", form(unique("sup"), "SUPERVISOR", "region", "jiaxing"), admin);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("region")).isEqualTo("jiaxing");
    assertThat(api.post("/api/v1/users", form(unique("c"), "CITY_STAFF"), admin).status())
        .isEqualTo(422);
    Answer listed = api.get("/api/v1/users?role=SUPERVISOR&size=200", admin);
    assertThat(listed.items())
        .extracting(item -> item.get("username"))
        .contains("zj.supervisor", created.string("username"))
        .doesNotContain("pinghu.admin");
    long pinghuStaff = idOf(admin, "pinghu.staff");
    assertThat(api.get("/api/v1/users/" + pinghuStaff, admin).status()).isEqualTo(404);
  }

  @Test
  void aNewAccountMayOnlyChangeItsPasswordUntilItHasThenWorks() {
    Answer created = createLiaison(token("pinghu.admin"));
    String username = created.string("username");
    String initial = created.string("initialPassword");
    String first = api.login(username, initial);
    String other = api.login(username, initial);
    Answer refused = api.get("/api/v1/tenants/pinghu/needs", first);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.string("type")).isEqualTo(PasswordChangeGate.TYPE);
    assertThat(api.get("/api/v1/me", first).status()).isEqualTo(200);

    assertThat(change(first, "wrong-Password1", "Neues@Passwort1").status())
        .as("current password checked")
        .isEqualTo(422);
    assertThat(change(first, initial, "simple").status()).as("policy").isEqualTo(422);
    assertThat(change(first, initial, initial).status()).as("history").isEqualTo(422);
    assertThat(change(first, initial, "Neues@Passwort1").status()).isEqualTo(204);

    assertThat(api.get("/api/v1/tenants/pinghu/needs", first).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/me", other).status())
        .as("every other token stops working")
        .isEqualTo(401);
    assertThat(
            api.get("/api/v1/tenants/pinghu/needs", api.login(username, "Neues@Passwort1"))
                .status())
        .isEqualTo(200);
  }

  Answer change(String token, String current, String next) {
    return api.post(
        "/api/v1/me/password", Map.of("currentPassword", current, "newPassword", next), token);
  }

  @Test
  void theLastFivePasswordsAreRefused() {
    String admin = token("pinghu.admin");
    Answer created = api.post(PINGHU, form(unique("staff"), "CITY_STAFF"), admin);
    String username = created.string("username");
    String token = api.login(username, created.string("initialPassword"));
    String current = created.string("initialPassword");
    for (int i = 1; i <= 5; i++) {
      String next = "Passwort@" + i + "x";
      assertThat(change(token, current, next).status()).isEqualTo(204);
      current = next;
    }
    assertThat(change(token, current, "Passwort@2x").status()).isEqualTo(422);
    assertThat(change(token, current, "Passwort@5x").status()).isEqualTo(422);
    Answer english =
        api.post(
            "/api/v1/me/password",
            Map.of("currentPassword", current, "newPassword", "Passwort@3x"),
            token,
            "en");
    assertThat(english.text()).contains("last 5 passwords");
    assertThat(change(token, current, created.string("initialPassword")).status())
        .as("the sixth-last is allowed again")
        .isEqualTo(204);
  }

  @Test
  void disablingAndResettingRevokeTheAccountsTokensAtOnce() {
    String admin = token("pinghu.admin");
    Answer created = api.post(PINGHU, form(unique("staff"), "CITY_STAFF"), admin);
    String username = created.string("username");
    String id = created.string("id");
    String token = api.login(username, created.string("initialPassword"));
    assertThat(change(token, created.string("initialPassword"), "Erstes@Pass1").status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/tenants/pinghu/needs", token).status()).isEqualTo(200);

    Answer disabled = api.post(PINGHU + "/" + id + "/disable", Map.of(), admin);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.string("status")).isEqualTo("DISABLED");
    assertThat(api.get("/api/v1/tenants/pinghu/needs", token).status()).isEqualTo(401);
    assertThat(login(username, "Erstes@Pass1").status()).isEqualTo(401);

    assertThat(api.post(PINGHU + "/" + id + "/enable", Map.of(), admin).string("status"))
        .isEqualTo("ACTIVE");
    String again = api.login(username, "Erstes@Pass1");
    Answer reset = api.post(PINGHU + "/" + id + "/reset-password", Map.of(), admin);
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.map().get("mustChangePassword")).isEqualTo(true);
    assertThat(api.get("/api/v1/me", again).status()).isEqualTo(401);
    assertThat(login(username, "Erstes@Pass1").status()).isEqualTo(401);
    assertThat(login(username, reset.string("initialPassword")).status()).isEqualTo(200);
  }

  Answer login(String username, String password) {
    return api.post("/api/v1/auth/login", Map.of("username", username, "password", password), null);
  }

  @Test
  void aLockedAccountIsListedLockedAndUnlocked() {
    String admin = token("pinghu.admin");
    Answer created = api.post(PINGHU, form(unique("staff"), "CITY_STAFF"), admin);
    for (int i = 0; i < 5; i++) {
      login(created.string("username"), "Falsch@123");
    }
    assertThat(login(created.string("username"), created.string("initialPassword")).status())
        .isEqualTo(423);
    String id = created.string("id");
    assertThat(api.get(PINGHU + "/" + id, admin).string("status")).isEqualTo("LOCKED");
    assertThat(api.get(PINGHU + "?status=LOCKED&q=" + created.string("username"), admin).items())
        .hasSize(1);
    assertThat(api.post(PINGHU + "/" + id + "/unlock", Map.of(), admin).string("status"))
        .isEqualTo("ACTIVE");
    assertThat(login(created.string("username"), created.string("initialPassword")).status())
        .isEqualTo(200);
  }

  @Test
  void logoutEverywhereEndsEveryToken() {
    String one = token("pinghu.liaison2");
    String two = token("pinghu.liaison2");
    assertThat(api.post("/api/v1/me/logout-everywhere", Map.of(), one).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/me", one).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me", two).status()).isEqualTo(401);
  }

  /** Lists mask the phone, so an edit without one keeps it; an empty one clears it. */
  @Test
  void anEditWithoutAPhoneKeepsItAndAnEmptyOneClearsIt() {
    String admin = token("pinghu.admin");
    Answer created = createLiaison(admin);
    String path = PINGHU + "/" + created.string("id");
    Map<String, Object> changes = new HashMap<>();
    changes.put("displayName", "改名联络员");
    changes.put("roles", List.of("GARRISON_LIAISON"));
    changes.put("garrisonUnitId", created.map().get("garrisonUnitId"));
    Answer kept = api.put(path, changes, admin);
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.string("phone")).isEqualTo("138****5678");
    changes.put("phone", "");
    assertThat(api.put(path, changes, admin).string("phone")).isNull();
  }

  @Test
  void demoAccountsAreNotForcedToChange() {
    assertThat(api.get("/api/v1/tenants/pinghu/needs", token("pinghu.liaison")).status())
        .isEqualTo(200);
  }

  @Test
  void everyChangeIsAuditedWithBeforeAndAfter() throws Exception {
    String admin = token("pinghu.admin");
    Answer created = api.post(PINGHU, form(unique("staff"), "CITY_STAFF"), admin);
    Map<String, Object> changes = new HashMap<>(form("x", "CITY_STAFF"));
    changes.remove("username");
    changes.put("displayName", "改过的名字");
    assertThat(api.put(PINGHU + "/" + created.string("id"), changes, admin).status())
        .isEqualTo(200);
    Answer audit = api.get("/api/v1/audit?action=ACCOUNT_UPDATE&size=50", token("admin"));
    assertThat(audit.text()).contains("user:" + created.string("username"));
    String detail =
        platform.executeRead(
            status -> {
              try (var select =
                  status
                      .getConnection()
                      .prepareStatement(
                          "select detail from audit_event where action = 'ACCOUNT_UPDATE'"
                              + " and target = ?")) {
                select.setString(1, "user:" + created.string("username"));
                try (var rs = select.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    Map<?, ?> parsed = json.readValue(detail, Map.class);
    assertThat(((Map<?, ?>) parsed.get("before")).get("displayName"))
        .isEqualTo("测试 " + created.string("username"));
    assertThat(((Map<?, ?>) parsed.get("after")).get("displayName")).isEqualTo("改过的名字");
  }
}
