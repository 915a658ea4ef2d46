package cn.shuangyong.tenants.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The 拥军项目 over the API: every status code the contract names (201, 200, 400, 403, 404, 409, 422),
 * every step, who sees what, and hostile input that must never be a 500.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectApiTest implements TestPropertyProvider {
  private static final String PROJECTS = "/api/v1/tenants/pinghu/projects";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  long handlerUnit;
  long liaisonUnit;
  long otherGarrison;

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
    otherGarrison =
        api
            .get("/api/v1/tenants/pinghu/garrison-units?size=200", token("pinghu.admin"))
            .items()
            .stream()
            .map(unit -> ((Number) unit.get("id")).longValue())
            .filter(id -> id != liaisonUnit)
            .findFirst()
            .orElseThrow();
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  Map<String, Object> body(String name, long garrisonUnit) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("category", "基础设施");
    body.put("garrisonUnitIds", List.of(garrisonUnit));
    body.put("responsibleUnitId", handlerUnit);
    body.put("budget", "3500000.00");
    body.put("fundingSource", "FISCAL");
    body.put("plannedStart", LocalDate.now().toString());
    body.put("plannedEnd", LocalDate.now().plusMonths(6).toString());
    return body;
  }

  long created() {
    return created(liaisonUnit);
  }

  long created(long garrisonUnit) {
    Answer answer =
        api.post(
            PROJECTS,
            body("营区道路硬化-" + UUID.randomUUID().toString().substring(0, 6), garrisonUnit),
            token("pinghu.staff"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return Long.parseLong(answer.string("id"));
  }

  int act(long id, String action, Object body, String user) {
    return api.post(PROJECTS + "/" + id + "/" + action, body, token(user)).status();
  }

  @Test
  void theOfficeCreatesAPlannedProjectWithItsLocationAndExactMoney() {
    Map<String, Object> body = body("随军家属就业培训", liaisonUnit);
    body.put("budget", 1234567.8);
    body.put("fundingSource", "DONATED");
    Answer answer = api.post(PROJECTS, body, token("pinghu.admin"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    assertThat(answer.string("status")).isEqualTo("PLANNED");
    assertThat(answer.text()).as("to the fen, two decimals").contains("\"budget\":1234567.80");
    assertThat(answer.string("fundingSource")).isEqualTo("DONATED");
    assertThat(answer.string("progress")).isEqualTo("0");
    assertThat(answer.string("progressSource")).isEqualTo("NONE");
    assertThat(answer.string("year")).isEqualTo(String.valueOf(LocalDate.now().getYear()));
    assertThat(answer.raw().headers().firstValue("Location"))
        .hasValue(PROJECTS + "/" + answer.string("id"));
    assertThat(answer.text()).contains("\"garrisonUnits\":[{\"id\":" + liaisonUnit + ",\"name\":");
  }

  @Test
  void fromPlannedThroughMilestonesToDoneWithEveryStepInTheTimeline() {
    long id = created();
    String base = PROJECTS + "/" + id;
    Answer first =
        api.post(
            base + "/milestones",
            Map.of("title", "路基施工", "dueDate", LocalDate.now().plusDays(30).toString()),
            token("pinghu.staff"));
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    Answer second =
        api.post(
            base + "/milestones",
            Map.of("title", "路面硬化", "dueDate", LocalDate.now().plusDays(60).toString()),
            token("pinghu.admin"));
    assertThat(second.status()).isEqualTo(201);
    assertThat(api.post(base + "/start", Map.of(), token("pinghu.staff")).string("status"))
        .isEqualTo("IN_PROGRESS");
    Answer half =
        api.post(
            base + "/milestones/" + first.string("id") + "/complete",
            Map.of(),
            token("pinghu.staff"));
    assertThat(half.status()).as(half.text()).isEqualTo(200);
    assertThat(half.string("progress")).isEqualTo("50");
    assertThat(half.string("progressSource")).isEqualTo("MILESTONES");
    assertThat(half.string("completedMilestones")).isEqualTo("1");
    Answer done = api.post(base + "/finish", Map.of("note", "验收通过"), token("pinghu.admin"));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.string("status")).isEqualTo("DONE");
    assertThat(done.string("progress")).isEqualTo("100");

    Answer detail = api.get(base, token("pinghu.liaison"));
    assertThat(detail.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) detail.map().get("history");
    assertThat(history)
        .extracting(e -> e.get("action"))
        .containsExactly(
            "CREATE", "ADD_MILESTONE", "ADD_MILESTONE", "START", "COMPLETE_MILESTONE", "FINISH");
    assertThat(history.get(3))
        .containsEntry("actor", "pinghu.staff")
        .containsEntry("from", "PLANNED")
        .containsEntry("to", "IN_PROGRESS");
    assertThat(history.get(5)).containsEntry("note", "验收通过");
    @SuppressWarnings("unchecked")
    Map<String, Object> person = (Map<String, Object>) history.get(0).get("actorPerson");
    assertThat(person.get("displayName")).isNotNull().isNotEqualTo("pinghu.staff");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> milestones =
        (List<Map<String, Object>>) detail.map().get("milestones");
    assertThat(milestones).extracting(m -> m.get("title")).containsExactly("路基施工", "路面硬化");
    assertThat(milestones.get(0).get("completedBy")).isEqualTo("pinghu.staff");
  }

  @Test
  void aCancellationNeedsItsReasonAndKeepsIt() {
    long id = created();
    assertThat(act(id, "cancel", Map.of(), "pinghu.staff")).isEqualTo(400);
    assertThat(act(id, "cancel", Map.of("reason", "  "), "pinghu.staff")).isEqualTo(400);
    Answer cancelled =
        api.post(PROJECTS + "/" + id + "/cancel", Map.of("reason", "部队移防"), token("pinghu.staff"));
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.string("cancelReason")).isEqualTo("部队移防");
  }

  @Test
  void aStepThatDoesNotFitTheStatusIs409NamingTheStatus() {
    long id = created();
    Answer early = api.post(PROJECTS + "/" + id + "/finish", Map.of(), token("pinghu.staff"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.text()).contains("PLANNED");
    assertThat(act(id, "start", Map.of(), "pinghu.staff")).isEqualTo(200);
    Answer twice = api.post(PROJECTS + "/" + id + "/start", Map.of(), token("pinghu.staff"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.text()).contains("IN_PROGRESS");
    assertThat(act(id, "finish", Map.of(), "pinghu.staff")).isEqualTo(200);
    assertThat(act(id, "cancel", Map.of("reason", "晚了"), "pinghu.staff")).isEqualTo(409);
    Map<String, Object> milestone =
        Map.of("title", "补充", "dueDate", LocalDate.now().plusDays(1).toString());
    assertThat(act(id, "milestones", milestone, "pinghu.staff")).isEqualTo(409);

    long open = created();
    Answer m = api.post(PROJECTS + "/" + open + "/milestones", milestone, token("pinghu.staff"));
    String complete = "milestones/" + m.string("id") + "/complete";
    assertThat(act(open, complete, Map.of(), "pinghu.staff")).isEqualTo(200);
    assertThat(act(open, complete, Map.of(), "pinghu.staff"))
        .as("completed already")
        .isEqualTo(409);
    assertThat(act(open, "milestones/999999999/complete", Map.of(), "pinghu.staff")).isEqualTo(404);
  }

  @Test
  void theOfficeCorrectsAProjectsFieldsWhileItIsOpenWithTheTimelineAndTheAuditBeforeAndAfter() {
    long id = created();
    String base = PROJECTS + "/" + id;
    api.post(
        base + "/milestones",
        Map.of("title", "路基施工", "dueDate", LocalDate.now().plusMonths(2).toString()),
        token("pinghu.staff"));
    Map<String, Object> corrected = body("营区道路硬化（修正）", otherGarrison);
    corrected.put("garrisonUnitIds", List.of(otherGarrison, liaisonUnit));
    corrected.put("budget", "3600000.5");
    corrected.put("fundingSource", "TROOPS");
    corrected.put("plannedEnd", LocalDate.now().plusMonths(8).toString());
    Answer updated = api.put(base, corrected, token("pinghu.admin"));
    assertThat(updated.status()).as(updated.text()).isEqualTo(200);
    assertThat(updated.string("name")).isEqualTo("营区道路硬化（修正）");
    assertThat(updated.text())
        .contains("\"budget\":3600000.50")
        .contains("\"id\":" + otherGarrison);
    assertThat(updated.string("fundingSource")).isEqualTo("TROOPS");
    assertThat(updated.string("status")).isEqualTo("PLANNED");
    assertThat(updated.text()).as("a line of the timeline").contains("\"action\":\"UPDATE\"");
    Answer audit = api.get("/api/v1/audit?action=PROJECT_UPDATE&size=200", token("pinghu.admin"));
    assertThat(audit.text()).contains("营区道路硬化（修正）").contains("营区道路硬化-");

    // no milestone may fall after the new end: 422 naming it, nothing changed
    corrected.put("plannedEnd", LocalDate.now().plusMonths(1).toString());
    corrected.put("name", "不该保存的名字");
    Answer late = api.put(base, corrected, token("pinghu.staff"));
    assertThat(late.status()).as(late.text()).isEqualTo(422);
    assertThat(late.text()).contains("plannedEnd").contains("路基施工");
    assertThat(api.get(base, token("pinghu.staff")).string("name")).isEqualTo("营区道路硬化（修正）");

    corrected.put("plannedEnd", LocalDate.now().plusMonths(8).toString());
    corrected.put("responsibleUnitId", 999_999_999L);
    assertThat(api.put(base, corrected, token("pinghu.staff")).status()).isEqualTo(422);
    corrected.put("responsibleUnitId", handlerUnit);
    assertThat(api.put(base, corrected, token("pinghu.liaison")).status()).isEqualTo(403);
    assertThat(api.put(base, corrected, token("pinghu.handler")).status()).isEqualTo(403);
    assertThat(api.put(PROJECTS + "/999999999", corrected, token("pinghu.staff")).status())
        .isEqualTo(404);
    assertThat(
            api.put(
                    "/api/v1/tenants/hangzhou/projects/" + id,
                    corrected,
                    api.login("hangzhou.admin", DemoProvince.PASSWORD))
                .status())
        .as("another city's project is not there")
        .isEqualTo(404);
    corrected.put("name", "名字\u0000");
    assertThat(api.put(base, corrected, token("pinghu.staff")).status()).isIn(400, 422);
    corrected.put("name", "营区道路硬化（修正）");
    assertThat(act(id, "start", Map.of(), "pinghu.staff")).isEqualTo(200);
    assertThat(act(id, "finish", Map.of(), "pinghu.staff")).isEqualTo(200);
    Answer closed = api.put(base, corrected, token("pinghu.staff"));
    assertThat(closed.status()).as("a finished project is kept as it was").isEqualTo(409);
  }

  @Test
  void onlyTheOfficeWritesAndASupervisorNever() {
    Map<String, Object> body = body("不该建成的项目", liaisonUnit);
    assertThat(api.post(PROJECTS, body, token("pinghu.liaison")).status()).isEqualTo(403);
    assertThat(api.post(PROJECTS, body, token("pinghu.handler")).status()).isEqualTo(403);
    assertThat(api.post(PROJECTS, body, token("zj.supervisor")).status()).isEqualTo(403);
    long id = created();
    // the liaison and handler see this project (their units), yet may not move it
    assertThat(act(id, "start", Map.of(), "pinghu.liaison")).isEqualTo(403);
    assertThat(act(id, "start", Map.of(), "pinghu.handler")).isEqualTo(403);
    assertThat(act(id, "start", Map.of(), "zj.supervisor")).isEqualTo(403);
    assertThat(act(id, "cancel", Map.of("reason", "x"), "pinghu.liaison")).isEqualTo(403);
    Map<String, Object> milestone =
        Map.of("title", "节点", "dueDate", LocalDate.now().plusDays(1).toString());
    assertThat(act(id, "milestones", milestone, "pinghu.handler")).isEqualTo(403);
    assertThat(api.get(PROJECTS + "/" + id, token("pinghu.admin")).string("status"))
        .isEqualTo("PLANNED");
  }

  @Test
  void listsAndDetailsShowOnlyWhatTheCallerMaySee() {
    long mine = created(liaisonUnit);
    long others = created(otherGarrison);
    assertThat(api.get(PROJECTS + "/" + others, token("pinghu.liaison")).status()).isEqualTo(404);
    assertThat(api.get(PROJECTS + "/" + mine, token("pinghu.liaison")).status()).isEqualTo(200);
    assertThat(api.get(PROJECTS + "/" + others, token("pinghu.handler")).status())
        .as("the handler's unit carries it")
        .isEqualTo(200);
    assertThat(api.get(PROJECTS + "/" + mine, token("jx.supervisor")).status()).isEqualTo(200);
    assertThat(api.get(PROJECTS + "/" + mine, token("hangzhou.admin")).status()).isEqualTo(404);
    assertThat(
            api.get("/api/v1/tenants/hangzhou/projects/" + mine, token("hangzhou.admin")).status())
        .isEqualTo(404);
    assertThat(act(mine, "start", Map.of(), "hangzhou.admin")).isEqualTo(404);
    assertThat(api.get(PROJECTS + "/999999999", token("pinghu.admin")).status()).isEqualTo(404);
    assertThat(act(999_999_999, "start", Map.of(), "pinghu.admin")).isEqualTo(404);

    Answer liaisons = api.get(PROJECTS + "?size=200", token("pinghu.liaison"));
    assertThat(liaisons.status()).isEqualTo(200);
    assertThat(liaisons.items())
        .isNotEmpty()
        .allMatch(p -> ((List<?>) p.get("garrisonUnitIds")).toString().contains("" + liaisonUnit));
    assertThat(liaisons.items()).noneMatch(p -> ((Number) p.get("id")).longValue() == others);
    Answer all = api.get(PROJECTS + "?size=200", token("pinghu.admin"));
    assertThat(all.items()).anyMatch(p -> ((Number) p.get("id")).longValue() == others);
    assertThat(
            api.get("/api/v1/tenants/hangzhou/projects?size=200", token("hangzhou.admin")).items())
        .noneMatch(p -> ((Number) p.get("id")).longValue() == mine);
  }

  @Test
  void theListFiltersPagesAndSorts() {
    String word = "筛选" + UUID.randomUUID().toString().substring(0, 6);
    Answer a = api.post(PROJECTS, body(word + " A", liaisonUnit), token("pinghu.staff"));
    Answer b = api.post(PROJECTS, body(word + " B", otherGarrison), token("pinghu.staff"));
    long idA = Long.parseLong(a.string("id"));
    long idB = Long.parseLong(b.string("id"));
    act(idB, "start", Map.of(), "pinghu.staff");
    String q = "?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
    String admin = token("pinghu.admin");
    Answer both = api.get(PROJECTS + q + "&sort=name,asc", admin);
    assertThat(both.map().get("total")).isEqualTo(2);
    assertThat(both.items()).extracting(p -> p.get("id")).containsExactly((int) idA, (int) idB);
    assertThat(api.get(PROJECTS + q + "&sort=name,desc", admin).items().get(0).get("id"))
        .isEqualTo((int) idB);
    assertThat(api.get(PROJECTS + q + "&status=IN_PROGRESS", admin).items())
        .extracting(p -> p.get("id"))
        .containsExactly((int) idB);
    assertThat(api.get(PROJECTS + q + "&garrisonUnitId=" + liaisonUnit, admin).items())
        .extracting(p -> p.get("id"))
        .containsExactly((int) idA);
    int year = LocalDate.now().getYear();
    assertThat(api.get(PROJECTS + q + "&year=" + year, admin).map().get("total")).isEqualTo(2);
    assertThat(api.get(PROJECTS + q + "&year=" + (year - 1), admin).map().get("total"))
        .isEqualTo(0);
    Answer paged = api.get(PROJECTS + q + "&size=1&page=1&sort=id,asc", admin);
    assertThat(paged.map())
        .containsEntry("total", 2)
        .containsEntry("page", 1)
        .containsEntry("size", 1);
    assertThat(paged.items()).extracting(p -> p.get("id")).containsExactly((int) idB);
    assertThat(
            api.get(PROJECTS + "?q=" + URLEncoder.encode("%_", StandardCharsets.UTF_8), admin)
                .map()
                .get("total"))
        .as("wildcards are taken literally")
        .isEqualTo(0);
  }

  @Test
  void needsAreLinkedBothWays() {
    Map<String, Object> need = new HashMap<>();
    need.put("direction", "FOR_TROOPS");
    need.put("title", "营区道路破损");
    need.put("category", "营区建设");
    long needId =
        Long.parseLong(
            api.post("/api/v1/tenants/pinghu/needs", need, token("pinghu.liaison")).string("id"));
    Map<String, Object> body = body("营区道路修缮", liaisonUnit);
    body.put("needIds", List.of(needId, needId));
    Answer project = api.post(PROJECTS, body, token("pinghu.staff"));
    assertThat(project.status()).as(project.text()).isEqualTo(201);
    assertThat(project.map().get("needIds")).isEqualTo(List.of((int) needId));
    assertThat(api.get(PROJECTS + "?needId=" + needId, token("pinghu.admin")).items())
        .extracting(p -> p.get("id"))
        .containsExactly(Integer.parseInt(project.string("id")));
    body.put("needIds", List.of(999_999_999));
    Answer unknown = api.post(PROJECTS, body, token("pinghu.staff"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.text()).contains("needIds").contains("未知的双清单事项");
  }

  @Test
  void lateMilestonesAreCountedOnTheProject() {
    Map<String, Object> body = body("冬季慰问", liaisonUnit);
    body.put("plannedStart", LocalDate.now().minusDays(30).toString());
    long id = Long.parseLong(api.post(PROJECTS, body, token("pinghu.staff")).string("id"));
    String late = LocalDate.now().minusDays(2).toString();
    api.post(
        PROJECTS + "/" + id + "/milestones",
        Map.of("title", "走访", "dueDate", late),
        token("pinghu.staff"));
    api.post(
        PROJECTS + "/" + id + "/milestones",
        Map.of("title", "发放", "dueDate", LocalDate.now().plusDays(2).toString()),
        token("pinghu.staff"));
    Answer detail = api.get(PROJECTS + "/" + id, token("pinghu.staff"));
    assertThat(detail.string("overdueMilestones")).isEqualTo("1");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> milestones =
        (List<Map<String, Object>>) detail.map().get("milestones");
    assertThat(milestones).extracting(m -> m.get("overdue")).containsExactly(true, false);
    assertThat(api.get(PROJECTS + "?size=200", token("pinghu.staff")).items())
        .filteredOn(p -> ((Number) p.get("id")).longValue() == id)
        .extracting(p -> p.get("overdueMilestones"))
        .containsExactly(1);
  }

  @Test
  void badMoneyDatesAndReferencesAre422WithTheFieldAndNothingIsSaved() {
    String staff = token("pinghu.staff");
    long before = ((Number) api.get(PROJECTS + "?size=1", staff).map().get("total")).longValue();
    assertRefused(with("budget", "-1.00"), "budget", "不能为负数");
    assertRefused(with("budget", "12.345"), "budget", "两位小数");
    assertRefused(with("budget", "1000000000000.00"), "budget", "不能超过");
    assertRefused(with("budget", null), "budget", "预算");
    assertRefused(
        with("plannedEnd", LocalDate.now().minusDays(1).toString()), "plannedEnd", "不能早于");
    assertRefused(with("responsibleUnitId", 999_999_999), "responsibleUnitId", "未知的责任单位");
    assertRefused(with("garrisonUnitIds", List.of(999_999_999)), "garrisonUnitIds", "未知的驻军单位");
    assertRefused(with("garrisonUnitIds", List.of()), "garrisonUnitIds", "至少");
    Answer english = api.post(PROJECTS, with("budget", "-5"), staff, "en");
    assertThat(english.text()).contains("may not be negative");
    long after = ((Number) api.get(PROJECTS + "?size=1", staff).map().get("total")).longValue();
    assertThat(after).isEqualTo(before);

    long id = created();
    Answer afterEnd =
        api.post(
            PROJECTS + "/" + id + "/milestones",
            Map.of("title", "验收", "dueDate", LocalDate.now().plusYears(1).toString()),
            staff);
    assertThat(afterEnd.status()).isEqualTo(422);
    assertThat(afterEnd.text()).contains("dueDate");
  }

  @Test
  void hostileInputIsRefusedCleanlyNeverA500() {
    String staff = token("pinghu.staff");
    assertThat(api.post(PROJECTS, with("name", "路\u0000"), staff).status()).isEqualTo(400);
    assertThat(api.post(PROJECTS, with("name", ""), staff).status()).isEqualTo(400);
    assertThat(api.post(PROJECTS, with("name", "长".repeat(201)), staff).status()).isEqualTo(400);
    assertThat(api.post(PROJECTS, with("fundingSource", "GOLD"), staff).status()).isEqualTo(400);
    assertThat(api.post(PROJECTS, with("plannedStart", "1800-01-01"), staff).status())
        .isEqualTo(400);
    assertThat(api.post(PROJECTS, with("plannedStart", "2026-13-45"), staff).status())
        .isEqualTo(400);
    assertThat(api.postRaw(PROJECTS, "{\"name\": [", staff).status()).isEqualTo(400);
    String huge = json(with("budget", null)).replace("\"budget\":null", "\"budget\":1e999999999");
    assertThat(api.postRaw(PROJECTS, huge, staff).status()).isIn(400, 422);
    String tiny = json(with("budget", null)).replace("\"budget\":null", "\"budget\":1e-999999999");
    assertThat(api.postRaw(PROJECTS, tiny, staff).status()).isIn(400, 422);
    String long999 =
        json(with("budget", null)).replace("\"budget\":null", "\"budget\":" + "9".repeat(400));
    assertThat(api.postRaw(PROJECTS, long999, staff).status()).isIn(400, 422);
    String hugeId =
        json(with("responsibleUnitId", null))
            .replace("\"responsibleUnitId\":null", "\"responsibleUnitId\":99999999999999999999999");
    assertThat(api.postRaw(PROJECTS, hugeId, staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "?sort=name,sideways", staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "?sort=budget%3B%20drop%20table%20project", staff).status())
        .isEqualTo(400);
    assertThat(api.get(PROJECTS + "?sort=,", staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "?size=201", staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "?page=-1", staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "?status=LOST", staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "?year=99999999999", staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "?q=%00", staff).status()).isEqualTo(400);
    assertThat(api.get(PROJECTS + "/abc", staff).status()).isIn(400, 404);
    assertThat(api.get(PROJECTS + "/99999999999999999999999", staff).status()).isIn(400, 404);
  }

  private void assertRefused(Map<String, Object> body, String field, String message) {
    Answer answer = api.post(PROJECTS, body, token("pinghu.staff"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(422);
    assertThat(answer.text()).contains("\"field\":\"" + field + "\"").contains(message);
  }

  private Map<String, Object> with(String field, Object value) {
    Map<String, Object> body =
        body("坏输入-" + UUID.randomUUID().toString().substring(0, 6), liaisonUnit);
    body.put(field, value);
    return body;
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
