package cn.shuangyong.tenants.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.accounts.internal.PlatformContactEncryption;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.units.internal.UnitContactEncryption;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Personal data (issue 11): unit contact phones and accounts' phones and e-mail addresses are
 * stored encrypted (raw SQL sees {@code v1:} ciphertext, never the number), answered masked in
 * every list and detail, and in plain only through the {@code …/contact} calls, to the roles that
 * may, each call audited as PERSONAL_DATA_UNMASKED; values written in plain before are encrypted by
 * the startup steps, idempotently and safely from two nodes at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataTest implements TestPropertyProvider {
  static final String PINGHU = "/api/v1/tenants/pinghu";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject UnitContactEncryption unitEncryption;
  @Inject PlatformContactEncryption accountEncryption;
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

  @Test
  void aUnitsPhoneIsStoredEncryptedAnsweredMaskedAndUnmaskedForTheOfficeWithAnAuditEvent()
      throws SQLException {
    String admin = token("pinghu.admin");
    long id = newGarrisonUnit(admin, "13912342345");

    String stored = single("select contact_phone from t_pinghu.garrison_unit where id = ?", id);
    assertThat(stored).startsWith("v1:").doesNotContain("13912342345").doesNotContain("2345");

    Answer detail = api.get(PINGHU + "/garrison-units/" + id, admin);
    assertThat(detail.string("contactPhone")).isEqualTo("139****2345");
    assertThat(api.get(PINGHU + "/garrison-units?size=200", token("jx.supervisor")).items())
        .allSatisfy(
            unit ->
                assertThat(
                        unit.get("contactPhone") == null
                            || unit.get("contactPhone").toString().contains("*"))
                    .as(unit.toString())
                    .isTrue());

    for (String user : List.of("pinghu.admin", "pinghu.staff")) {
      long before = unmaskings(user, "garrison-unit:" + id);
      Answer contact = api.get(PINGHU + "/garrison-units/" + id + "/contact", token(user));
      assertThat(contact.status()).as(user).isEqualTo(200);
      assertThat(contact.string("contactPhone")).isEqualTo("13912342345");
      assertThat(contact.string("contactName")).isEqualTo("测试联系人");
      assertThat(unmaskings(user, "garrison-unit:" + id)).as(user).isEqualTo(before + 1);
    }
    String audit =
        single(
            "select detail from platform.audit_event where action = 'PERSONAL_DATA_UNMASKED'"
                + " and target = ? order by id desc limit 1",
            "garrison-unit:" + id);
    assertThat(audit).contains("contactPhone").doesNotContain("13912342345");
  }

  @Test
  void theDemosResponsibleUnitPhonesAreCiphertextAtRestAndMaskedInTheList() throws SQLException {
    List<String> stored =
        column(
            "select contact_phone from t_pinghu.responsible_unit where contact_phone is not null");
    assertThat(stored)
        .hasSizeGreaterThanOrEqualTo(16)
        .allSatisfy(value -> assertThat(value).startsWith("v1:"));
    List<Map<String, Object>> units =
        api.get(PINGHU + "/responsible-units?size=200", token("pinghu.staff")).items();
    assertThat(units)
        .filteredOn(unit -> "平湖市交通运输局".equals(unit.get("name")))
        .singleElement()
        .satisfies(unit -> assertThat(unit.get("contactPhone")).isEqualTo("0573-****0004"));
    long id =
        units.stream()
            .filter(unit -> "平湖市交通运输局".equals(unit.get("name")))
            .mapToLong(unit -> ((Number) unit.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    Answer contact =
        api.get(PINGHU + "/responsible-units/" + id + "/contact", token("pinghu.staff"));
    assertThat(contact.status()).isEqualTo(200);
    assertThat(contact.string("contactPhone")).isEqualTo("0573-85020004");
    // the own handler sees its unit's contact masked, but may not unmask it
    assertThat(
            api.get(PINGHU + "/responsible-units/" + id, token("pinghu.handler"))
                .string("contactPhone"))
        .isEqualTo("0573-****0004");
    assertThat(
            api.get(PINGHU + "/responsible-units/" + id + "/contact", token("pinghu.handler"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void supervisorsHandlersAndLiaisonsMayNotUnmaskAndAnotherTenantGets404() throws SQLException {
    String admin = token("pinghu.admin");
    long id = newGarrisonUnit(admin, "13912340001");
    for (String user :
        List.of("jx.supervisor", "zj.supervisor", "pinghu.handler", "pinghu.liaison")) {
      Answer refused = api.get(PINGHU + "/garrison-units/" + id + "/contact", token(user));
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.text()).doesNotContain("13912340001");
      assertThat(unmaskings(user, "garrison-unit:" + id)).as(user).isZero();
    }
    for (String user : List.of("hangzhou.admin", "hangzhou.liaison", "admin")) {
      Answer hidden = api.get(PINGHU + "/garrison-units/" + id + "/contact", token(user));
      assertThat(hidden.status()).as(user).isEqualTo(404);
      assertThat(hidden.text()).doesNotContain("13912340001");
    }
    // Hangzhou's unit under Pinghu's path: not found, whoever asks
    long hangzhouUnit =
        ((Number)
                api.get("/api/v1/tenants/hangzhou/garrison-units?size=1", token("hangzhou.admin"))
                    .items()
                    .get(0)
                    .get("id"))
            .longValue();
    long highest =
        Long.parseLong(single("select coalesce(max(id), 0)::text from t_pinghu.garrison_unit"));
    if (hangzhouUnit > highest) {
      assertThat(api.get(PINGHU + "/garrison-units/" + hangzhouUnit + "/contact", admin).status())
          .isEqualTo(404);
    }
    assertThat(api.get(PINGHU + "/garrison-units/" + (highest + 1000) + "/contact", admin).status())
        .isEqualTo(404);
  }

  @Test
  void hostileIdsOnTheContactCallsAreClientErrorsNever500() {
    String staff = token("pinghu.staff");
    for (String kind : List.of("garrison-units", "responsible-units")) {
      for (String id : List.of("99999999999999999999999", "-1", "%00", "1%00", "abc", "1e5")) {
        Answer answer = api.get(PINGHU + "/" + kind + "/" + id + "/contact", staff);
        assertThat(answer.status()).as(kind + " " + id).isIn(400, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
      }
    }
    String admin = token("admin");
    for (String id : List.of("99999999999999999999999", "%00", "-5")) {
      assertThat(api.get("/api/v1/users/" + id + "/contact", admin).status()).isIn(400, 404);
      assertThat(api.get(PINGHU + "/users/" + id + "/contact", admin).status()).isIn(400, 404);
    }
  }

  @Test
  void anEditThatSendsBackTheMaskedPhoneKeepsTheNumberAndAnotherMaskedValueIsRefused()
      throws SQLException {
    String admin = token("pinghu.admin");
    long id = newGarrisonUnit(admin, "13912342222");
    Map<String, Object> body = unitForm("驻平改名某部-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("contactPhone", "139****2222");
    Answer kept = api.put(PINGHU + "/garrison-units/" + id, body, admin);
    assertThat(kept.status()).isEqualTo(200);
    assertThat(api.get(PINGHU + "/garrison-units/" + id + "/contact", admin).string("contactPhone"))
        .isEqualTo("13912342222");
    body.put("contactPhone", "138****2222");
    Answer other = api.put(PINGHU + "/garrison-units/" + id, body, admin);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.text()).contains("contactPhone");
    body.put("contactPhone", "0573-85550000");
    api.put(PINGHU + "/garrison-units/" + id, body, admin);
    assertThat(single("select contact_phone from t_pinghu.garrison_unit where id = ?", id))
        .startsWith("v1:")
        .doesNotContain("85550000");
  }

  @Test
  void anAccountsPhoneAndEmailAreCiphertextAtRestMaskedInListsAndUnmaskedByItsManagers()
      throws SQLException {
    String admin = token("pinghu.admin");
    String username = "privacy." + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> form = new HashMap<>();
    form.put("username", username);
    form.put("displayName", "隐私测试");
    form.put("roles", List.of("CITY_STAFF"));
    form.put("phone", "13812340099");
    form.put("email", "zhang.wei@example.com");
    Answer created = api.post(PINGHU + "/users", form, admin);
    assertThat(created.status()).isEqualTo(201);
    Map<?, ?> account = created.map();
    assertThat(account.get("phone")).isEqualTo("138****0099");
    assertThat(account.get("email")).isEqualTo("z***@example.com");
    long id = ((Number) account.get("id")).longValue();

    List<String> stored =
        row("select phone, email from platform.app_user where username = ?", username);
    assertThat(stored)
        .allSatisfy(
            value ->
                assertThat(value)
                    .startsWith("v1:")
                    .doesNotContain("0099")
                    .doesNotContain("example"));
    assertThat(api.get(PINGHU + "/users?q=" + username, admin).text())
        .contains("138****0099")
        .contains("z***@example.com")
        .doesNotContain("13812340099")
        .doesNotContain("zhang.wei");
    assertThat(api.get("/api/v1/audit?action=ACCOUNT_CREATE&size=200", token("admin")).text())
        .doesNotContain("13812340099")
        .doesNotContain("zhang.wei");

    for (String user : List.of("pinghu.admin", "admin")) {
      Answer contact = api.get(PINGHU + "/users/" + id + "/contact", token(user));
      assertThat(contact.status()).as(user).isEqualTo(200);
      assertThat(contact.string("phone")).isEqualTo("13812340099");
      assertThat(contact.string("email")).isEqualTo("zhang.wei@example.com");
      assertThat(unmaskings(user, "user:" + username)).as(user).isEqualTo(1);
    }
    for (String user : List.of("pinghu.staff", "pinghu.liaison")) {
      assertThat(api.get(PINGHU + "/users/" + id + "/contact", token(user)).status())
          .as(user)
          .isEqualTo(403);
    }
    for (String user : List.of("hangzhou.admin", "jx.supervisor")) {
      assertThat(api.get(PINGHU + "/users/" + id + "/contact", token(user)).status())
          .as(user)
          .isEqualTo(404);
    }
    // another tenant's account under this tenant's path, and a tenant account on the platform path
    assertThat(
            api.get("/api/v1/tenants/hangzhou/users/" + id + "/contact", token("admin")).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/users/" + id + "/contact", token("admin")).status()).isEqualTo(404);

    // an edit that sends back the masked address keeps it
    Map<String, Object> changes = new HashMap<>(form);
    changes.remove("username");
    changes.remove("phone");
    changes.put("email", "z***@example.com");
    assertThat(api.put(PINGHU + "/users/" + id, changes, admin).status()).isEqualTo(200);
    assertThat(api.get(PINGHU + "/users/" + id + "/contact", admin).string("email"))
        .isEqualTo("zhang.wei@example.com");
  }

  @Test
  void platformAccountsContactIsThePlatformAdminsToUnmask() throws SQLException {
    String admin = token("admin");
    long id =
        Long.parseLong(
            single("select id::text from platform.app_user where username = ?", "jx.supervisor"));
    Answer contact = api.get("/api/v1/users/" + id + "/contact", admin);
    assertThat(contact.status()).isEqualTo(200);
    assertThat(unmaskings("admin", "user:jx.supervisor")).isPositive();
    assertThat(api.get("/api/v1/users/" + id + "/contact", token("pinghu.admin")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/users/" + id + "/contact", token("jx.supervisor")).status())
        .isEqualTo(403);
  }

  @Test
  void plainValuesWrittenBeforeAreEncryptedByTheStartupStepsOnceEvenFromTwoNodesAtOnce()
      throws Exception {
    String admin = token("pinghu.admin");
    long unit = newGarrisonUnit(admin, null);
    String username = "legacy." + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> form = new HashMap<>();
    form.put("username", username);
    form.put("displayName", "旧数据");
    form.put("roles", List.of("CITY_STAFF"));
    Answer created = api.post(PINGHU + "/users", form, admin);
    long account = Long.parseLong(created.string("id"));
    // what an earlier version left: plain values
    update("update t_pinghu.garrison_unit set contact_phone = '0573-85999999' where id = ?", unit);
    update(
        "update platform.app_user set phone = '13900001111', email = 'old@example.com' where id = ?",
        account);
    // before the step, the plain value already reads (and masks) as it should
    assertThat(api.get(PINGHU + "/garrison-units/" + unit, admin).string("contactPhone"))
        .isEqualTo("0573-****9999");

    CompletableFuture<Integer> one = CompletableFuture.supplyAsync(accountEncryption::encryptAll);
    CompletableFuture<Integer> two = CompletableFuture.supplyAsync(accountEncryption::encryptAll);
    CompletableFuture<Integer> units1 = CompletableFuture.supplyAsync(unitEncryption::encryptAll);
    CompletableFuture<Integer> units2 = CompletableFuture.supplyAsync(unitEncryption::encryptAll);
    assertThat(one.get() + two.get()).isGreaterThanOrEqualTo(1);
    assertThat(units1.get() + units2.get()).isGreaterThanOrEqualTo(1);

    assertThat(single("select contact_phone from t_pinghu.garrison_unit where id = ?", unit))
        .startsWith("v1:");
    assertThat(row("select phone, email from platform.app_user where id = ?", account))
        .allSatisfy(value -> assertThat(value).startsWith("v1:"));
    String encrypted =
        single("select contact_phone from t_pinghu.garrison_unit where id = ?", unit);
    assertThat(unitEncryption.encryptAll()).as("nothing left in plain").isZero();
    assertThat(accountEncryption.encryptAll()).isZero();
    assertThat(single("select contact_phone from t_pinghu.garrison_unit where id = ?", unit))
        .as("an encrypted value is left alone")
        .isEqualTo(encrypted);
    assertThat(
            api.get(PINGHU + "/garrison-units/" + unit + "/contact", admin).string("contactPhone"))
        .isEqualTo("0573-85999999");
    Answer contact = api.get(PINGHU + "/users/" + account + "/contact", admin);
    assertThat(contact.string("phone")).isEqualTo("13900001111");
    assertThat(contact.string("email")).isEqualTo("old@example.com");
  }

  // ---- helpers ----

  long newGarrisonUnit(String admin, String phone) {
    Map<String, Object> body = unitForm("驻平隐私某部-" + UUID.randomUUID().toString().substring(0, 8));
    if (phone != null) {
      body.put("contactPhone", phone);
    }
    Answer created = api.post(PINGHU + "/garrison-units", body, admin);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return Long.parseLong(created.string("id"));
  }

  static Map<String, Object> unitForm(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("branch", "ARMY");
    body.put("contactName", "测试联系人");
    return body;
  }

  static long unmaskings(String user, String target) throws SQLException {
    return Long.parseLong(
        single(
            "select count(*)::text from platform.audit_event where action ="
                + " 'PERSONAL_DATA_UNMASKED' and target = ? and username = '"
                + user
                + "'",
            target));
  }

  static String single(String sql, Object... values) throws SQLException {
    List<String> found = row(sql, values);
    return found.isEmpty() ? null : found.get(0);
  }

  static List<String> row(String sql, Object... values) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        select.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        List<String> values1 = new ArrayList<>();
        if (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            values1.add(rs.getString(i));
          }
        }
        return values1;
      }
    }
  }

  static List<String> column(String sql) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement select = c.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  static void update(String sql, long id) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setLong(1, id);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }
}
