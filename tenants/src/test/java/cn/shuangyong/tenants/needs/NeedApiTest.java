package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.api.NeedSheet;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The 双清单 over the API: every transition, every role, bad input and isolation. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedApiTest implements TestPropertyProvider {
  private static final String NEEDS = "/api/v1/tenants/pinghu/needs";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
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

  // ---- fixtures: a FOR_TROOPS need of pinghu.liaison's unit in a given status ----

  long submitted() {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", "周末出行直通车-" + UUID.randomUUID().toString().substring(0, 6));
    body.put("description", "官兵周末往返市区");
    body.put("category", "官兵出行");
    Answer answer = api.post(NEEDS, body, token("pinghu.liaison"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return Long.parseLong(answer.string("id"));
  }

  long accepted() {
    long id = submitted();
    Answer answer = api.post(NEEDS + "/" + id + "/accept", acceptBody(), token("pinghu.staff"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return id;
  }

  long completed() {
    long id = accepted();
    assertThat(
            api.post(NEEDS + "/" + id + "/complete", Map.of("note", "已开通"), token("pinghu.handler"))
                .status())
        .isEqualTo(200);
    return id;
  }

  Map<String, Object> acceptBody() {
    return Map.of(
        "responsibleUnitId",
        handlerUnit,
        "deadline",
        LocalDate.now().plusDays(30).toString(),
        "level",
        "CITY");
  }

  int act(long id, String action, Object body, String user) {
    return api.post(NEEDS + "/" + id + "/" + action, body, token(user)).status();
  }

  @Test
  void theDemoProvinceCarriesPinghusPublishedNeedsAsSamples() {
    Answer samples =
        api.get(
            NEEDS
                + "?q="
                + java.net.URLEncoder.encode("（示例）", java.nio.charset.StandardCharsets.UTF_8)
                + "&size=50",
            token("pinghu.admin"));
    assertThat(samples.items())
        .hasSizeGreaterThanOrEqualTo(10)
        .allMatch(n -> Boolean.TRUE.equals(n.get("sample")));
    assertThat(samples.items())
        .extracting(n -> n.get("status"))
        .contains("CLOSED", "IN_PROGRESS", "SUBMITTED");
  }

  // ---- the whole way ----

  @Test
  void fromAGarrisonsRequestToClosed() {
    long id = submitted();
    Answer detail = api.get(NEEDS + "/" + id, token("pinghu.liaison"));
    assertThat(detail.string("status")).isEqualTo("SUBMITTED");
    assertThat(detail.string("garrisonUnitId")).isEqualTo(String.valueOf(liaisonUnit));

    assertThat(
            api.post(NEEDS + "/" + id + "/accept", acceptBody(), token("pinghu.staff"))
                .string("status"))
        .isEqualTo("ACCEPTED");
    Answer progress =
        api.post(
            NEEDS + "/" + id + "/progress",
            Map.of("percent", 60, "note", "线路已确定"),
            token("pinghu.handler"));
    assertThat(progress.string("status")).isEqualTo("IN_PROGRESS");
    assertThat(progress.string("percent")).isEqualTo("60");
    assertThat(
            api.post(NEEDS + "/" + id + "/complete", Map.of("note", "已开通"), token("pinghu.handler"))
                .string("status"))
        .isEqualTo("COMPLETED");
    Answer closed =
        api.post(
            NEEDS + "/" + id + "/confirm",
            Map.of("satisfaction", "SATISFIED", "comment", "很满意"),
            token("pinghu.liaison"));
    assertThat(closed.string("status")).isEqualTo("CLOSED");

    Answer history = api.get(NEEDS + "/" + id, token("pinghu.admin"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) history.map().get("history");
    assertThat(events)
        .extracting(e -> e.get("action"))
        .containsExactly("SUBMIT", "ACCEPT", "PROGRESS", "COMPLETE", "CONFIRM");
    assertThat(events)
        .extracting(e -> e.get("actor"))
        .containsExactly(
            "pinghu.liaison", "pinghu.staff", "pinghu.handler", "pinghu.handler", "pinghu.liaison");
    assertThat(events.get(2))
        .containsEntry("from", "ACCEPTED")
        .containsEntry("to", "IN_PROGRESS")
        .containsEntry("note", "线路已确定");
  }

  /**
   * 不满意 is a send-back (退回重办), not a 销号 (issue 9 item 3): the REST action stays {@code confirm},
   * but the history records REOPEN, the progress goes back from 100 % to the unit's last report,
   * and the unit hears it was sent back for rework.
   */
  @Test
  void anUnsatisfiedRequesterSendsItBackToWork() {
    long id = accepted();
    api.post(NEEDS + "/" + id + "/progress", Map.of("percent", 70), token("pinghu.handler"));
    assertThat(
            api.post(NEEDS + "/" + id + "/complete", Map.of("note", "已开通"), token("pinghu.handler"))
                .string("percent"))
        .isEqualTo("100");
    Answer back =
        api.post(
            NEEDS + "/" + id + "/confirm",
            Map.of("satisfaction", "UNSATISFIED", "comment", "车次太少"),
            token("pinghu.liaison"));
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.string("status")).isEqualTo("IN_PROGRESS");
    assertThat(back.string("satisfaction")).isEqualTo("UNSATISFIED");
    assertThat(back.string("percent")).as("the rework is not done").isEqualTo("70");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) back.map().get("history");
    assertThat(events)
        .extracting(e -> e.get("action"))
        .containsExactly("SUBMIT", "ACCEPT", "PROGRESS", "COMPLETE", "REOPEN");
    assertThat(events.get(4))
        .containsEntry("from", "COMPLETED")
        .containsEntry("to", "IN_PROGRESS")
        .containsEntry("note", "车次太少");
    List<Map<String, Object>> heard =
        api.get("/api/v1/tenants/pinghu/notifications?limit=200", token("pinghu.handler")).list();
    assertThat(heard)
        .anyMatch(
            n ->
                "REOPENED".equals(n.get("kind"))
                    && String.valueOf(id).equals(String.valueOf(n.get("needId")))
                    && n.get("message").toString().endsWith("评价为不满意，已退回重办"));
  }

  @Test
  void aRejectionNeedsAWrittenReason() {
    long id = submitted();
    Answer noReason =
        api.post(NEEDS + "/" + id + "/reject", Map.of("reason", " "), token("pinghu.staff"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.text()).contains("\"field\":\"reason\"");
    Answer rejected =
        api.post(
            NEEDS + "/" + id + "/reject", Map.of("reason", "不属于地方职责范围"), token("pinghu.admin"));
    assertThat(rejected.string("status")).isEqualTo("REJECTED");
    assertThat(rejected.string("rejectionReason")).isEqualTo("不属于地方职责范围");
  }

  // ---- roles: who may do what (403), who does not even see the need (404) ----

  @Test
  void acceptAndRejectAreForTheOffice() {
    Map<String, Integer> expected = new HashMap<>();
    expected.put("pinghu.admin", 200);
    expected.put("pinghu.staff", 200);
    expected.put("pinghu.liaison", 403);
    expected.put("pinghu.liaison2", 404);
    expected.put("pinghu.handler", 404);
    expected.put("jx.supervisor", 403);
    expected.put("hangzhou.admin", 404);
    expected.forEach(
        (user, status) ->
            assertThat(act(submitted(), "accept", acceptBody(), user)).as(user).isEqualTo(status));
    expected.forEach(
        (user, status) ->
            assertThat(act(submitted(), "reject", Map.of("reason", "重复事项"), user))
                .as(user)
                .isEqualTo(status));
  }

  @Test
  void progressAndCompleteAreForTheAssignedHandlerAndStaff() {
    Map<String, Integer> expected = new HashMap<>();
    expected.put("pinghu.handler", 200);
    expected.put("pinghu.staff", 200);
    expected.put("pinghu.admin", 403);
    expected.put("pinghu.liaison", 403);
    expected.put("jx.supervisor", 403);
    expected.put("hangzhou.admin", 404);
    expected.forEach(
        (user, status) ->
            assertThat(act(accepted(), "progress", Map.of("percent", 30, "note", "电话报告"), user))
                .as(user)
                .isEqualTo(status));
    expected.forEach(
        (user, status) ->
            assertThat(act(accepted(), "complete", Map.of("note", "完成"), user))
                .as(user)
                .isEqualTo(status));
  }

  @Test
  void confirmIsForTheRequestingGarrison() {
    Map<String, Integer> expected = new HashMap<>();
    expected.put("pinghu.liaison", 200);
    expected.put("pinghu.liaison2", 404);
    expected.put("pinghu.staff", 403);
    expected.put("pinghu.admin", 403);
    expected.put("pinghu.handler", 403);
    expected.put("jx.supervisor", 403);
    expected.forEach(
        (user, status) ->
            assertThat(
                    act(
                        completed(),
                        "confirm",
                        Map.of("satisfaction", "BASICALLY_SATISFIED"),
                        user))
                .as(user)
                .isEqualTo(status));
  }

  @Test
  void superviseIsForSupervisorsAndTheCityAdminAndChangesNoStatus() {
    long id = accepted();
    Answer supervised =
        api.post(NEEDS + "/" + id + "/supervise", Map.of("note", "请加快进度"), token("jx.supervisor"));
    assertThat(supervised.status()).isEqualTo(200);
    assertThat(supervised.string("status")).isEqualTo("ACCEPTED");
    assertThat(supervised.string("supervisionCount")).isEqualTo("1");
    assertThat(act(id, "supervise", Map.of("note", "督办"), "pinghu.admin")).isEqualTo(200);
    assertThat(act(id, "supervise", Map.of("note", "督办"), "pinghu.staff")).isEqualTo(403);
    assertThat(act(id, "supervise", Map.of("note", "督办"), "hangzhou.admin")).isEqualTo(404);
    assertThat(act(id, "supervise", Map.of("note", ""), "pinghu.admin")).isEqualTo(400);
  }

  /**
   * City staff may still report progress and complete for the unit (the contract), but it is
   * recorded as 代为报告进度 / 代为办结, needs a reason, and the unit's handler hears of it.
   */
  @Test
  void staffActingForTheUnitSayWhyAndAreRecordedAsActingOnItsBehalf() {
    long id = accepted();
    Answer silent =
        api.post(NEEDS + "/" + id + "/progress", Map.of("percent", 40), token("pinghu.staff"));
    assertThat(silent.status()).isEqualTo(422);
    assertThat(silent.text()).contains("\"field\":\"note\"").contains("说明原因");
    assertThat(act(id, "complete", Map.of(), "pinghu.staff")).isEqualTo(422);
    assertThat(act(id, "progress", Map.of("percent", 40, "note", "承办单位电话报告"), "pinghu.staff"))
        .isEqualTo(200);
    Answer done =
        api.post(
            NEEDS + "/" + id + "/complete", Map.of("note", "承办单位系统故障，代为办结"), token("pinghu.staff"));
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.string("status")).isEqualTo("COMPLETED");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) done.map().get("history");
    assertThat(events)
        .extracting(e -> e.get("action"))
        .containsExactly("SUBMIT", "ACCEPT", "PROGRESS_ON_BEHALF", "COMPLETE_ON_BEHALF");
    assertThat(events.get(3)).containsEntry("actor", "pinghu.staff");

    List<Map<String, Object>> heard =
        api.get("/api/v1/tenants/pinghu/notifications?limit=200", token("pinghu.handler")).list();
    assertThat(heard)
        .anyMatch(
            n ->
                "COMPLETED_ON_BEHALF".equals(n.get("kind"))
                    && String.valueOf(id).equals(String.valueOf(n.get("needId")))
                    && n.get("message").toString().contains("代为办结"));

    // the unit's own report stays what it was: no reason required, recorded as PROGRESS
    long own = accepted();
    assertThat(act(own, "progress", Map.of("percent", 20), "pinghu.handler")).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ownEvents =
        (List<Map<String, Object>>)
            api.get(NEEDS + "/" + own, token("pinghu.admin")).map().get("history");
    assertThat(ownEvents.get(2)).containsEntry("action", "PROGRESS");
  }

  @Test
  void theAskingLiaisonWithdrawsItsNeedWhileStillSubmittedAndItCountsNowhere() {
    long year = LocalDate.now().getYear();
    long id = submitted();
    long before = total(year);
    Answer withdrawn =
        api.post(NEEDS + "/" + id + "/withdraw", Map.of("note", "已自行解决"), token("pinghu.liaison"));
    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
    assertThat(withdrawn.string("status")).isEqualTo("WITHDRAWN");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) withdrawn.map().get("history");
    assertThat(events).extracting(e -> e.get("action")).containsExactly("SUBMIT", "WITHDRAW");
    assertThat(events.get(1))
        .containsEntry("actor", "pinghu.liaison")
        .containsEntry("note", "已自行解决");
    assertThat(total(year)).as("a withdrawn need is in no total").isEqualTo(before - 1);

    Answer again = api.post(NEEDS + "/" + id + "/withdraw", Map.of(), token("pinghu.liaison"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text()).contains("WITHDRAWN");
    assertThat(act(accepted(), "withdraw", Map.of(), "pinghu.liaison")).isEqualTo(409);
    assertThat(act(id, "accept", acceptBody(), "pinghu.staff")).isEqualTo(409);
  }

  @Test
  void withdrawIsForTheAskingGarrisonAndTheOffice() {
    Map<String, Integer> expected = new HashMap<>();
    expected.put("pinghu.liaison", 200);
    expected.put("pinghu.staff", 200);
    expected.put("pinghu.admin", 200);
    expected.put("pinghu.liaison2", 404);
    expected.put("jx.supervisor", 403);
    expected.put("hangzhou.admin", 404);
    expected.forEach(
        (user, status) ->
            assertThat(act(submitted(), "withdraw", Map.of(), user)).as(user).isEqualTo(status));
  }

  private long total(long year) {
    return ((Number)
            api.get(NEEDS + "/indicators?year=" + year, token("pinghu.admin")).map().get("total"))
        .longValue();
  }

  @Test
  void anActionThatDoesNotFitTheStatusIs409NamingTheStatus() {
    long id = submitted();
    Answer early =
        api.post(
            NEEDS + "/" + id + "/confirm",
            Map.of("satisfaction", "SATISFIED"),
            token("pinghu.liaison"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.contentType()).startsWith("application/problem+json");
    assertThat(early.text()).contains("SUBMITTED");
    long closed = completed();
    act(closed, "confirm", Map.of("satisfaction", "SATISFIED"), "pinghu.liaison");
    assertThat(act(closed, "progress", Map.of("percent", 10), "pinghu.staff")).isEqualTo(409);
    assertThat(act(closed, "supervise", Map.of("note", "督办"), "pinghu.admin")).isEqualTo(409);
    assertThat(act(closed, "accept", acceptBody(), "pinghu.staff")).isEqualTo(409);
  }

  // ---- the office enters needs (issue 9, item 2) ----

  /**
   * What the office heard in a visit is entered for the garrison unit it came from; the liaison of
   * that unit then sees it as its own. Without a unit it is refused under the field; roles that may
   * not submit are refused.
   */
  @Test
  void theOfficeEntersAGarrisonsNeedForTheUnitItCameFrom() {
    for (String office : List.of("pinghu.staff", "pinghu.admin")) {
      Map<String, Object> body = new HashMap<>();
      body.put("direction", "FOR_TROOPS");
      body.put("title", "走访听取-" + UUID.randomUUID().toString().substring(0, 6));
      body.put("category", "官兵出行");
      body.put("source", "VISIT");
      body.put("garrisonUnitId", liaisonUnit);
      Answer created = api.post(NEEDS, body, token(office));
      assertThat(created.status()).as(office + " " + created.text()).isEqualTo(201);
      assertThat(created.string("status")).isEqualTo("SUBMITTED");
      assertThat(created.string("garrisonUnitId")).isEqualTo(String.valueOf(liaisonUnit));
      assertThat(created.string("createdBy")).isEqualTo(office);
      Answer seen = api.get(NEEDS + "/" + created.string("id"), token("pinghu.liaison"));
      assertThat(seen.status()).as(seen.text()).isEqualTo(200);
      assertThat(api.get(NEEDS + "/" + created.string("id"), token("pinghu.liaison2")).status())
          .isEqualTo(404);
      body.remove("garrisonUnitId");
      Answer unitless = api.post(NEEDS, body, token(office));
      assertThat(unitless.status()).isEqualTo(422);
      assertThat(unitless.text()).contains("garrisonUnitId");
    }
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", "无权提交");
    body.put("category", "官兵出行");
    body.put("garrisonUnitId", liaisonUnit);
    assertThat(api.post(NEEDS, body, token("pinghu.handler")).status()).isEqualTo(403);
    assertThat(api.post(NEEDS, body, token("jx.supervisor")).status()).isIn(403, 404);
  }

  // ---- the mirrored direction ----

  @Test
  void forCiviliansTheGarrisonWorksAndTheCityConfirms() {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_CIVILIANS");
    body.put("title", "防汛抢险支援-" + UUID.randomUUID().toString().substring(0, 6));
    body.put("category", "抢险救灾");
    assertThat(api.post(NEEDS, body, token("pinghu.liaison")).status()).isEqualTo(422);
    long id = Long.parseLong(api.post(NEEDS, body, token("pinghu.staff")).string("id"));
    Map<String, Object> accept =
        Map.of("garrisonUnitId", liaisonUnit, "deadline", LocalDate.now().plusDays(10).toString());
    assertThat(act(id, "accept", accept, "pinghu.staff")).isEqualTo(200);
    assertThat(act(id, "progress", Map.of("percent", 50), "pinghu.handler")).isEqualTo(404);
    assertThat(act(id, "progress", Map.of("percent", 50), "pinghu.liaison2")).isEqualTo(404);
    assertThat(act(id, "progress", Map.of("percent", 50), "pinghu.liaison")).isEqualTo(200);
    assertThat(act(id, "complete", Map.of("note", "出动官兵 120 人次"), "pinghu.liaison")).isEqualTo(200);
    assertThat(act(id, "confirm", Map.of("satisfaction", "SATISFIED"), "pinghu.liaison"))
        .isEqualTo(403);
    assertThat(act(id, "confirm", Map.of("satisfaction", "SATISFIED"), "pinghu.staff"))
        .isEqualTo(200);
  }

  // ---- bad input ----

  @Test
  void badInputGetsClearMessagesAndSavesNothing() {
    String liaison = token("pinghu.liaison");
    long before =
        ((Number) api.get(NEEDS + "?size=1", token("pinghu.admin")).map().get("total")).longValue();
    Map<String, Object> noTitle =
        new HashMap<>(Map.of("direction", "FOR_TROOPS", "title", "", "category", "官兵出行"));
    Answer empty = api.post(NEEDS, noTitle, liaison);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.text()).contains("\"field\":\"title\"").contains("不能为空");
    Map<String, Object> longTitle =
        new HashMap<>(
            Map.of("direction", "FOR_TROOPS", "title", "长".repeat(201), "category", "官兵出行"));
    assertThat(api.post(NEEDS, longTitle, liaison, "en").text()).contains("length must be between");
    Map<String, Object> badDirection =
        new HashMap<>(Map.of("direction", "SIDEWAYS", "title", "x", "category", "官兵出行"));
    assertThat(api.post(NEEDS, badDirection, liaison).status()).isEqualTo(400);
    Map<String, Object> badCategory =
        new HashMap<>(Map.of("direction", "FOR_TROOPS", "title", "x", "category", "不存在的类别"));
    Answer category = api.post(NEEDS, badCategory, liaison);
    assertThat(category.status()).isEqualTo(422);
    assertThat(category.text()).contains("未知的事项类别");
    Map<String, Object> pastDate =
        new HashMap<>(
            Map.of(
                "direction",
                "FOR_TROOPS",
                "title",
                "x",
                "category",
                "官兵出行",
                "expectedBy",
                LocalDate.now().minusDays(3).toString()));
    assertThat(api.post(NEEDS, pastDate, liaison).status()).isEqualTo(422);
    assertThat(api.postRaw(NEEDS, "{\"title\": [", liaison).status()).isEqualTo(400);

    long id = accepted();
    assertThat(act(id, "progress", Map.of("percent", 150), "pinghu.handler")).isEqualTo(400);
    assertThat(act(id, "progress", Map.of("percent", -1), "pinghu.handler")).isEqualTo(400);
    Map<String, Object> pastDeadline =
        Map.of(
            "responsibleUnitId", handlerUnit, "deadline", LocalDate.now().minusDays(1).toString());
    assertThat(act(submitted(), "accept", pastDeadline, "pinghu.staff")).isEqualTo(422);
    Map<String, Object> noUnit = Map.of("deadline", LocalDate.now().plusDays(1).toString());
    assertThat(act(submitted(), "accept", noUnit, "pinghu.staff")).isEqualTo(422);
    Map<String, Object> foreignUnit =
        Map.of("responsibleUnitId", 999_999, "deadline", LocalDate.now().plusDays(1).toString());
    assertThat(act(submitted(), "accept", foreignUnit, "pinghu.staff")).isEqualTo(422);
    long after =
        ((Number) api.get(NEEDS + "?size=1", token("pinghu.admin")).map().get("total")).longValue();
    assertThat(after - before).isEqualTo(4); // only the fixtures' own needs
  }

  // ---- who sees what ----

  @Test
  void listsAndDetailsShowOnlyWhatTheCallerMaySee() {
    long mine = submitted();
    long assigned = accepted();
    assertThat(api.get(NEEDS + "/" + mine, token("pinghu.liaison2")).status()).isEqualTo(404);
    assertThat(api.get(NEEDS + "/" + mine, token("hangzhou.admin")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/hangzhou/needs/" + mine, token("hangzhou.admin")).status())
        .isEqualTo(404);
    assertThat(api.get(NEEDS + "/" + mine, token("pinghu.handler")).status()).isEqualTo(404);
    assertThat(api.get(NEEDS + "/" + assigned, token("pinghu.handler")).status()).isEqualTo(200);
    assertThat(api.get(NEEDS + "/" + mine, token("jx.supervisor")).status()).isEqualTo(200);
    assertThat(api.get(NEEDS, token("hangzhou.liaison")).status()).isEqualTo(404);

    Answer others = api.get(NEEDS + "?size=200", token("pinghu.liaison2"));
    assertThat(others.status()).as(others.text()).isEqualTo(200);
    assertThat(others.items())
        .noneMatch(
            n ->
                n.get("garrisonUnitId") != null
                    && n.get("garrisonUnitId").toString().equals(String.valueOf(liaisonUnit)));
    assertThat(api.get(NEEDS + "?size=200", token("pinghu.handler")).items())
        .isNotEmpty()
        .allMatch(
            n -> String.valueOf(handlerUnit).equals(String.valueOf(n.get("responsibleUnitId"))));
    assertThat(api.get(NEEDS + "?size=200&q=周末出行", token("pinghu.liaison")).items())
        .isNotEmpty()
        .allMatch(n -> n.get("title").toString().contains("周末出行"));
  }

  @Test
  void textSearchFindsEveryWordOfAnyLengthCaseInsensitiveWithWildcardsTakenLiterally() {
    String tag = "检" + UUID.randomUUID().toString().substring(0, 8);
    long water = submittedWith(tag + " 营区饮用水管网改造", "覆盖率 100% 的 Wi-Fi 与 a_b 线路");
    long decoy = submittedWith(tag + " 营区照明", "线路 axb 与 a_ _b 编号");
    String staff = token("pinghu.staff");

    assertThat(found(tag + " 饮用水", staff)).containsExactly(water);
    assertThat(found(tag + " 水", staff)).containsExactly(water);
    assertThat(found(tag + " 营区", staff)).containsExactlyInAnyOrder(water, decoy);
    assertThat(found(tag + "  管网   改造 ", staff)).containsExactly(water);
    assertThat(found(tag + " 管网 照明", staff)).isEmpty();
    assertThat(found(tag + "\u3000管网\u3000改造", staff))
        .as("ideographic space")
        .containsExactly(water);
    assertThat(found(tag + " wi-fi", staff)).containsExactly(water);
    assertThat(found(tag + " 100%", staff)).containsExactly(water);
    assertThat(found(tag + " a_b", staff)).containsExactly(water);
    assertThat(found(tag + " 改造", token("pinghu.liaison2"))).isEmpty();

    // the page and the count come from one statement; past the last page the count still holds
    String paged = NEEDS + "?size=1&q=" + java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8);
    assertThat(api.get(paged + "&page=1", staff).string("total")).isEqualTo("2");
    Answer beyond = api.get(paged + "&page=7", staff);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.string("total")).isEqualTo("2");
  }

  private long submittedWith(String title, String description) {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", title);
    body.put("description", description);
    body.put("category", "营区建设");
    Answer answer = api.post(NEEDS, body, token("pinghu.liaison"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return Long.parseLong(answer.string("id"));
  }

  private List<Long> found(String text, String token) {
    Answer answer =
        api.get(
            NEEDS + "?size=50&q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8),
            token);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.items().stream().map(n -> Long.parseLong(n.get("id").toString())).toList();
  }

  @Test
  void indicatorsCountTheYearsLists() {
    long closed = completed();
    act(closed, "confirm", Map.of("satisfaction", "SATISFIED"), "pinghu.liaison");
    Answer figures =
        api.get(NEEDS + "/indicators?year=" + LocalDate.now().getYear(), token("pinghu.admin"));
    assertThat(figures.status()).isEqualTo(200);
    assertThat(figures.map())
        .containsKeys(
            "byStatus",
            "byDirection",
            "total",
            "completionRate",
            "onTimeRate",
            "satisfactionRate",
            "overdueCount");
    assertThat(((Number) figures.map().get("total")).longValue()).isPositive();
    double completion = ((Number) figures.map().get("completionRate")).doubleValue();
    assertThat(completion).isBetween(0.0, 1.0).isPositive();
    assertThat(((Number) figures.map().get("satisfactionRate")).doubleValue()).isBetween(0.0, 1.0);
    assertThat(api.get(NEEDS + "/indicators", token("jx.supervisor")).status()).isEqualTo(200);
    assertThat(api.get(NEEDS + "/indicators", token("hangzhou.admin")).status()).isEqualTo(404);
  }

  @Test
  void theExportHasTheFourClearColumnsNeutralisesFormulasAndRespectsVisibility() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", "=HYPERLINK(\"http://evil\",\"点我\")");
    body.put("category", "其他");
    long formula = Long.parseLong(api.post(NEEDS, body, token("pinghu.liaison")).string("id"));
    var response = api.download(NEEDS + "/export?direction=FOR_TROOPS", token("pinghu.staff"));
    assertThat(response.statusCode()).isEqualTo(200);
    try (var workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(response.body()))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).contains("拥军优属清单");
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("责任单位");
      assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("完成时限");
      List<String> titles = new java.util.ArrayList<>();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        var cell = sheet.getRow(i).getCell(1);
        assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        titles.add(cell.getStringCellValue());
      }
      assertThat(titles).contains("'=HYPERLINK(\"http://evil\",\"点我\")");
    }
    var others = api.download(NEEDS + "/export", token("pinghu.liaison2"));
    try (var workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(others.body()))) {
      var sheet = workbook.getSheetAt(0);
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        assertThat(sheet.getRow(i).getCell(1).getStringCellValue()).doesNotContain("HYPERLINK");
      }
    }
    assertThat(api.download(NEEDS + "/export", token("hangzhou.admin")).statusCode())
        .isEqualTo(404);
    assertThat(formula).isPositive();
  }

  @Test
  void theExportSpeaksTheCallersLanguageWithTheLabelsOfTheScreen() throws Exception {
    long id = accepted();
    Map<Locale, List<String>> headers =
        Map.of(
            Messages.CHINESE,
            List.of("序号", "事项名称", "类别", "驻军单位", "责任单位", "实事内容", "完成时限", "层级", "工作质量", "状态", "督办次数"),
            Locale.ENGLISH,
            List.of(
                "No.",
                "Title",
                "Category",
                "Garrison unit",
                "Responsible unit",
                "Content",
                "Deadline",
                "Level",
                "Quality",
                "Status",
                "Supervisions"));
    Messages bundle = new Messages();
    for (Locale locale : Messages.SUPPORTED) {
      var response =
          api.download(
              NEEDS + "/export?direction=FOR_TROOPS",
              token("pinghu.staff"),
              locale.toLanguageTag());
      assertThat(response.statusCode()).isEqualTo(200);
      try (var workbook =
          new org.apache.poi.xssf.usermodel.XSSFWorkbook(
              new java.io.ByteArrayInputStream(response.body()))) {
        var sheet = workbook.getSheetAt(0);
        List<String> header = new java.util.ArrayList<>();
        sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
        // the texts the board's grid and the detail page show, from the same bundle keys
        assertThat(header)
            .isEqualTo(headers.get(locale))
            .isEqualTo(
                NeedSheet.DEFINITION.exportColumns().stream()
                    .map(column -> bundle.get(locale, column.labelKey()))
                    .toList());
        assertThat(sheet.getSheetName())
            .isEqualTo(
                bundle.get(
                    locale, "needs.list.FOR_TROOPS", String.valueOf(LocalDate.now().getYear())));
        var row = find(sheet, id);
        assertThat(row.getCell(9).getStringCellValue())
            .isEqualTo(bundle.get(locale, "needs.status.ACCEPTED"));
        assertThat(row.getCell(7).getStringCellValue())
            .isEqualTo(bundle.get(locale, "needs.level.CITY"));
        assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(6)))
            .isTrue();
        assertThat(row.getCell(10).getNumericCellValue()).isZero();
      }
    }
  }

  /** The export's row of a need: the one with the need's title. */
  private org.apache.poi.ss.usermodel.Row find(org.apache.poi.ss.usermodel.Sheet sheet, long id) {
    String title = api.get(NEEDS + "/" + id, token("pinghu.staff")).string("title");
    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
      if (sheet.getRow(i).getCell(1).getStringCellValue().equals(title)) {
        return sheet.getRow(i);
      }
    }
    throw new AssertionError("no row for " + title);
  }

  @Test
  void overdueIsComputedAndFilterable() throws Exception {
    long id = accepted();
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("update t_pinghu.need set deadline = current_date - 2 where id = " + id);
    }
    Answer need = api.get(NEEDS + "/" + id, token("pinghu.staff"));
    assertThat(need.map()).containsEntry("overdue", true);
    List<Map<String, Object>> overdue =
        api.get(NEEDS + "?overdue=true&size=200", token("pinghu.staff")).items();
    assertThat(overdue).extracting(n -> n.get("id").toString()).contains(String.valueOf(id));
    assertThat(overdue).allMatch(n -> Boolean.TRUE.equals(n.get("overdue")));
    assertThat(api.get(NEEDS + "?status=CLOSED&size=200", token("pinghu.staff")).items())
        .allMatch(n -> n.get("status").equals("CLOSED"));
  }
}
