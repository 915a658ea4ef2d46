package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.internal.NeedReminders;
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

/** The bell: who hears of what, reminders before and after the deadline, and isolation. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedNotificationTest implements TestPropertyProvider {
  private static final String BASE = "/api/v1/tenants/pinghu";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject NeedReminders reminders;
  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  long handlerUnit;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    handlerUnit =
        Long.parseLong(api.get("/api/v1/me", token("pinghu.handler")).string("responsibleUnitId"));
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  long unread(String user) {
    return ((Number) api.get(BASE + "/notifications/unread-count", token(user)).map().get("unread"))
        .longValue();
  }

  List<Map<String, Object>> notifications(String user) {
    return api.get(BASE + "/notifications?limit=200", token(user)).list();
  }

  long acceptedNeed(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", title);
    body.put("category", "医疗保障");
    long id = Long.parseLong(api.post(BASE + "/needs", body, token("pinghu.liaison")).string("id"));
    Map<String, Object> accept =
        Map.of(
            "responsibleUnitId", handlerUnit, "deadline", LocalDate.now().plusDays(20).toString());
    assertThat(api.post(BASE + "/needs/" + id + "/accept", accept, token("pinghu.staff")).status())
        .isEqualTo(200);
    return id;
  }

  /** A notification's subject as a plain map (the JSON numbers read as longs). */
  private static Map<String, Object> subjectOf(Map<String, Object> notification) {
    @SuppressWarnings("unchecked")
    Map<String, Object> subject = (Map<String, Object>) notification.get("subject");
    return subject == null
        ? Map.of()
        : Map.of("type", subject.get("type"), "id", ((Number) subject.get("id")).longValue());
  }

  @Test
  void eachSideHearsWhatConcernsIt() {
    long officeBefore = unread("pinghu.staff");
    String title = "送医上门-" + UUID.randomUUID().toString().substring(0, 6);
    long id = acceptedNeed(title);
    assertThat(unread("pinghu.staff")).isGreaterThan(officeBefore);
    String deadline = LocalDate.now().plusDays(20).toString();
    assertThat(notifications("pinghu.handler"))
        .anyMatch(
            n ->
                n.get("kind").equals("ASSIGNED")
                    && String.valueOf(id).equals(String.valueOf(n.get("needId")))
                    && Map.of("type", "NEED", "id", id).equals(subjectOf(n))
                    && n.get("message").equals("交办事项“" + title + "”，完成时限 " + deadline));
    // the same notification in the reader's language
    assertThat(api.get(BASE + "/notifications?limit=200", token("pinghu.handler"), "en").list())
        .anyMatch(
            n ->
                String.valueOf(id).equals(String.valueOf(n.get("needId")))
                    && n.get("message")
                        .equals("Need assigned to you: \"" + title + "\", deadline " + deadline));
    assertThat(notifications("pinghu.liaison2"))
        .noneMatch(n -> n.get("message").toString().contains(title));
    assertThat(notifications("jx.supervisor")).isEmpty();
    assertThat(api.get(BASE + "/notifications", token("hangzhou.admin")).status()).isEqualTo(404);

    api.post(BASE + "/needs/" + id + "/complete", Map.of("note", "已完成"), token("pinghu.handler"));
    assertThat(notifications("pinghu.liaison"))
        .anyMatch(
            n -> n.get("kind").equals("COMPLETED") && n.get("message").toString().contains(title));
  }

  @Test
  void readingClearsTheBellForThatUserOnly() {
    acceptedNeed("已读测试-" + UUID.randomUUID().toString().substring(0, 6));
    long before = unread("pinghu.handler");
    assertThat(before).isPositive();
    Map<String, Object> first = notifications("pinghu.handler").get(0);
    assertThat(
            api.post(
                    BASE + "/notifications/" + first.get("id") + "/read",
                    Map.of(),
                    token("pinghu.handler"))
                .status())
        .isEqualTo(204);
    assertThat(unread("pinghu.handler")).isEqualTo(before - 1);

    long officeOnly = ((Number) notifications("pinghu.staff").get(0).get("id")).longValue();
    assertThat(
            api.post(
                    BASE + "/notifications/" + officeOnly + "/read",
                    Map.of(),
                    token("pinghu.handler"))
                .status())
        .isEqualTo(404);
    long adminUnread = unread("pinghu.admin");
    assertThat(api.post(BASE + "/notifications/read-all", Map.of(), token("pinghu.staff")).status())
        .isEqualTo(204);
    assertThat(unread("pinghu.staff")).isZero();
    assertThat(unread("pinghu.admin")).isEqualTo(adminUnread);
  }

  @Test
  void remindersComeOnceBeforeTheDeadlineAndOnceWhenOverdue() throws Exception {
    String title = "提醒测试-" + UUID.randomUUID().toString().substring(0, 6);
    long id = acceptedNeed(title);
    setDeadline(id, "current_date + 1");
    reminders.remindAll();
    reminders.remindAll();
    assertThat(notifications("pinghu.handler"))
        .filteredOn(
            n -> n.get("kind").equals("DUE_SOON") && n.get("message").toString().contains(title))
        .hasSize(1);
    setDeadline(id, "current_date - 1");
    reminders.remindAll();
    reminders.remindAll();
    assertThat(notifications("pinghu.handler"))
        .filteredOn(
            n -> n.get("kind").equals("OVERDUE") && n.get("message").toString().contains(title))
        .hasSize(1);
    assertThat(notifications("pinghu.staff"))
        .anyMatch(
            n -> n.get("kind").equals("OVERDUE") && n.get("message").toString().contains(title));
    Answer hangzhou =
        api.get("/api/v1/tenants/hangzhou/notifications?limit=200", token("hangzhou.admin"));
    assertThat(hangzhou.list()).noneMatch(n -> n.get("message").toString().contains(title));
  }

  private static void setDeadline(long id, String expression) throws Exception {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("update t_pinghu.need set deadline = " + expression + " where id = " + id);
    }
  }
}
