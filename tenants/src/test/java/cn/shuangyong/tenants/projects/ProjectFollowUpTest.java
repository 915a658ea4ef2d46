package cn.shuangyong.tenants.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.projects.internal.ProjectReminders;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What follows a project's creation: progress entered by hand and cleared, the needs it fulfils
 * linked and unlinked (the need then finds its project), and late milestones in the bell of the
 * responsible unit and the office, once each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectFollowUpTest implements TestPropertyProvider {
  private static final String BASE = "/api/v1/tenants/pinghu";
  private static final String PROJECTS = BASE + "/projects";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ProjectReminders reminders;
  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  long handlerUnit;
  long liaisonUnit;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    handlerUnit =
        Long.parseLong(api.get("/api/v1/me", token("pinghu.handler")).string("responsibleUnitId"));
    liaisonUnit =
        Long.parseLong(api.get("/api/v1/me", token("pinghu.liaison")).string("garrisonUnitId"));
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  long project(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("category", "基础设施");
    body.put("garrisonUnitIds", List.of(liaisonUnit));
    body.put("responsibleUnitId", handlerUnit);
    body.put("budget", "80000.00");
    body.put("fundingSource", "FISCAL");
    body.put("plannedStart", LocalDate.now().toString());
    body.put("plannedEnd", LocalDate.now().plusMonths(6).toString());
    Answer created = api.post(PROJECTS, body, token("pinghu.staff"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return Long.parseLong(created.string("id"));
  }

  long need(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", title);
    body.put("category", "医疗保障");
    Answer created = api.post(BASE + "/needs", body, token("pinghu.liaison"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return Long.parseLong(created.string("id"));
  }

  @Test
  void theOfficeEntersProgressByHandAndGoesBackToTheMilestones() {
    long id = project("营区供暖改造");
    assertThat(
            api.post(PROJECTS + "/" + id + "/milestones", milestone(30), token("pinghu.staff"))
                .status())
        .isEqualTo(201);
    Answer entered =
        api.post(
            PROJECTS + "/" + id + "/progress",
            Map.of("percent", 35, "note", "管道铺设过半"),
            token("pinghu.staff"));
    assertThat(entered.status()).as(entered.text()).isEqualTo(200);
    assertThat(entered.string("progress")).isEqualTo("35");
    assertThat(entered.string("progressSource")).isEqualTo("ENTERED");
    assertThat(entered.text()).contains("ENTER_PROGRESS").contains("35% · 管道铺设过半");

    Answer cleared = api.delete(PROJECTS + "/" + id + "/progress", token("pinghu.staff"));
    assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
    assertThat(cleared.string("progress")).isEqualTo("0");
    assertThat(cleared.string("progressSource")).isEqualTo("MILESTONES");
    assertThat(cleared.text()).contains("CLEAR_PROGRESS");
  }

  @Test
  void progressOutOfRangeOrByTheWrongCallerIsRefused() {
    long id = project("营区围墙加固");
    String path = PROJECTS + "/" + id + "/progress";
    assertThat(api.post(path, Map.of("percent", 101), token("pinghu.staff")).status())
        .isEqualTo(400);
    assertThat(api.post(path, Map.of("percent", -1), token("pinghu.staff")).status())
        .isEqualTo(400);
    assertThat(api.post(path, Map.of(), token("pinghu.staff")).status()).isEqualTo(400);
    assertThat(api.postRaw(path, "{\"percent\": 1e400}", token("pinghu.staff")).status())
        .isEqualTo(400);
    assertThat(api.post(path, Map.of("percent", 50), token("pinghu.liaison")).status())
        .as("the liaison sees the project but may not write")
        .isEqualTo(403);
    assertThat(api.post(path, Map.of("percent", 50), token("zj.supervisor")).status())
        .isIn(403, 404);
    assertThat(
            api.post(
                    "/api/v1/tenants/hangzhou/projects/" + id + "/progress",
                    Map.of("percent", 50),
                    token("hangzhou.admin"))
                .status())
        .as("another city's project is not found under its path")
        .isEqualTo(404);
    api.post(PROJECTS + "/" + id + "/cancel", Map.of("reason", "撤编"), token("pinghu.staff"));
    assertThat(api.post(path, Map.of("percent", 50), token("pinghu.staff")).status())
        .isEqualTo(409);
  }

  @Test
  void aLinkedNeedFindsItsProjectAndTheLinkCanBeTakenBack() {
    long id = project("随军子女入学协调");
    long need = need("子女入学-" + UUID.randomUUID().toString().substring(0, 6));
    String needs = PROJECTS + "/" + id + "/needs";
    Answer linked = api.post(needs, Map.of("needId", need), token("pinghu.staff"));
    assertThat(linked.status()).as(linked.text()).isEqualTo(200);
    assertThat(linked.text()).contains("\"needIds\":[" + need + "]").contains("LINK_NEED");
    assertThat(api.post(needs, Map.of("needId", need), token("pinghu.staff")).status())
        .as("linked already")
        .isEqualTo(409);
    assertThat(api.post(needs, Map.of("needId", 999_999_999), token("pinghu.staff")).status())
        .isEqualTo(422);
    assertThat(api.post(needs, Map.of("needId", 0), token("pinghu.staff")).status()).isEqualTo(400);
    Answer found = api.get(PROJECTS + "?needId=" + need, token("pinghu.liaison"));
    assertThat(found.items()).extracting(p -> p.get("id").toString()).containsExactly("" + id);

    assertThat(api.delete(needs + "/" + need, token("pinghu.liaison")).status()).isEqualTo(403);
    Answer unlinked = api.delete(needs + "/" + need, token("pinghu.staff"));
    assertThat(unlinked.status()).as(unlinked.text()).isEqualTo(200);
    assertThat(unlinked.text()).contains("\"needIds\":[]").contains("UNLINK_NEED");
    assertThat(api.delete(needs + "/" + need, token("pinghu.staff")).status()).isEqualTo(404);
    assertThat(api.get(PROJECTS + "?needId=" + need, token("pinghu.staff")).items()).isEmpty();
  }

  @Test
  void aLateMilestoneReachesTheUnitAndTheOfficeOnce() throws Exception {
    String name = "营区道路硬化-" + UUID.randomUUID().toString().substring(0, 6);
    long id = project(name);
    Answer added =
        api.post(PROJECTS + "/" + id + "/milestones", milestone(10), token("pinghu.staff"));
    assertThat(added.status()).isEqualTo(201);
    reminders.remindAll();
    assertThat(late("pinghu.handler", name)).as("not late yet").isEmpty();

    setDue(Long.parseLong(added.string("id")), "current_date - 2");
    reminders.remindAll();
    reminders.remindAll();
    List<Map<String, Object>> handler = late("pinghu.handler", name);
    assertThat(handler).hasSize(1);
    assertThat(handler.get(0).get("subject").toString()).contains("PROJECT").contains("" + id);
    assertThat(late("pinghu.staff", name)).hasSize(1);
    assertThat(late("pinghu.liaison", name)).as("not the garrison's to do").isEmpty();
    assertThat(
            api.get(
                    BASE.replace("pinghu", "hangzhou") + "/notifications?limit=200",
                    token("hangzhou.admin"))
                .list())
        .noneMatch(n -> n.get("message").toString().contains(name));
  }

  private List<Map<String, Object>> late(String user, String name) {
    return api.get(BASE + "/notifications?limit=200", token(user)).list().stream()
        .filter(n -> "MILESTONE_OVERDUE".equals(n.get("kind")))
        .filter(n -> n.get("message").toString().contains(name))
        .toList();
  }

  private static Map<String, Object> milestone(int days) {
    return Map.of("title", "主体施工", "dueDate", LocalDate.now().plusDays(days).toString());
  }

  private static void setDue(long milestone, String expression) throws Exception {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "update t_pinghu.project_milestone set due_date = "
              + expression
              + " where id = "
              + milestone);
    }
  }
}
