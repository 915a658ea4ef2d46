package cn.shuangyong.tenants.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11: every change is audited with the record before and after it, as the API's {@code
 * before} and {@code after} of the event, personal data masked in the API and in the stored trail
 * alike, each caller seeing only its own scope's changes, and the keyed chain still whole.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBeforeAfterTest implements TestPropertyProvider {
  private static final String PINGHU = "/api/v1/tenants/pinghu";
  private static final String PHONE = "13912345678";

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Inject
  @Named(PlatformDataSource.NAME)
  TransactionOperations<Connection> platform;

  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  /** The newest event of {@code action} on {@code target} that {@code reader} sees, or null. */
  Map<String, Object> event(String reader, String action, String target) {
    Answer page = api.get("/api/v1/audit?action=" + action + "&size=200", token(reader));
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    return page.items().stream()
        .filter(e -> target.equals(e.get("target")))
        .findFirst()
        .orElse(null);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> state(Map<String, Object> event, String which) {
    return (Map<String, Object>) event.get(which);
  }

  @Test
  void anAccountUpdateCarriesBeforeAndAfterWithTheContactMasked() {
    String admin = token("pinghu.admin");
    long unit =
        ((Number) api.get(PINGHU + "/garrison-units?size=1", admin).items().get(0).get("id"))
            .longValue();
    String username = "audit." + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> form = new HashMap<>();
    form.put("username", username);
    form.put("displayName", "审计前");
    form.put("roles", List.of("GARRISON_LIAISON"));
    form.put("garrisonUnitId", unit);
    form.put("phone", "13812345678");
    form.put("email", "zhang.san@example.cn");
    Answer created = api.post(PINGHU + "/users", form, admin);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    form.remove("username");
    form.put("displayName", "审计后");
    Answer updated = api.put(PINGHU + "/users/" + created.string("id"), form, admin);
    assertThat(updated.status()).as(updated.text()).isEqualTo(200);

    Map<String, Object> event = event("pinghu.admin", "ACCOUNT_UPDATE", "user:" + username);
    assertThat(event).isNotNull();
    assertThat(state(event, "before")).containsEntry("displayName", "审计前");
    assertThat(state(event, "after"))
        .containsEntry("displayName", "审计后")
        .containsEntry("phone", "138****5678")
        .containsEntry("email", "z***@example.cn")
        .containsEntry("roles", List.of("GARRISON_LIAISON"));
    assertThat(event.get("detail")).isNull();
    Map<String, Object> creation = event("pinghu.admin", "ACCOUNT_CREATE", "user:" + username);
    assertThat(creation.get("before")).isNull();
    assertThat(state(creation, "after")).containsEntry("displayName", "审计前");
    assertThat(stored("user:" + username))
        .isNotEmpty()
        .noneMatch(detail -> detail.contains("13812345678") || detail.contains("zhang.san"));
  }

  @Test
  void aUnitChangeCarriesBeforeAndAfterAndItsContactPhoneNeverInClear() {
    String admin = token("pinghu.admin");
    String name = "审计驻军-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> form = new HashMap<>();
    form.put("name", name);
    form.put("branch", "ARMY");
    form.put("contactName", "李四");
    form.put("contactPhone", PHONE);
    Answer created = api.post(PINGHU + "/garrison-units", form, admin);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.string("id");
    form.put("name", name + "（改）");
    Answer updated = api.put(PINGHU + "/garrison-units/" + id, form, admin);
    assertThat(updated.status()).as(updated.text()).isEqualTo(200);

    Map<String, Object> event = event("pinghu.admin", "GARRISON_UNIT_UPDATE", id);
    assertThat(event).isNotNull();
    assertThat(state(event, "before"))
        .containsEntry("name", name)
        .containsEntry("contactPhone", "139****5678")
        .doesNotContainKeys("updatedAt", "version");
    assertThat(state(event, "after")).containsEntry("name", name + "（改）");
    assertThat(event.get("detail")).as("the states are not repeated as the detail").isNull();
    assertThat(api.get("/api/v1/audit?action=GARRISON_UNIT_UPDATE&size=200", admin).text())
        .doesNotContain(PHONE);
    assertThat(stored(id)).isNotEmpty().noneMatch(detail -> detail.contains(PHONE));

    // the region's supervisor sees the change, another city's admin does not
    assertThat(event("jx.supervisor", "GARRISON_UNIT_UPDATE", id)).isNotNull();
    assertThat(event("hangzhou.admin", "GARRISON_UNIT_UPDATE", id)).isNull();
  }

  @Test
  void aNeedsSubmissionAndWithdrawalCarryItsStates() {
    String liaison = token("pinghu.liaison");
    String title = "审计需求-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> need = new HashMap<>();
    need.put("direction", "FOR_TROOPS");
    need.put("title", title);
    need.put("category", "官兵出行");
    Answer submitted = api.post(PINGHU + "/needs", need, liaison);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    String target = "need:" + submitted.string("id");
    Answer withdrawn =
        api.post(PINGHU + "/needs/" + submitted.string("id") + "/withdraw", Map.of(), liaison);
    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);

    Map<String, Object> submit = event("pinghu.admin", "NEED_SUBMIT", target);
    assertThat(submit.get("before")).isNull();
    assertThat(state(submit, "after"))
        .containsEntry("title", title)
        .containsEntry("status", "SUBMITTED");
    Map<String, Object> withdraw = event("pinghu.admin", "NEED_WITHDRAW", target);
    assertThat(state(withdraw, "before")).containsEntry("status", "SUBMITTED");
    assertThat(state(withdraw, "after")).containsEntry("status", "WITHDRAWN");
    assertThat(event("zj.supervisor", "NEED_WITHDRAW", target)).isNotNull();
  }

  @Test
  void aNeedCategoryChangeCarriesBeforeAndAfter() {
    String admin = token("pinghu.admin");
    String name = "审计类别-" + UUID.randomUUID().toString().substring(0, 6);
    Answer added =
        api.post(PINGHU + "/need-categories", Map.of("name", name, "sortOrder", 900), admin);
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    String target = "need_category:" + added.string("id");
    Answer renamed =
        api.put(
            PINGHU + "/need-categories/" + added.string("id"),
            Map.of("name", name + "（改）", "sortOrder", 900, "active", false),
            admin);
    assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);

    Map<String, Object> add = event("pinghu.admin", "NEED_CATEGORY_ADD", target);
    assertThat(add.get("before")).isNull();
    assertThat(state(add, "after")).containsEntry("name", name).containsEntry("active", true);
    Map<String, Object> update = event("pinghu.admin", "NEED_CATEGORY_UPDATE", target);
    assertThat(state(update, "before")).containsEntry("name", name).containsEntry("active", true);
    assertThat(state(update, "after"))
        .containsEntry("name", name + "（改）")
        .containsEntry("active", false);
  }

  @Test
  void theChainStaysWholeWithTheStatesInside() {
    api.post(
        PINGHU + "/garrison-units",
        Map.of("name", "审计链-" + UUID.randomUUID().toString().substring(0, 6), "branch", "ARMY"),
        token("pinghu.admin"));
    Answer verified = api.get("/api/v1/audit/verify", token("admin"));
    assertThat(verified.status()).as(verified.text()).isEqualTo(200);
    assertThat(verified.map().get("firstBrokenId")).as(verified.text()).isNull();
  }

  /** The stored details of the events on {@code target}, as the database holds them. */
  private List<String> stored(String target) {
    return platform.executeRead(
        status -> {
          try (var select =
              status
                  .getConnection()
                  .prepareStatement(
                      "select coalesce(detail, '') from audit_event where target = ?")) {
            select.setString(1, target);
            List<String> details = new ArrayList<>();
            try (var rs = select.executeQuery()) {
              while (rs.next()) {
                details.add(rs.getString(1));
              }
            }
            return details;
          }
        });
  }
}
